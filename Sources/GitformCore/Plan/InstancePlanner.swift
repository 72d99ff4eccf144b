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
      values[attribute.name] = value.marked(sensitive: attribute.sensitive)
    }
    if let prior {
      let ignored = lifecycle.ignoreAllChanges ? Set(schema.configurableNames) : Set(lifecycle.ignoreChanges)
      for name in ignored { values[name] = prior[attribute: name] }
    }
    return .object(values)
  }

  /// The change for one instance.
  func change(
    _ instance: InstanceConfig, prior: Value?, importID: String?, forceReplace: Bool,
    priorPending: Bool = false
  ) -> ResourceChange {
    let lifecycle = instance.resource.lifecycle
    let createBeforeDestroy = lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying
    var after = planned(instance.config, prior: prior, lifecycle: lifecycle)
    guard let prior else {
      after = withPlannedExpiry(after, config: instance.config)
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
    // Adopted after an interrupted create or rotation, its value never received: a token
    // that can rotate is rotated once more (same name, owner and bot user); others replaced.
    var rotationReason: String?
    if priorPending {
      if reason == nil, replacePaths.isEmpty, type.computedChangedByUpdate.contains("token") {
        rotationReason = InstancePlanner.valueNeverReceived
      } else {
        reason = "an interrupted apply created it but never received its value"
      }
    }
    if forceReplace { reason = "requested with -replace" }
    if reason == nil, !replacePaths.isEmpty {
      reason = replacePaths.sorted().joined(separator: ", ") + " changed (forces replacement)"
    }
    if reason == nil, rotationReason == nil,
      let rotation = type.rotation(prior: prior, config: instance.config, today: today)
    {
      after = after.setting("expires_at", .string(rotation.expiry.description))
      changed.insert("expires_at")
      rotationReason = rotation.reason
    }
    if reason != nil {
      for attribute in schema.attributes where attribute.presence == .computed
        || (attribute.presence == .optionalComputed && instance.config[attribute: attribute.name].isNull)
      {
        after = after.setting(attribute.name, Value.unknown(attribute.type).marked(sensitive: attribute.sensitive))
      }
      after = withPlannedExpiry(after, config: instance.config)
      return ResourceChange(
        address: instance.address, action: .replace, createBeforeDestroy: createBeforeDestroy,
        reason: reason, before: prior, after: after, replacePaths: replacePaths,
        importID: importID, dependencies: instance.dependencies)
    }
    if !changed.isEmpty || rotationReason != nil {
      for name in type.computedChangedByUpdate {
        if let attribute = schema.attribute(name) {
          after = after.setting(name, Value.unknown(attribute.type).marked(sensitive: attribute.sensitive))
        }
      }
      return ResourceChange(
        address: instance.address, action: .update,
        reason: rotationReason ?? changed.sorted().joined(separator: ", ") + " changed", before: prior, after: after,
        importID: importID, dependencies: instance.dependencies)
    }
    return ResourceChange(
      address: instance.address, action: .noOp, before: prior, after: after, importID: importID,
      dependencies: instance.dependencies)
  }

  /// The reason of the rotation that gets a value for a token adopted without one.
  static let valueNeverReceived =
    "an interrupted apply made this token but never received its value; a rotation gets one"

  /// With `rotation_configuration`, a new token's expiry is today + `expiration_days`, decided
  /// here at plan time so apply asks GitLab for exactly the date the plan showed.
  private func withPlannedExpiry(_ after: Value, config: Value) -> Value {
    guard config[attribute: "expires_at"].isNull,
      let days = config[attribute: "rotation_configuration"].int("expiration_days"),
      after.attributes?["expires_at"] != nil
    else { return after }
    return after.setting("expires_at", .string(today.adding(days: days).description))
  }
}
