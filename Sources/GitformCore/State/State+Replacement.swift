extension State {
  /// Whether `incoming` may replace this state (for `state push` and remote backends), by
  /// Terraform's rules (`statemgr.CheckValidImport`): anything may replace an empty state;
  /// otherwise the lineage must match, the serial must not go backwards, and an equal serial
  /// must come with equal content. `path` names the destination in messages.
  public func checkReplacement(by incoming: State, path: String) throws(StateError) {
    guard !isEmpty else { return }
    func conflict(_ reason: String) -> StateError {
      StateError(
        code: .conflictingState, summary: "Cannot replace the state",
        detail: "\(reason). \"\(path)\" has not been changed.", path: path)
    }
    guard incoming.lineage == lineage else {
      throw conflict("cannot import state with lineage \"\(incoming.lineage)\" over unrelated state with lineage \"\(lineage)\"")
    }
    guard incoming.serial >= serial else {
      throw conflict("cannot import state with serial \(incoming.serial) over newer state with serial \(serial)")
    }
    if incoming.serial == serial, StateFile.encode(incoming) != StateFile.encode(self) {
      throw conflict(
        "cannot overwrite existing state with serial \(serial) with a different state that has the same serial")
    }
  }
}
