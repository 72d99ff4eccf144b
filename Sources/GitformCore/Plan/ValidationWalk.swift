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
    let (configuration, loadDiagnostics) = ConfigLoader.decode(parsed: parsed, directory: directory)
    if loadDiagnostics.hasErrors { return loadDiagnostics }
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
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
      for instance in instances {
        if instance.resource.mode == .managed, let type = configuration.catalog.managed(instance.resource.type) {
          let planned = InstancePlanner(type: type, context: nil, today: today)
            .planned(instance.config, prior: nil, lifecycle: instance.resource.lifecycle)
          values[instance.address] = planned
          claims.append(
            ObjectClaimCheck.Entry(
              address: instance.address, type: type, planned: planned, range: instance.resource.block.definitionRange))
        } else if let type = configuration.catalog.dataSource(instance.resource.type) {
          values[instance.address] = .unknown(type.schema.objectType)
        }
      }
      return values
    }
    // Sensitive-output checks need values; with unknown variables they are still decided by marks.
    // Two instances claiming one object; only identical spellings of an owner are known here.
    let diagnostics = loadDiagnostics + walker.diagnostics + ObjectClaimCheck.diagnostics(claims) { _, _ in false }
    ProcessLifetime.keepUntilExit((configuration, graph, walker, claims))
    return diagnostics
  }
}
