/// `moved` and `removed` blocks in a plan: the state's objects take their new addresses before
/// anything is read from GitLab, and removed resources are destroyed or forgotten.
///
/// A move changes nothing on GitLab: the object (a token, with its id) is the same one, only
/// its address in the state is new, so the plan shows "has moved to" instead of a revoke and
/// a create.
extension Planner {
  /// What `moved` blocks did to a state: the moved state, new address → old address, and a
  /// warning for objects whose new address was already taken.
  struct MoveResult {
    var state: StateSnapshot
    var previous: [ResourceInstanceAddress: ResourceInstanceAddress] = [:]
    var warnings: [Diagnostic] = []
  }

  /// The state with every object a chain of `moved` blocks applies to at the chain's end.
  func applyMoves(_ state: StateSnapshot) -> MoveResult {
    var result = MoveResult(state: state)
    let statements = configuration.moved.filter { $0.from != $0.to }
    guard !statements.isEmpty else { return result }
    var blocked: [(ResourceInstanceAddress, ResourceInstanceAddress)] = []
    for address in state.addresses {
      guard let destination = MovePath.destination(of: address, through: statements), destination != address,
        let object = result.state.objects[address]
      else { continue }
      if result.state.objects[destination] != nil {
        blocked.append((address, destination))
        continue
      }
      result.state.objects[address] = nil
      result.state.objects[destination] = object
      // A deposed object of the instance moves with it: it is still the same instance's.
      for key in result.state.deposed.keys where key.address == address {
        let moved = DeposedKey(address: destination, key: key.key)
        result.state.deposed[moved] = result.state.deposed.removeValue(forKey: key)
      }
      result.previous[destination] = address
    }
    if !blocked.isEmpty {
      let lines = blocked.map { "\n  - \($0.0) could not move to \($0.1)" }.joined()
      result.warnings.append(
        .warning(
          "Unresolved resource instance address changes",
          detail: "gitform tried to adjust resource instance addresses in the prior state based on change information recorded in the configuration, but some adjustments did not succeed due to existing objects already at the intended addresses:\(lines)\n\ngitform has planned to destroy these objects. If gitform's proposed changes aren't appropriate, you must first resolve the conflicts using the \"gitform state\" subcommands and then create a new plan."))
    }
    return result
  }

  /// The planned changes with their previous addresses, removed resources' objects forgotten
  /// where `destroy = false`, and errors for moves from instances the configuration still has.
  func refactored(
    _ changes: [ResourceChange], moves: MoveResult, diagnostics: inout [Diagnostic]
  ) -> [ResourceChange] {
    guard !configuration.moved.isEmpty || !configuration.removed.isEmpty else { return changes }
    let declared = Set(
      changes.filter { $0.deposedKey == nil && $0.action != .delete && $0.action != .forget }.map(\.address))
    diagnostics += MoveStatementCheck(configuration).declaredInstanceProblems(declared)
    let forgotten = configuration.removed.filter { !$0.destroy }.map(\.from)
    return changes.map { change in
      var change = change
      if change.deposedKey == nil { change.previousAddress = moves.previous[change.address] }
      if change.action == .delete, change.deposedKey == nil, forgotten.contains(where: { $0.removes(change.address) }) {
        change.action = .forget
        change.reason = .removedWithoutDestroy
      }
      return change
    }
  }
}

extension Planner {
  /// Terraform's warning for a plan that forgets objects: they stay where they are.
  func forgetWarnings(_ changes: [ResourceChange]) -> [Diagnostic] {
    let forgotten = changes.filter { $0.action == .forget }.map(\.address)
    guard !forgotten.isEmpty else { return [] }
    return [
      .warning(
        "Some objects will no longer be managed by gitform",
        detail: "If you apply this plan, gitform will discard its tracking information for the following objects, but it will not delete them:\n"
          + forgotten.map { " - \($0)" }.joined(separator: "\n")
          + "\n\nAfter applying this plan, gitform will no longer manage these objects. You will need to import them into gitform to manage them again.")
    ]
  }

  /// `-refresh-only`: the refreshed state and what changed outside gitform, no changes.
  func refreshOnlyPlan(_ refreshed: StateSnapshot, drift: [DriftEntry], warnings: [Diagnostic]) -> Plan {
    var plan = Plan(
      changes: [], drift: drift, outputChanges: [], isDestroy: false, warnings: warnings, priorState: refreshed,
      outputs: refreshed.outputs)
    plan.isRefreshOnly = true
    return plan
  }
}

/// Following chains of `moved` blocks (`a` → `b`, `b` → `c`: what was at `a` ends at `c`).
enum MovePath {
  /// The end of the chain that starts at `address`; nil when no statement applies to it. The
  /// configuration's checks have refused cycles and ambiguous statements; a step limit still
  /// keeps a cycle from looping.
  static func destination(of address: ResourceInstanceAddress, through statements: [MovedBlock]) -> ResourceInstanceAddress? {
    var current = address
    var moved = false
    for _ in 0...statements.count {
      guard let next = statements.lazy.compactMap({ $0.from.destination(of: current, to: $0.to) }).first else { break }
      current = next
      moved = true
    }
    return moved ? current : nil
  }
}
