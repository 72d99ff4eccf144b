import Foundation

/// Eval: values, types and the evaluation of HCL expressions into values.
///
/// This folder holds the `Value` model (null, unknown and sensitive included), conversion and
/// unification after HCL's information model, the expression evaluator with its context, and
/// Terraform's built-in functions. It reads the Syntax layer's AST and reports problems as
/// `Diagnostic`s. It is not for configuration semantics: which blocks exist, what references
/// mean and which attributes a resource accepts belong to Config and the layers above.
///
/// Entry points: `Evaluator.evaluate(_:in:)` with an `EvalContext` (named values, base
/// directory, `EvalClock`, `EvalMode`); `Expression.references` for dependencies;
/// `StaticCheck.diagnostics(of:context:)` for `validate`; `Value.converted(to:)` and
/// `ValueType.unify(_:)` for type constraints. Deliberate deviations from Terraform are about
/// numbers (listed on `DecimalArithmetic`) and two functions: `base64gzip` stores instead of
/// compressing (`Gzip`) and `textencodebase64` knows fewer encodings (`TextEncoding`).

/// One HCL value: a type, its content and the marks that travel with it.
///
/// Two marks follow a value through every operation. *Unknown* ("known after apply") is a
/// content: the value exists but is not known yet; operations on it give unknowns of the right
/// type. *Sensitive* is a flag: anything computed from a sensitive value is sensitive, so a
/// token never reaches output. Like cty, the flag is shallow (a tuple may hold one sensitive
/// element without being sensitive itself); functions and operators use the deep view.
public struct Value: Sendable {
  /// What a value holds. Lists, sets and tuples share `elements`; maps and objects `attributes`.
  public enum Content: Sendable {
    case null
    case unknown
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case elements([Value])
    case attributes([String: Value])
  }

  public let type: ValueType
  public let content: Content
  public var isSensitive: Bool

  init(type: ValueType, content: Content, isSensitive: Bool = false) {
    self.type = type
    self.content = content
    self.isSensitive = isSensitive
  }

  // MARK: - Construction

  /// The literal `null`, of the dynamic type.
  public static let null = Value(type: .dynamic, content: .null)
  public static let `true` = Value(type: .bool, content: .bool(true))
  public static let `false` = Value(type: .bool, content: .bool(false))
  public static let emptyTuple = Value(type: .tuple([]), content: .elements([]))
  public static let emptyObject = Value(type: .object([:]), content: .attributes([:]))

  public static func null(_ type: ValueType) -> Value { Value(type: type, content: .null) }
  public static func unknown(_ type: ValueType = .dynamic) -> Value {
    Value(type: type, content: .unknown)
  }
  public static func bool(_ value: Bool) -> Value { value ? .true : .false }
  public static func number(_ value: Decimal) -> Value {
    Value(type: .number, content: .number(value))
  }
  public static func number(_ value: Int) -> Value { .number(Decimal(value)) }
  /// A string, normalized to NFC as HCL's information model (and cty) requires, so `"e\u0301"`
  /// and `"é"` are the same value everywhere, JSON and state included.
  public static func string(_ value: String) -> Value {
    let normalized =
      value.utf8.allSatisfy { $0 < 0x80 } ? value : value.precomposedStringWithCanonicalMapping
    return Value(type: .string, content: .string(normalized))
  }

  public static func tuple(_ elements: [Value]) -> Value {
    Value(type: .tuple(elements.map(\.type)), content: .elements(elements))
  }

  public static func object(_ attributes: [String: Value]) -> Value {
    Value(type: .object(attributes.mapValues(\.type)), content: .attributes(attributes))
  }

  /// A list whose elements the caller has already converted to `elementType`.
  public static func list(_ elements: [Value], elementType: ValueType) -> Value {
    Value(type: .list(elementType), content: .elements(elements))
  }

  /// A map whose elements the caller has already converted to `elementType`.
  public static func map(_ attributes: [String: Value], elementType: ValueType) -> Value {
    Value(type: .map(elementType), content: .attributes(attributes))
  }

  /// A set: duplicates removed, elements in the canonical order.
  ///
  /// As in cty, set elements carry no marks: their sensitivity moves to the set. A set with an
  /// element that is not wholly known is unknown as a whole, since its size is not known.
  public static func set(_ elements: [Value], elementType: ValueType) -> Value {
    var sensitive = false
    var unique: [Value] = []
    unique.reserveCapacity(elements.count)
    var seen = Set<Value>()
    for element in elements {
      if !element.isWhollyKnown {
        return Value(
          type: .set(elementType), content: .unknown,
          isSensitive: elements.contains { $0.containsSensitive })
      }
      let (plain, marked) = element.deepUnmarked()
      sensitive = sensitive || marked
      if seen.insert(plain).inserted { unique.append(plain) }
    }
    unique.sort(by: Value.canonicalOrder)
    return Value(type: .set(elementType), content: .elements(unique), isSensitive: sensitive)
  }

  // MARK: - Inspection

  public var isNull: Bool {
    if case .null = content { return true }
    return false
  }

  /// False only when this value itself is unknown; its elements may still be unknown.
  public var isKnown: Bool {
    if case .unknown = content { return false }
    return true
  }

  /// True when neither this value nor anything inside it is unknown.
  public var isWhollyKnown: Bool {
    switch content {
    case .unknown: return false
    case .elements(let elements): return elements.allSatisfy(\.isWhollyKnown)
    case .attributes(let attributes): return attributes.values.allSatisfy(\.isWhollyKnown)
    default: return true
    }
  }

  /// True when this value or anything inside it is sensitive.
  public var containsSensitive: Bool {
    if isSensitive { return true }
    switch content {
    case .elements(let elements): return elements.contains { $0.containsSensitive }
    case .attributes(let attributes): return attributes.values.contains { $0.containsSensitive }
    default: return false
    }
  }

  public var boolValue: Bool? {
    if case .bool(let b) = content { return b }
    return nil
  }

  public var numberValue: Decimal? {
    if case .number(let n) = content { return n }
    return nil
  }

  public var stringValue: String? {
    if case .string(let s) = content { return s }
    return nil
  }

  /// The elements of a known list, set or tuple.
  public var elements: [Value]? {
    if case .elements(let e) = content { return e }
    return nil
  }

  /// The attributes of a known map or object.
  public var attributes: [String: Value]? {
    if case .attributes(let a) = content { return a }
    return nil
  }

  /// The attributes of a known map or object in key order, the order HCL iterates them in.
  public var sortedAttributes: [(key: String, value: Value)]? {
    attributes?.sorted { $0.key < $1.key }
  }

  // MARK: - Marks

  /// This value, sensitive if it was or if `sensitive` is true.
  public func marked(sensitive: Bool) -> Value {
    guard sensitive, !isSensitive else { return self }
    var copy = self
    copy.isSensitive = true
    return copy
  }

  /// This value without its own sensitive flag (elements keep theirs).
  public var unmarked: Value {
    var copy = self
    copy.isSensitive = false
    return copy
  }

  /// This value with every sensitive flag removed, and whether there was any.
  public func deepUnmarked() -> (Value, Bool) {
    guard containsSensitive else { return (self, false) }
    switch content {
    case .elements(let elements):
      return (Value(type: type, content: .elements(elements.map { $0.deepUnmarked().0 })), true)
    case .attributes(let attributes):
      return (
        Value(type: type, content: .attributes(attributes.mapValues { $0.deepUnmarked().0 })), true
      )
    default:
      return (unmarked, true)
    }
  }
}
