import Foundation

/// Makes a `Plan` from a configuration, the state and GitLab.
///
/// Order: admin pre-check, refresh (unless disabled), imports, the configuration walk (each
/// instance planned against its refreshed object), deletions of what the configuration no
/// longer has, -replace, -target, prevent_destroy, outputs. Problems are diagnostics; the plan
/// is nil when there is any error.
public struct Planner {
  public let configuration: Configuration
  public let graph: ConfigGraph
  public let variables: [String: Value]
  public let evalContext: EvalContext
  public let resourceContext: ResourceContext
  public let options: PlanOptions
  /// The types this plan knows: the configuration's.
  var catalog: ResourceCatalog { configuration.catalog }
  /// Told of the refresh's progress as it happens (not of the reads that resolve a lost answer
  /// under -refresh=false, which print nothing); nil for none.
  public var observeRefresh: (@Sendable (RefreshEvent) -> Void)?

  public init(
    configuration: Configuration, graph: ConfigGraph, variables: [String: Value],
    evalContext: EvalContext, resourceContext: ResourceContext, options: PlanOptions
  ) {
    self.configuration = configuration
    self.graph = graph
    self.variables = variables
    self.evalContext = evalContext
    self.resourceContext = resourceContext
    self.options = options
  }

  public func plan(state: StateSnapshot) -> (Plan?, [Diagnostic]) {
    var diagnostics = adminCheck(state)
    if diagnostics.hasErrors { return (nil, diagnostics) }
    let moves = applyMoves(state)
    let (refreshed, drift, refreshDiagnostics) = refresh(moves.state)
    diagnostics += refreshDiagnostics
    if diagnostics.hasErrors { return (nil, diagnostics) }
    if options.refreshOnly { return (refreshOnlyPlan(refreshed, drift: drift, warnings: diagnostics + moves.warnings), []) }
    var prior = refreshed
    let imports = importObjects(prior, into: &diagnostics)
    if diagnostics.hasErrors { return (nil, diagnostics) }
    for (address, object) in imports.objects { prior.objects[address] = StateObject(value: object) }

    var changes: [ResourceChange] = []
    var outputs: [String: Value] = [:]
    var moveWarnings: [Diagnostic] = []
    if options.destroy {
      changes = destroyChanges(prior)
    } else {
      (changes, outputs, moveWarnings) = configuredChanges(
        prior, imports: imports.ids, drift: drift, diagnostics: &diagnostics)
    }
    changes = refactored(changes, moves: moves, diagnostics: &diagnostics)
    if diagnostics.hasErrors { return (nil, diagnostics) }
    changes += deposedChanges(prior)
    changes.sort { $0.address == $1.address ? ($0.deposedKey ?? "") < ($1.deposedKey ?? "") : $0.address < $1.address }
    var warnings = diagnostics + configurationWarnings()
    if !options.targets.isEmpty {
      changes = applyTargets(changes)
      warnings.append(
        .warning(
          "Resource targeting is in effect",
          detail: "You are creating a plan with the -target option, which means that the result of this plan may not represent all of the changes requested by the current configuration.\n\nThe -target option is not for routine use, and is provided only for exceptional situations such as recovering from errors or mistakes, or when gitform specifically suggests to use it as part of an error message."))
    }
    diagnostics = preventDestroyCheck(changes)
    if diagnostics.hasErrors { return (nil, warnings + diagnostics) }
    warnings += missingSecretWarnings(changes)
    warnings += unrenewableWarnings(changes)
    warnings += moveWarnings + moves.warnings
    warnings += changeWarnings(changes)
    warnings += forgetWarnings(changes)
    recordConfigOnlySettings(changes, into: &prior)
    var plan = Plan(
      changes: changes, drift: drift.filter { entry in
        changes.contains { $0.address == entry.address && $0.action != .noOp }
      }, outputChanges: outputChanges(state: state, outputs: outputs),
      isDestroy: options.destroy, warnings: warnings, priorState: prior, outputs: outputs)
    plan.isTargeted = !options.targets.isEmpty
    return (plan, [])
  }

  // MARK: - Steps

