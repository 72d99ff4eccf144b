import Foundation

/// What the resource types judge about a plan: each type's own checks of a planned change
/// (a token's expiry bounds), warnings about how its blocks are written and about its planned
/// replacements, and its configuration-only settings carried into the state.
extension Planner {
  /// A type's warnings for every resource block of that type, in address order.
  func configurationWarnings() -> [Diagnostic] {
    configuration.resources.filter { $0.mode == .managed }.sorted { $0.address < $1.address }
      .flatMap { resource in
        catalog.managed(resource.type)?.configurationWarnings(resource.address, body: resource.block.body) ?? []
      }
  }

  /// The attributes whose values differ between two objects of one type.
  static func changedAttributes(_ before: Value, _ after: Value) -> Set<String> {
    let names = Set(before.attributes?.keys ?? [:].keys).union(after.attributes?.keys ?? [:].keys)
    return names.filter { !ValueComparison.same(before[attribute: $0], after[attribute: $0]) }
  }

  /// A replacement the lifecycle asked to make new-first that must delete first (the type says
  /// why), so the user learns it from the plan rather than from the order of apply's lines.
  func createBeforeDestroyWarning(_ change: ResourceChange, _ instance: InstanceConfig, type: any ResourceType)
    -> [Diagnostic]
  {
    guard change.action == .deleteThenCreate, instance.resource.lifecycle.createBeforeDestroy == true,
      let before = change.before, let after = change.after,
      let problem = type.createBeforeDestroyProblem(prior: before, planned: after)
    else { return [] }
    return [
      .warning(
        "\(change.address) is destroyed before it is created again",
        detail: "lifecycle.create_before_destroy asks for the new object first, but \(problem) gitform deletes "
          + "the old one first.",
        subject: instance.resource.block.definitionRange)
    ]
  }

  /// A type's warnings about its planned changes.
  func changeWarnings(_ changes: [ResourceChange]) -> [Diagnostic] {
    changes.flatMap { change -> [Diagnostic] in
      guard change.action != .noOp, change.action != .read, let type = catalog.managed(change.address.resource.type)
      else { return [] }
      return type.changeWarnings(change, context: resourceContext)
    }
  }

  /// Configuration-only settings (`rotation_configuration`, `validate_past_expiration_date`)
  /// of instances that need no change are written into the state apply starts from, so the
  /// next plan compares against them. Without this, `{20,30}` → `{20,1}` would look changed
  /// forever and rotate again on a later day.
  func recordConfigOnlySettings(_ changes: [ResourceChange], into state: inout StateSnapshot) {
    for change in changes where change.action == .noOp {
      guard let after = change.after, let type = catalog.managed(change.address.resource.type),
        var object = state.objects[change.address]
      else { continue }
      var value = object.value
      for name in type.configOnlyAttributes.sorted() where value.attributes?[name] != nil || after.attributes?[name] != nil {
        value = value.setting(name, after[attribute: name])
      }
      object.value = value
      state.objects[change.address] = object
    }
  }
}
