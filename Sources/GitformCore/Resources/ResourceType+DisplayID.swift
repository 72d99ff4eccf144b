extension ResourceType {
  /// The id for progress and refresh lines (`[id=...]`), or nil when it must not be shown.
  ///
  /// An id built from a sensitive value (a project variable whose key derives from a token)
  /// is itself sensitive; like Terraform's `format.ObjectValueID`, such a line then carries no
  /// `[id=...]` at all rather than a masked one, so the line reads as Terraform's does. An
  /// object without an id yet (a create whose answer was lost) has none to show either.
  public func displayID(of object: Value) -> String? {
    guard !object[attribute: "id"].containsSensitive else { return nil }
    let id = id(of: object)
    return id.isEmpty ? nil : id
  }
}