  /// The state as GitLab has it now, with what changed outside gitform. Without refresh, only
  /// a create or rotation whose answer was lost is resolved: planning it as new would leave
  /// what GitLab made as an active orphan.
  private func refresh(_ state: StateSnapshot) -> (StateSnapshot, [DriftEntry], [Diagnostic]) {
    if options.refresh && !state.objects.isEmpty {
      let outcome = Refresher(
        context: resourceContext, parallelism: options.parallelism, catalog: catalog, observe: observeRefresh
      ).refresh(state, only: refreshScope(state))
      return (outcome.state, outcome.drift, outcome.diagnostics)
    }
    guard state.objects.values.contains(where: \.pending) else { return (state, [], []) }
    let outcome = Refresher(context: resourceContext, parallelism: options.parallelism, catalog: catalog)
      .refresh(state, only: Set(state.objects.filter { $0.value.pending }.map(\.key)))
    return (outcome.state, [], outcome.diagnostics)
  }

  /// `-destroy`: every object of the state goes.
  private func destroyChanges(_ prior: StateSnapshot) -> [ResourceChange] {
    prior.addresses.compactMap { address in
      prior.objects[address].map {
        ResourceChange(address: address, action: .delete, before: $0.value, after: nil, dependencies: $0.dependencies)
      }
    }
  }

  /// Every configured instance planned against its refreshed object, level by level, and the
  /// deletion of what the configuration no longer has; with the outputs and moved-path warnings.
  private func configuredChanges(
    _ prior: StateSnapshot, imports: [ResourceInstanceAddress: String], drift: [DriftEntry],
    diagnostics: inout [Diagnostic]
  ) -> ([ResourceChange], [String: Value], [Diagnostic]) {
    let deletedOutside = Set(drift.filter { $0.after == nil }.map(\.address))
    let changedOutside = Dictionary(
      drift.compactMap { entry in entry.after.map { (entry.address, Planner.changedAttributes(entry.before, $0)) } },
      uniquingKeysWith: { a, _ in a })
    var walker = ConfigWalker(configuration: configuration, graph: graph, variables: variables, context: evalContext)
    var planned: [ResourceChange] = []
    var found: [Diagnostic] = []
    walker.walk { instances in
      var values: [ResourceInstanceAddress: Value] = [:]
      for instance in instances {
        let triggered = !instance.resource.lifecycle.replaceTriggeredBy.isEmpty && isReplaceTriggered(instance, by: planned)
        var change = planInstance(
          instance, prior: prior, imports: imports, changedOutside: changedOutside[instance.address] ?? [],
          triggered: triggered, diagnostics: &found)
        if change.action == .create && change.reason == nil {
          change.reason = deletedOutside.contains(instance.address) ? .deletedOutside : .notInState
        }
        planned.append(change)
        values[instance.address] = change.after ?? .unknown()
      }
      return values
    }
    diagnostics += found + walker.diagnostics + walker.checkDiagnostics
    diagnostics += claimConflicts(planned, instances: walker.instances)
    let configured = Set(planned.map(\.address))
    for address in prior.addresses where !configured.contains(address) {
      guard let object = prior.objects[address] else { continue }
      planned.append(
        ResourceChange(
          address: address, action: .delete,
          reason: deleteReason(address, expansions: walker.expansions, modules: walker.moduleInstances),
          before: object.value, after: nil, dependencies: object.dependencies))
    }
    return (planned, walker.outputs, movedNamespaceWarnings(walker.instances))
  }

  /// The deletion of every deposed object (left over from an interrupted replacement).
  private func deposedChanges(_ prior: StateSnapshot) -> [ResourceChange] {
    prior.deposed.keys.sorted().compactMap { key in
      guard let object = prior.deposed[key] else { return nil }
      var change = ResourceChange(
        address: key.address, action: .delete, reason: .deposedLeftover, before: object.value, after: nil,
        dependencies: object.dependencies)
      change.deposedKey = key.key
      return change
    }
  }

  private func planInstance(
    _ instance: InstanceConfig, prior: StateSnapshot, imports: [ResourceInstanceAddress: String],
    changedOutside: Set<String> = [], triggered: Bool = false, diagnostics: inout [Diagnostic]
  ) -> ResourceChange {
    if instance.resource.mode == .data {
      return planData(instance, diagnostics: &diagnostics)
    }
    guard let type = catalog.managed(instance.address.resource.type) else {
      return ResourceChange(address: instance.address, action: .noOp, before: nil, after: nil)
    }
    diagnostics += nullRequiredCheck(instance, type: type)
    let planner = InstancePlanner(type: type, context: resourceContext, today: resourceContext.today)
    let known = prior.objects[instance.address]
    let requested = options.isTargeted(instance.address, by: options.replace)
    var change = planner.change(
      instance, prior: known?.value, importID: imports[instance.address], forceReplace: requested || triggered,
      priorPending: known?.pending ?? false, changedOutside: changedOutside)
    if triggered && !requested && change.reason == .replaceByRequest { change.reason = .replaceByTriggers }
    diagnostics += type.planDiagnostics(change, ranges: instance.ranges, context: resourceContext)
    diagnostics += createBeforeDestroyWarning(change, instance, type: type)
    diagnostics += ownerCheck(change, instance, type: type)
    return change
  }

