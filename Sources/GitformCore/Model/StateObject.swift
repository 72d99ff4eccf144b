/// One managed object in state.
public struct StateObject: Sendable {
  public var value: Value
  public var dependencies: [ResourceAddress]
  public var createBeforeDestroy: Bool
  /// A create was sent but its answer never recorded (the apply was interrupted): the object
  /// holds only what was asked for, and refresh must look for what GitLab made.
  public var pending: Bool

  public init(
    value: Value, dependencies: [ResourceAddress] = [], createBeforeDestroy: Bool = false,
    pending: Bool = false
  ) {
    self.value = value
    self.dependencies = dependencies
    self.createBeforeDestroy = createBeforeDestroy
    self.pending = pending
  }
}
