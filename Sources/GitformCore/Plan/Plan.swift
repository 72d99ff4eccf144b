import Foundation

/// Plan: refresh what GitLab has, compare it with the configuration and decide every change.
///
/// For: the refresh (batched per owner, in parallel), the per-instance diff with its action and
/// `ActionReason`, drift ("changed outside of gitform"), -target/-replace/-destroy, the admin
/// pre-check, saved plans and the expiry report's facts. It asks each `ResourceType` what it
/// alone knows (a secret's attribute, rotation, expiry, adoption) and reaches GitLab only through
/// the types and `ResourceContext`. Not for: executing anything that changes GitLab (Apply/),
/// reading HCL (Config/), the state file's format (State/), or words and colours (CLI/Views,
/// which renders plans, diffs and reasons). Nothing here prints.

/// An object that changed outside gitform since the last apply (shown before the plan).
public struct DriftEntry: Sendable {
  public var address: ResourceInstanceAddress
  public var before: Value
  /// nil when it was deleted.
  public var after: Value?
}

/// A root output whose value changes.
public struct OutputChange: Sendable {
  public var name: String
  public var action: ChangeAction
  public var before: Value?
  public var after: Value?
}

/// The result of planning.
public struct Plan: Sendable {
  /// Every instance's change, no-ops included, sorted by address.
  public var changes: [ResourceChange]
  public var drift: [DriftEntry]
  public var outputChanges: [OutputChange]
  public var isDestroy: Bool
  /// Warnings to show with the plan (imported tokens without value, targeting).
  public var warnings: [Diagnostic]
  /// The state after refresh and imports: what apply starts from.
  public var priorState: StateSnapshot
  /// The output values the configuration evaluates to (unknown where not yet known).
  public var outputs: [String: Value]
  /// True for a plan made with -target: outputs are then only updated, never removed.
  public var isTargeted = false
  /// `-refresh-only`: no changes, only the drift to record in the state.
  public var isRefreshOnly = false

  /// The outputs to record after applying this plan, given the values evaluated at the end.
  ///
  /// Terraform removes outputs only on a full destroy. A targeted run leaves the rest of the
  /// configuration unapplied, so an output it cannot fully evaluate keeps its previous value
  /// rather than vanishing from the state.
  public func outputsToRecord(_ evaluated: [String: Value]) -> [String: Value] {
    let known = evaluated.filter { $0.value.isWhollyKnown }
    guard isTargeted else { return isDestroy ? [:] : known }
    if isDestroy { return priorState.outputs }
    return priorState.outputs.merging(known) { _, new in new }
  }

  /// Changes that do something.
  public var actions: [ResourceChange] {
    changes.filter { $0.action != .noOp || $0.importID != nil || $0.previousAddress != nil }
  }

  public var importCount: Int { changes.filter { $0.importID != nil }.count }
  public var addCount: Int { changes.filter { $0.action == .create || $0.action.isReplace }.count }
  public var changeCount: Int { changes.filter { $0.action == .update }.count }
  public var destroyCount: Int { changes.filter { $0.action == .delete || $0.action.isReplace }.count }

  /// True when applying would change nothing (resources or outputs).
  public var isEmpty: Bool {
    if isRefreshOnly { return drift.isEmpty && outputChanges.isEmpty }
    return actions.allSatisfy { $0.action == .read } && outputChanges.isEmpty
  }

  /// Objects that leave the state but stay live (`removed` with `destroy = false`).
  public var forgetCount: Int { changes.filter { $0.action == .forget }.count }
}
