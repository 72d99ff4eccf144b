/// Decides one managed instance's change: the planned object, the action and its reason.
///
/// Used by the planner and again by apply, which re-plans an instance once the objects it
/// depends on exist (so a variable gets the new token's value, not "(known after apply)").
struct InstancePlanner {
  let type: any ResourceType
  let context: ResourceContext?
  let today: CalendarDate

  /// The object the configuration asks for, given what exists (`prior`, nil for a new one).
  func planned(_ config: Value, prior: Value?, lifecycle: Lifecycle) -> Value {
    let schema = type.schema
    var values: [String: Value] = [:]
    // Sized once: growing a dictionary attribute by attribute rehashed it several times over.
    values.reserveCapacity(schema.attributes.count)
    var typedAsSchema = true
    for attribute in schema.attributes {
      let configured = config[attribute: attribute.name]
      let value: Value
      if attribute.isConfigurable && !configured.isNull {
        value = configured
      } else if attribute.isConfigurable, let defaultValue = attribute.defaultValue {
        value = defaultValue
      } else if attribute.isComputed {
        value = prior?[attribute: attribute.name] ?? .unknown(attribute.type)
      } else {
        value = .null(attribute.type)
      }
      typedAsSchema = typedAsSchema && value.type == attribute.type
      values[attribute.name] = value.marked(sensitive: attribute.sensitive)
    }
    if let prior {
      let ignored = lifecycle.ignoreAllChanges ? Set(schema.configurableNames) : Set(lifecycle.ignoreChanges)
      for name in ignored { values[name] = prior[attribute: name] }
      if !ignored.isEmpty { typedAsSchema = false }
    }
    return .object(values, typedAs: typedAsSchema ? schema : nil)
  }

  /// The change for one instance.
  /// `changedOutside`: the attributes the refresh found changed in GitLab since the last apply.
  func change(
    _ instance: InstanceConfig, prior: Value?, importID: String?, forceReplace: Bool,
    priorPending: Bool = false, changedOutside: Set<String> = []
  ) -> ResourceChange {
    let lifecycle = instance.resource.lifecycle
    let wantsCreateBeforeDestroy = lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying
    var after = planned(instance.config, prior: prior, lifecycle: lifecycle)
    guard let prior else {
      after = type.plannedNew(after, config: instance.config, today: today)
      return ResourceChange(
        address: instance.address, action: .create, before: nil, after: after,
        importID: importID, dependencies: instance.dependencies)
    }
    let schema = type.schema
    var changed: Set<String> = []
    for name in schema.configurableNames where !type.configOnlyAttributes.contains(name) {
      let a = after[attribute: name]
      let b = prior[attribute: name]
      if ValueComparison.same(a, b) && a.isWhollyKnown { continue }
      if let context, a.isWhollyKnown, type.equivalent(name, configured: a, prior: prior, context: context) {
        after = after.setting(name, b)
        continue
      }
      changed.insert(name)
    }
    let replacePaths = Set(changed.filter { name in
      schema.attribute(name)?.forcesReplacement ?? false
    })
    var reason = type.replacementReason(prior: prior, config: instance.config, today: today)
    // Adopted after an interrupted create or rotation, its secret never received: a type that
    // rotates is rotated once more (same name, owner and bot user); others are replaced.
    var rotationReason: ActionReason?
    var rotationValues: Set<String> = []
    if priorPending {
      if reason == nil, replacePaths.isEmpty, type.rotatesOnUpdate {
        rotationReason = .secretNeverReceived
      } else {
        reason = .createdWithoutSecret
      }
    }
    if forceReplace { reason = .replaceByRequest }
    if reason == nil, !replacePaths.isEmpty {
      reason = .cannotUpdate(attributes: replacePaths.sorted())
    }
    if reason == nil, rotationReason == nil,
      let rotation = type.rotation(prior: prior, config: instance.config, today: today)
    {
      for (name, value) in rotation.attributes {
        after = after.setting(name, value)
        changed.insert(name)
        rotationValues.insert(name)
      }
      rotationReason = rotation.reason
    }
    if let reason {
      for attribute in schema.attributes where attribute.presence == .computed
        || (attribute.presence == .optionalComputed && instance.config[attribute: attribute.name].isNull)
      {
        after = after.setting(attribute.name, Value.unknown(attribute.type).marked(sensitive: attribute.sensitive))
      }
      after = type.plannedNew(after, config: instance.config, today: today)
      // The new object cannot exist beside the old one (the same key text): delete first.
      let createBeforeDestroy =
        wantsCreateBeforeDestroy && type.createBeforeDestroyProblem(prior: prior, planned: after) == nil
      return ResourceChange(
        address: instance.address, action: .replace(createBeforeDestroy: createBeforeDestroy),
        reason: reason, before: prior, after: after, replacePaths: replacePaths,
        importID: importID, dependencies: instance.dependencies)
    }
    if !changed.isEmpty || rotationReason != nil {
      // What the rotation planned is known now; the rest of what an update recomputes is not.
      for name in type.computedChangedByUpdate where !rotationValues.contains(name) {
        if let attribute = schema.attribute(name) {
          after = after.setting(name, Value.unknown(attribute.type).marked(sensitive: attribute.sensitive))
        }
      }
      var change = ResourceChange(
        address: instance.address, action: .update,
        reason: rotationReason
          ?? (changed.isSubset(of: changedOutside)
            ? .changedOutside(attributes: changed.sorted()) : .attributesChanged(attributes: changed.sorted())),
        before: prior, after: after,
        importID: importID, dependencies: instance.dependencies)
      change.isRotation = type.rotatesOnUpdate
      return change
    }
    return ResourceChange(
      address: instance.address, action: .noOp, before: prior, after: after, importID: importID,
      dependencies: instance.dependencies)
  }
}
