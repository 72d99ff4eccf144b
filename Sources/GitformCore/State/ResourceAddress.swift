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

/// The key selecting one instance of a resource: a number for `count`, a string for `for_each`.
public enum InstanceKey: Equatable, Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  /// `[0]` or `["alice"]`, with the string quoted and escaped as in HCL.
  public var description: String {
    switch self {
    case .int(let index): return "[\(index)]"
    case .string(let key): return "[" + Self.quote(key) + "]"
    }
  }

  /// Terraform's instance order: no key first, then numbers ascending, then strings ascending.
  public static func precedes(_ lhs: InstanceKey?, _ rhs: InstanceKey?) -> Bool {
    switch (lhs, rhs) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (.int(let a)?, .int(let b)?): return a < b
    case (.int?, .string?): return true
    case (.string?, .int?): return false
    case (.string(let a)?, .string(let b)?): return a < b
    }
  }

  static func quote(_ text: String) -> String {
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      case "\n": quoted += "\\n"
      case "\r": quoted += "\\r"
      case "\t": quoted += "\\t"
      default: quoted.unicodeScalars.append(scalar)
      }
    }
    return quoted + "\""
  }
}

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

/// Why a text is not a valid address; the message says what is expected.
public struct AddressError: Error, Equatable, Sendable, CustomStringConvertible {
  public var address: String
  public var reason: String

  public init(address: String, reason: String) {
    self.address = address
    self.reason = reason
  }

  public var description: String {
    "Invalid address \(InstanceKey.quote(address)): \(reason)."
  }
}
