/// The type of a `Value`, after HCL's information model (`spec.md` "Types").
///
/// `dynamic` is the pseudo-type `any`: the type of `null` written literally, of values whose
/// type is not known yet, and the "any single type" wildcard of conversion targets.
/// Capsule types are deliberately absent: gitform has no application-defined values.
public indirect enum ValueType: Hashable, Sendable {
  case dynamic
  case string
  case number
  case bool
  case list(ValueType)
  case set(ValueType)
  case map(ValueType)
  case tuple([ValueType])
  case object([String: ValueType])

  /// True for `string`, `number` and `bool`.
  public var isPrimitive: Bool {
    switch self {
    case .string, .number, .bool: return true
    default: return false
    }
  }

  /// True for the sequence-like types `list`, `set` and `tuple`, which `for` and splat walk
  /// element by element.
  public var isSequence: Bool {
    switch self {
    case .list, .set, .tuple: return true
    default: return false
    }
  }

  /// True for `map` and `object`.
  public var isMapping: Bool {
    switch self {
    case .map, .object: return true
    default: return false
    }
  }

  /// The element type of a collection type, nil for every other type.
  public var elementType: ValueType? {
    switch self {
    case .list(let t), .set(let t), .map(let t): return t
    default: return nil
    }
  }

  /// True when `dynamic` appears anywhere in the type, so a conversion to it must infer a type.
  public var hasDynamic: Bool {
    switch self {
    case .dynamic: return true
    case .string, .number, .bool: return false
    case .list(let t), .set(let t), .map(let t): return t.hasDynamic
    case .tuple(let ts): return ts.contains { $0.hasDynamic }
    case .object(let attrs): return attrs.values.contains { $0.hasDynamic }
    }
  }

  /// The short name Terraform uses in messages: "string", "list of number", "tuple", "object".
  public var friendlyName: String {
    switch self {
    case .dynamic: return "dynamic"
    case .string: return "string"
    case .number: return "number"
    case .bool: return "bool"
    case .list(let t): return "list of " + t.collectionElementName
    case .set(let t): return "set of " + t.collectionElementName
    case .map(let t): return "map of " + t.collectionElementName
    case .tuple: return "tuple"
    case .object: return "object"
    }
  }

  /// "any single type" stands for a dynamic element, as in cty's messages.
  private var collectionElementName: String {
    self == .dynamic ? "any single type" : friendlyName
  }

  /// The type in Terraform's type-constraint syntax, for detailed messages:
  /// `list(string)`, `object({a=number})`.
  public var typeExpression: String {
    switch self {
    case .dynamic: return "any"
    case .string, .number, .bool: return friendlyName
    case .list(let t): return "list(\(t.typeExpression))"
    case .set(let t): return "set(\(t.typeExpression))"
    case .map(let t): return "map(\(t.typeExpression))"
    case .tuple(let ts): return "tuple([" + ts.map(\.typeExpression).joined(separator: ", ") + "])"
    case .object(let attrs):
      return "object({"
        + attrs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.typeExpression)" }
        .joined(separator: ", ") + "})"
    }
  }
}
