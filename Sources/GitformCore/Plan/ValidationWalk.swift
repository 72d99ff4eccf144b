import Foundation

/// The engine's half of `gitform validate`: the configuration decoded and checked against the
/// schemas (names, required arguments, types, scopes, keys, dates, references, cycles), with
/// variables and everything GitLab decides unknown. Talks to no one.
public enum ValidationWalk {
  public static func diagnostics(files: [(String, [UInt8])], directory: String, clock: EvalClock) -> [Diagnostic] {
    let parsed = files.map { name, source in
      let (file, diagnostics) = Parser.parse(source, filename: name)
      return ConfigLoader.ParsedFile(name: name, source: source, file: file, diagnostics: diagnostics)
    }
    return diagnostics(parsed: parsed, directory: directory, clock: clock)
  }

  /// The same for files already parsed.
  public static func diagnostics(parsed: [ConfigLoader.ParsedFile], directory: String, clock: EvalClock) -> [Diagnostic] {
    let (configuration, decodeDiagnostics, referenceCheck) = ConfigLoader.decodeDeferringReferences(
      parsed: parsed, directory: directory)
    if decodeDiagnostics.hasErrors { return decodeDiagnostics + referenceCheck.run() }
    // References are checked on a second thread while the graph is built; when they fail,
    // only the decoder's diagnostics are reported and nothing is walked, as before.
    let references = BackgroundJob { referenceCheck.run() }
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
    let loadDiagnostics = decodeDiagnostics + (references.wait() ?? [])
    if loadDiagnostics.hasErrors { return loadDiagnostics }
    if graphDiagnostics.hasErrors { return loadDiagnostics + graphDiagnostics }
    var variables: [String: Value] = [:]
    for variable in configuration.variables {
      variables[variable.name] = Value.unknown(variable.type).marked(sensitive: variable.sensitive)
    }
    let context = EvalContext(baseDirectory: directory, clock: clock, mode: .validate)
    var walker = ConfigWalker(configuration: configuration, graph: graph, variables: variables, context: context)
    walker.allowsUnknownExpansion = true
    let today = CalendarDate(utcDayOf: clock.now())
    var claims: [ObjectClaimCheck.Entry] = []
    walker.walk { instances in
      var values: [InstanceAddress: Value] = [:]
      values.reserveCapacity(instances.count)
      for planned in plannedValues(instances, catalog: configuration.catalog, today: today) {
        values[planned.address] = planned.value
        if let entry = planned.claim { claims.append(entry) }
      }
      return values
    }
    // Sensitive-output checks need values; with unknown variables they are still decided by marks.
    // Two instances claiming one object; only identical spellings of an owner are known here.
    let diagnostics = loadDiagnostics + walker.diagnostics + ObjectClaimCheck.diagnostics(claims) { _, _ in false }
    ProcessLifetime.keepUntilExit((configuration, graph, walker, claims))
    return diagnostics
  }

  /// One instance's value for the expressions that refer to it, and what it claims in GitLab.
  private struct PlannedInstance {
    var address: InstanceAddress
    var value: Value
    var claim: ObjectClaimCheck.Entry?
  }

  /// The planned values of one level. Each is a function of its own configuration alone, so a
  /// large level is planned in two halves at once: on 10,000 resources this was a tenth of
  /// `validate`, with the second core idle.
  private static func plannedValues(
    _ instances: [InstanceConfig], catalog: ResourceCatalog, today: CalendarDate
  ) -> [PlannedInstance] {
    guard instances.count >= 2_000 else { return plan(instances[...], catalog: catalog, today: today) }
    let half = instances.count / 2
    let upper = BackgroundJob { plan(instances[half...], catalog: catalog, today: today) }
    let lower = plan(instances[..<half], catalog: catalog, today: today)
    return lower + (upper.wait() ?? [])
  }

  private static func plan(
    _ instances: ArraySlice<InstanceConfig>, catalog: ResourceCatalog, today: CalendarDate
  ) -> [PlannedInstance] {
    var result: [PlannedInstance] = []
    result.reserveCapacity(instances.count)
    for instance in instances {
      if instance.resource.mode == .managed, let type = catalog.managed(instance.resource.type) {
        let planned = InstancePlanner(type: type, context: nil, today: today)
          .planned(instance.config, prior: nil, lifecycle: instance.resource.lifecycle)
        result.append(
          PlannedInstance(
            address: instance.address, value: planned,
            claim: ObjectClaimCheck.Entry(
              address: instance.address, type: type, planned: planned, range: instance.resource.block.definitionRange)))
      } else if let type = catalog.dataSource(instance.resource.type) {
        result.append(PlannedInstance(address: instance.address, value: .unknown(type.schema.objectType), claim: nil))
      }
    }
    return result
  }
}
