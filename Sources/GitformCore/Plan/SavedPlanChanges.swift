/// The canonical form of what applying a plan does, for the saved plan's `changes_hmac`.
///
/// Each change that does something: its address (and deposed key), action, import ID, whether
/// the new object comes first, the planned value with its unknowns and secrets (the digest is
/// keyed, so secrets may go in: a changed secret is a changed plan), the paths that force the
/// replacement and the reason; then the output changes. Refreshed `before` values stay out: a
/// token's last use moving on does not change what apply does.
enum SavedPlanChanges {
  static func json(_ plan: Plan) -> JSON {
    let changes = plan.actions.map { change -> JSON in
      .object([
        ("change", .string(SavedPlan.line(change))),
        ("create_before_destroy", .bool(change.createBeforeDestroy)),
        ("import_id", change.importID.map { .string($0) } ?? .null),
        ("after", change.after.map(json) ?? .null),
        ("replace_paths", .array(change.replacePaths.sorted().map { .string($0) })),
        ("reason", change.reason.map { reason in .array(([reason.code] + reason.arguments).map { .string($0) }) } ?? .null),
      ])
    }
    let outputs = plan.outputChanges.sorted { $0.name < $1.name }.map { output -> JSON in
      .object([
        ("name", .string(output.name)), ("action", .string(output.action.rawValue)),
        ("after", output.after.map(json) ?? .null),
      ])
    }
    return .object([
      ("destroy", .bool(plan.isDestroy)), ("changes", .array(changes)), ("outputs", .array(outputs)),
    ])
  }

  /// A value with unknowns spelled out (`{"unknown": true}`), which `ValueJSON` writes as null,
  /// and sensitivity ignored.
  static func json(_ value: Value) -> JSON {
    switch value.content {
    case .unknown: return .object([("unknown", .bool(true))])
    case .elements(let elements): return .array(elements.map(json))
    case .attributes(let attributes): return .sortedObject(attributes.mapValues(json))
    default: return ValueJSON.json(value)
    }
  }
}
