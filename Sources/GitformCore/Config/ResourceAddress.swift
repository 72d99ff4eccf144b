/// The address of a resource block: `user_token.ci` or `data.user.bot`.
public struct ResourceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var mode: ResourceMode
  public var type: String
  public var name: String

  public init(mode: ResourceMode = .managed, type: String, name: String) {
    self.mode = mode
    self.type = type
    self.name = name
  }

  public var description: String {
    mode == .data ? "data.\(type).\(name)" : "\(type).\(name)"
  }

  public static func < (a: ResourceAddress, b: ResourceAddress) -> Bool {
    (a.mode == .managed ? 0 : 1, a.type, a.name) < (b.mode == .managed ? 0 : 1, b.type, b.name)
  }
}

/// A `count` index or `for_each` key.
public enum InstanceKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  case int(Int)
  case string(String)

  /// `[0]` or `["alice"]`.
  public var description: String {
    switch self {
    case .int(let index): return "[\(index)]"
    case .string(let key): return "[\(Value.quoted(key))]"
    }
  }

  public static func < (a: InstanceKey, b: InstanceKey) -> Bool {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y
    case (.string(let x), .string(let y)): return x < y
    case (.int, .string): return true
    case (.string, .int): return false
    }
  }
}

/// One instance: `user_token.bot["alice"]`, `project_variable.ci`.
public struct ResourceInstanceAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var resource: ResourceAddress
  public var key: InstanceKey?

  public init(_ resource: ResourceAddress, key: InstanceKey? = nil) {
    self.resource = resource
    self.key = key
  }

  public var description: String { resource.description + (key?.description ?? "") }

  public static func < (a: ResourceInstanceAddress, b: ResourceInstanceAddress) -> Bool {
    if a.resource != b.resource { return a.resource < b.resource }
    switch (a.key, b.key) {
    case (nil, nil): return false
    case (nil, _): return true
    case (_, nil): return false
    case (let x?, let y?): return x < y
    }
  }

  /// Parses `type.name`, `type.name[0]`, `type.name["key"]`, `data.type.name...`; nil when the
  /// text is not an address.
  public static func parse(_ text: String) -> ResourceInstanceAddress? {
    let (expression, diagnostics) = Parser.parseExpression(Array(text.utf8), filename: "<address>")
    guard diagnostics.isEmpty, case .scopeTraversal(let traversal) = expression.kind else {
      return nil
    }
    var names = [traversal.root.name]
    var key: InstanceKey?
    for (offset, step) in traversal.steps.enumerated() {
      switch step.kind {
      case .attribute(let name) where key == nil: names.append(name)
      case .index(.number(let n)) where offset == traversal.steps.count - 1:
        guard let index = Int(n) else { return nil }
        key = .int(index)
      case .index(.string(let s)) where offset == traversal.steps.count - 1: key = .string(s)
      default: return nil
      }
    }
    if names.count == 3, names[0] == "data" {
      return ResourceInstanceAddress(
        ResourceAddress(mode: .data, type: names[1], name: names[2]), key: key)
    }
    guard names.count == 2 else { return nil }
    return ResourceInstanceAddress(ResourceAddress(type: names[0], name: names[1]), key: key)
  }
}
