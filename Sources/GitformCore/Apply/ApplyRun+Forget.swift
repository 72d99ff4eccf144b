/// `removed` blocks with `destroy = false`: the objects leave the state and stay live.
extension ApplyRun {
  /// Drops every forgotten object from the state, recording each removal first so an
  /// interrupted apply never brings one back (and never revokes it).
  func forgetRemoved() {
    for change in applier.plan.changes where change.action == .forget && change.deposedKey == nil {
      do {
        try applier.record(.remove(change.address, deposed: nil))
      } catch {
        diagnostics.append(.error("Failed to record \(change.address)", detail: "\(error)"))
        continue
      }
      lock.lock()
      state.objects[change.address] = nil
      lock.unlock()
    }
  }
}
