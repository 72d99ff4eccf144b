import Foundation

/// Structural identity of values, used by sets, `distinct`, `contains` and tests.
///
/// Two values are identical when their types, contents and sensitive flags are. This is not
/// HCL's `==` operator (which yields unknown for unknowns and ignores marks): see
/// `Value.equals(_:)`. Numbers compare by value, so `1` and `1.0` are identical.
extension Value: Hashable {
  public static func == (a: Value, b: Value) -> Bool {
    a.isSensitive == b.isSensitive && a.type == b.type && a.sameContent(as: b)
  }

  /// Content equality ignoring the value's own flag (elements' flags still count).
  func sameContent(as other: Value) -> Bool {
    switch (content, other.content) {
    case (.null, .null), (.unknown, .unknown): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.elements(let x), .elements(let y)): return x == y
    case (.attributes(let x), .attributes(let y)): return x == y
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(type)
    hasher.combine(isSensitive)
    switch content {
    case .null: hasher.combine(0)
    case .unknown: hasher.combine(1)
    case .bool(let b): hasher.combine(b)
    // `Decimal` may hold one number in several representations; an integer's value and any
    // other number's text are canonical.
    case .number(let n):
      if let int = DecimalArithmetic.intValue(n) {
        hasher.combine(int)
      } else {
        hasher.combine(NumberFormatting.string(n))
      }
    case .string(let s): hasher.combine(s)
    case .elements(let e): hasher.combine(e)
    case .attributes(let a): hasher.combine(a)
    }
  }

  /// The order set elements are kept in: booleans (false first), numbers ascending, strings
  /// lexically, other values by their rendering, and nulls last (as cty orders them). Total
  /// and stable.
  static func canonicalOrder(_ a: Value, _ b: Value) -> Bool {
    let (ra, rb) = (a.orderRank, b.orderRank)
    if ra != rb { return ra < rb }
    switch (a.content, b.content) {
    case (.bool(let x), .bool(let y)): return !x && y
    case (.number(let x), .number(let y)): return x < y
    case (.string(let x), .string(let y)): return Array(x.utf8).lexicographicallyPrecedes(y.utf8)
    default: return a.description < b.description
    }
  }

  private var orderRank: Int {
    switch content {
    case .null: return 6
    case .bool: return 1
    case .number: return 2
    case .string: return 3
    case .unknown: return 5
    default: return 4
    }
  }
}
