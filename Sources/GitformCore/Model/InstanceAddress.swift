/// The address of one resource instance: `user_token.bot`, `user_token.bot[0]`,
/// `user_token.bot["alice"]`, `data.user.x`, `module.team["a"].project_token.deploy`.
public struct InstanceAddress: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public var resource: ResourceAddress
  public var key: InstanceKey?

  public init(resource: ResourceAddress, key: InstanceKey? = nil) {
    self.resource = resource
    self.key = key
  }

  public var description: String { resource.description + (key?.description ?? "") }

  /// The same instance inside the module instance `steps`.
  public func inModule(_ steps: [ModuleStep]) -> InstanceAddress {
    InstanceAddress(resource: resource.inModule(steps), key: key)
  }

  public static func < (lhs: InstanceAddress, rhs: InstanceAddress) -> Bool {
    if lhs.resource != rhs.resource { return lhs.resource < rhs.resource }
    return InstanceKey.precedes(lhs.key, rhs.key)
  }
}
