/// The address of one resource instance: `user_token.bot`, `user_token.bot[0]`,
/// `user_token.bot["alice"]`, `data.user.x`.
public struct InstanceAddress: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public var resource: ResourceAddress
  public var key: InstanceKey?

  public init(resource: ResourceAddress, key: InstanceKey? = nil) {
    self.resource = resource
    self.key = key
  }

  public var description: String { resource.description + (key?.description ?? "") }

  public static func < (lhs: InstanceAddress, rhs: InstanceAddress) -> Bool {
    if lhs.resource != rhs.resource { return lhs.resource < rhs.resource }
    return InstanceKey.precedes(lhs.key, rhs.key)
  }
}
