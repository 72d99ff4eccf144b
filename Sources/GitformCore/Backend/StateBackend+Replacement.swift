extension StateBackend {
  /// Replaces the stored state with `incoming`: `gitform state push [-force]` and
  /// `init -migrate-state` (local → GitLab and back).
  ///
  /// Without `force`, Terraform's import rules apply (`State.checkReplacement`): anything may
  /// replace no state or an empty one; otherwise the lineage must match and the serial must not
  /// go backwards. The same content at the same serial writes nothing. A forced replacement of a
  /// state with a serial at or above `incoming`'s is written with the stored serial + 1: GitLab
  /// keeps one version per serial and refuses (422) any serial it already has.
  /// - Returns: the state as now stored.
  @discardableResult
  public func replace(with incoming: State, force: Bool = false) throws(BackendError) -> State {
    guard let bytes = try pull() else {
      try push(StateFile.encodeBytes(incoming))
      return incoming
    }
    let stored: State
    do {
      stored = try StateFile.decode(bytes, path: location, readerVersion: incoming.terraformVersion)
    } catch {
      throw BackendError(code: .invalidState, summary: error.summary, detail: error.detail)
    }
    if !force {
      do {
        try stored.checkReplacement(by: incoming, path: location)
      } catch {
        throw BackendError(
          code: .conflictingState, summary: error.summary,
          detail: error.detail + " Use -force to replace it anyway.")
      }
    }
    if incoming.serial == stored.serial, StateFile.encodeBytes(incoming) == bytes {
      return stored
    }
    var next = incoming
    if next.serial <= stored.serial { next.serial = stored.serial + 1 }
    try push(StateFile.encodeBytes(next))
    return next
  }
}
