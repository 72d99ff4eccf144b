/// The key selecting one instance of a resource: a number for `count`, a string for `for_each`.
public enum InstanceKey: Equatable, Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case string(String)

  /// `[0]` or `["alice"]`, with the string quoted and escaped as in HCL.
  public var description: String {
    switch self {
    case .int(let index): return "[\(index)]"
    case .string(let key): return "[" + StringQuoting.quote(key, .hcl) + "]"
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
}