  /// A data source is read now when its arguments are known, else during apply.
  private func planData(_ instance: InstanceConfig, diagnostics: inout [Diagnostic]) -> ResourceChange {
    guard let type = catalog.dataSource(instance.address.resource.type) else {
      return ResourceChange(address: instance.address, action: .noOp, before: nil, after: nil)
    }
    // The walk has reported what is wrong with the arguments; asking GitLab would only add noise.
    guard !type.validate(instance.config, ranges: instance.ranges).hasErrors else {
      return ResourceChange(
        address: instance.address, action: .noOp, before: nil, after: .unknown(type.schema.objectType))
    }
    guard instance.config.isWhollyKnown else {
      // What is configured is known to later expressions; everything else after apply.
      var values: [String: Value] = [:]
      for attribute in type.schema.attributes {
        let configured = instance.config[attribute: attribute.name]
        values[attribute.name] = configured.isNull ? .unknown(attribute.type) : configured
      }
      return ResourceChange(
        address: instance.address, action: .read, reason: .readBecauseConfigUnknown,
        before: nil, after: Value.object(type.schema, values), dependencies: instance.dependencies)
    }
    do {
      let value = try type.read(instance.config, context: resourceContext)
      return ResourceChange(
        address: instance.address, action: .noOp, before: nil, after: value,
        dependencies: instance.dependencies)
    } catch {
      var failure = Diagnostic.error(
        "Failed to read \(instance.address)", detail: Refresher.describe(error), subject: instance.resource.block.definitionRange)
      if instance.resource.check != nil { failure.severity = .warning }  // a check's data source only warns
      diagnostics.append(failure)
      return ResourceChange(
        address: instance.address, action: .noOp, before: nil, after: .unknown(type.schema.objectType))
    }
  }

  /// With -target, only the targeted objects and what they depend on are read from GitLab.
  func refreshScope(_ state: StateSnapshot) -> Set<InstanceAddress>? {
    guard !options.targets.isEmpty else { return nil }
    var resources = Set(options.targets.map(\.resource))
    for target in options.targets {
      resources.formUnion(graph.resourceDependencies(of: .resource(target.resource)))
    }
    // -destroy also destroys what depends on a target, so that is read too.
    var dependents = Set(options.targets.flatMap { [$0.resource, $0.resource.configAddress] })
    var grew = options.destroy
    while grew {
      grew = false
      for (address, object) in state.objects
      where !dependents.contains(address.resource) && object.dependencies.contains(where: dependents.contains) {
        dependents.insert(address.resource)
        dependents.insert(address.resource.configAddress)
        grew = true
      }
    }
    resources.formUnion(dependents)
    return Set(
      state.addresses.filter {
        resources.contains($0.resource) || resources.contains($0.resource.configAddress) || options.isTargeted($0, by: options.targets)
      })
  }

  private func deleteReason(
    _ address: ResourceInstanceAddress, expansions: [ResourceAddress: [InstanceKey?]], modules: Set<[ModuleStep]>
  ) -> ActionReason {
    // The first module instance on the way that the configuration no longer has.
    for length in address.resource.module.indices.map({ $0 + 1 }) where !modules.contains(Array(address.resource.module.prefix(length))) {
      return .noModule(module: Array(address.resource.module.prefix(length)))
    }
    guard let keys = expansions[address.resource] else {
      return .noResourceConfig(resource: address.resource)
    }
    switch address.key {
    case .int(let index)?:
      return keys.contains(nil) ? .noRepetition(resource: address.resource, uses: .count) : .countIndexOutOfRange(index: index)
    case .string(let key)?:
      return keys.contains(nil) ? .noRepetition(resource: address.resource, uses: .forEach) : .eachKeyNotFound(key: key)
    case nil:
      return .nowRepeated(resource: address.resource)
    }
  }
}
