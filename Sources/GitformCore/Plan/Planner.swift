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
    var prior = state
    var drift: [DriftEntry] = []
    if options.refresh && !prior.objects.isEmpty {
      let outcome = Refresher(context: resourceContext, parallelism: options.parallelism, observe: observeRefresh)
        .refresh(prior, only: refreshScope(prior))
      diagnostics += outcome.diagnostics
      if diagnostics.hasErrors { return (nil, diagnostics) }
      prior = outcome.state
      drift = outcome.drift
    } else if prior.objects.values.contains(where: \.pending) {
      // Even without refresh, a create or rotation whose answer was lost must be resolved
      // first: planning it as new would leave what GitLab made as an active orphan.
      let pending = Set(prior.objects.filter { $0.value.pending }.map(\.key))
      let outcome = Refresher(context: resourceContext, parallelism: options.parallelism)
        .refresh(prior, only: pending)
      diagnostics += outcome.diagnostics
      if diagnostics.hasErrors { return (nil, diagnostics) }
      prior = outcome.state
    }
    let imports = importObjects(prior, into: &diagnostics)
    if diagnostics.hasErrors { return (nil, diagnostics) }
    for (address, object) in imports.objects { prior.objects[address] = StateObject(value: object) }

    var changes: [ResourceChange] = []
    var outputs: [String: Value] = [:]
    var moveWarnings: [Diagnostic] = []
    let deletedOutside = Set(drift.filter { $0.after == nil }.map(\.address))
    if options.destroy {
      changes = prior.addresses.compactMap { address in
        prior.objects[address].map {
          ResourceChange(
            address: address, action: .delete, before: $0.value, after: nil,
            dependencies: $0.dependencies)
        }
      }
    } else {
      var walker = ConfigWalker(
        configuration: configuration, graph: graph, variables: variables, context: evalContext)
      var planned: [ResourceChange] = []
      walker.walk { instances in
        var values: [ResourceInstanceAddress: Value] = [:]
        for instance in instances {
          var change = planInstance(instance, prior: prior, imports: imports.ids, diagnostics: &diagnostics)
          if change.action == .create && change.reason == nil {
            change.reason = deletedOutside.contains(instance.address) ? "deleted outside gitform" : "not in the state yet"
          }
          planned.append(change)
          values[instance.address] = change.after ?? .unknown()
        }
        return values
      }
      diagnostics += walker.diagnostics
      diagnostics += claimConflicts(planned, instances: walker.instances)
      moveWarnings = movedNamespaceWarnings(walker.instances)
      outputs = walker.outputs
      let configured = Set(planned.map(\.address))
      for address in prior.addresses where !configured.contains(address) {
        guard let object = prior.objects[address] else { continue }
        planned.append(
          ResourceChange(
            address: address, action: .delete,
            reason: deleteReason(address, expansions: walker.expansions), before: object.value,
            after: nil, dependencies: object.dependencies))
      }
      changes = planned
    }
    if diagnostics.hasErrors { return (nil, diagnostics) }
    for key in prior.deposed.keys.sorted() {
      guard let object = prior.deposed[key] else { continue }
      var change = ResourceChange(
        address: key.address, action: .delete,
        reason: "left over from a partially-failed replacement of this instance", before: object.value,
        after: nil, dependencies: object.dependencies)
      change.deposedKey = key.key
      changes.append(change)
    }
    changes.sort { $0.address == $1.address ? ($0.deposedKey ?? "") < ($1.deposedKey ?? "") : $0.address < $1.address }
    var warnings = diagnostics + timestampWarnings()
    if !options.targets.isEmpty {
      changes = applyTargets(changes)
      warnings.append(
        .warning(
          "Resource targeting is in effect",
          detail: "You are creating a plan with the -target option, which means that the result of this plan may not represent all of the changes requested by the current configuration.\n\nThe -target option is not for routine use, and is provided only for exceptional situations such as recovering from errors or mistakes, or when gitform specifically suggests to use it as part of an error message."))
    }
    diagnostics = preventDestroyCheck(changes)
    if diagnostics.hasErrors { return (nil, warnings + diagnostics) }
    warnings += missingTokenWarnings(changes)
    warnings += unrenewableWarnings(changes)
    warnings += moveWarnings
    warnings += reuseDetectionWarnings(changes)
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

  private func planInstance(
    _ instance: InstanceConfig, prior: StateSnapshot, imports: [ResourceInstanceAddress: String],
    diagnostics: inout [Diagnostic]
  ) -> ResourceChange {
    if instance.resource.mode == .data {
      return planData(instance, diagnostics: &diagnostics)
    }
    guard let type = ResourceCatalog.managed(instance.address.resource.type) else {
      return ResourceChange(address: instance.address, action: .noOp, before: nil, after: nil)
    }
    diagnostics += nullRequiredCheck(instance, type: type)
    let planner = InstancePlanner(type: type, context: resourceContext, today: resourceContext.today)
    let known = prior.objects[instance.address]
    let change = planner.change(
      instance, prior: known?.value, importID: imports[instance.address],
      forceReplace: options.isTargeted(instance.address, by: options.replace),
      priorPending: known?.pending ?? false)
    diagnostics += lifecycleDiagnostics(change, instance)
    diagnostics += ownerCheck(change, instance, type: type)
    return change
  }

  /// A data source is read now when its arguments are known, else during apply.
  private func planData(_ instance: InstanceConfig, diagnostics: inout [Diagnostic]) -> ResourceChange {
    guard let type = ResourceCatalog.dataSource(instance.address.resource.type) else {
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
        address: instance.address, action: .read, reason: "config refers to values not yet known",
        before: nil, after: Value.object(type.schema, values), dependencies: instance.dependencies)
    }
    do {
      let value = try type.read(instance.config, context: resourceContext)
      return ResourceChange(
        address: instance.address, action: .noOp, before: nil, after: value,
        dependencies: instance.dependencies)
    } catch {
      diagnostics.append(
        .error(
          "Failed to read \(instance.address)", detail: Refresher.describe(error),
          subject: instance.resource.block.definitionRange))
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
    var dependents = Set(options.targets.map(\.resource))
    var grew = options.destroy
    while grew {
      grew = false
      for (address, object) in state.objects
      where !dependents.contains(address.resource) && object.dependencies.contains(where: dependents.contains) {
        dependents.insert(address.resource)
        grew = true
      }
    }
    resources.formUnion(dependents)
    return Set(state.addresses.filter { resources.contains($0.resource) })
  }

  private func deleteReason(_ address: ResourceInstanceAddress, expansions: [ResourceAddress: [InstanceKey?]]) -> String {
    guard let keys = expansions[address.resource] else {
      return "\(address.resource) is not in configuration"
    }
    switch address.key {
    case .int(let index)?:
      return keys.contains(nil) ? "\(address.resource) does not use count" : "index [\(index)] is out of range for count"
    case .string(let key)?:
      return keys.contains(nil) ? "\(address.resource) does not use for_each" : "key [\(Value.quoted(key))] is not in for_each map"
    case nil:
      return "\(address.resource) uses count or for_each"
    }
  }
}
