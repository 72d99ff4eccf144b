/// A rotation in place the plan decides for an object although its configured attributes did
/// not change: the attribute values it plans (a token's new expiry) and why.
public struct PlannedRotation: Sendable, Equatable {
  /// The planned values that make the rotation, by attribute; the plan shows them changed.
  public var attributes: [String: Value]
  public var reason: ActionReason

  public init(attributes: [String: Value], reason: ActionReason) {
    self.attributes = attributes
    self.reason = reason
  }
}
