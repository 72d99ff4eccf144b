import Foundation

/// What the resource types judge about a plan: each type's own checks of a planned change
/// (a token's expiry bounds), warnings about how its blocks are written and about its planned
/// replacements, and its configuration-only settings carried into the state.
extension Planner {
  /// A type's warnings for every resource block of that type, in address order.
  func configurationWarnings() -> [Diagnostic] {
    configuration.resources.filter { $0.mode == .managed }.sorted { $0.address < $1.address }
      .flatMap { resource in catalog.managed(resource.type)?.configurationWarnings(resource) ?? [] }
  }

  /// A type's warnings about its planned replacements.
  func replacementWarnings(_ changes: [ResourceChange]) -> [Diagnostic] {
    changes.flatMap { change -> [Diagnostic] in
      guard change.action.isReplace, let type = catalog.managed(change.address.resource.type) else { return [] }
      return type.replacementWarnings(change, context: resourceContext)
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
