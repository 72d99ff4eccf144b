/// The address of a `resource` or `data` block: `user_token.bot`, `data.user.alice`.
///
/// Ordered like resources in the state file: by mode (`data` before `managed`, as Terraform
/// compares the mode names), then type, then name.
public struct ResourceAddress: Equatable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public enum Mode: String, Equatable, Hashable, Sendable, CaseIterable {
    case managed
    case data
  }

  public var mode: Mode
  public var type: String
  public var name: String

  public init(mode: Mode = .managed, type: String, name: String) {
    self.mode = mode
    self.type = type
    self.name = name
  }

  public var description: String {
    mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
  }

  /// The address of one instance of this resource.
  public func instance(_ key: InstanceKey? = nil) -> InstanceAddress {
    InstanceAddress(resource: self, key: key)
  }

  public static func < (lhs: ResourceAddress, rhs: ResourceAddress) -> Bool {
    if lhs.mode != rhs.mode { return lhs.mode.rawValue < rhs.mode.rawValue }
    if lhs.type != rhs.type { return lhs.type < rhs.type }
    return lhs.name < rhs.name
  }

  /// Parses `TYPE.NAME` or `data.TYPE.NAME`; an instance key is an error here.
  public static func parse(_ text: String) throws(AddressError) -> ResourceAddress {
    let parsed = try InstanceAddress.parse(text)
    guard parsed.key == nil else {
      throw AddressError(
        address: text,
        reason: "a resource address must not select an instance; remove the [...] part")
    }
    return parsed.resource
  }
}
