extension ResourceType {
  /// The id for progress and refresh lines (`[id=...]`), or nil when it must not be shown.
  ///
  /// An id built from a sensitive value (a project variable whose key derives from a token)
  /// is itself sensitive; like Terraform's `format.ObjectValueID`, such a line then carries no
  /// `[id=...]` at all rather than a masked one, so the line reads as Terraform's does.
  public func displayID(of object: Value) -> String? {
    guard !object[attribute: "id"].containsSensitive else { return nil }
    return id(of: object)
  }
}
