import Foundation

/// Reading and writing the attributes of an object `Value`, as resource code does all day.
///
/// Absent attributes read as null; typed accessors answer nil for null, unknown or a value of
/// another type, so resource code never traps on a surprising object.
extension Value {
  /// The attribute `name` of a known object, or null.
  public subscript(attribute name: String) -> Value {
    attributes?[name] ?? .null
  }

  public func string(_ name: String) -> String? { self[attribute: name].stringValue }

  public func bool(_ name: String) -> Bool? { self[attribute: name].boolValue }

  /// A whole number that fits in `Int`.
  public func int(_ name: String) -> Int? {
    guard let number = self[attribute: name].numberValue else { return nil }
    var value = number
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 0, .plain)
    guard rounded == number else { return nil }
    return Int(exactly: NSDecimalNumber(decimal: rounded).int64Value)
  }

  /// The strings of a known list or set, or nil when it is not one (or holds non-strings).
  public func strings(_ name: String) -> [String]? {
    guard let elements = self[attribute: name].elements else { return nil }
    let strings = elements.compactMap(\.stringValue)
    return strings.count == elements.count ? strings : nil
  }

  /// This object with `name` set to `value` (the object type follows).
  public func setting(_ name: String, _ value: Value) -> Value {
    var attributes = self.attributes ?? [:]
    attributes[name] = value
    return Value.object(attributes).marked(sensitive: isSensitive)
  }

  /// An object of `schema`: `values` where given, typed nulls everywhere else.
  public static func object(_ schema: ResourceSchema, _ values: [String: Value]) -> Value {
    var attributes = schema.nullAttributes
    var typedAsSchema = true
    for (name, value) in values {
      // Names the schema lacks are left out; the null in place carries the schema's type.
      guard let index = attributes.index(forKey: name) else { continue }
      typedAsSchema = typedAsSchema && value.type == attributes.values[index].type
      attributes.values[index] = value
    }
    return .object(attributes, typedAs: typedAsSchema ? schema : nil)
  }

  /// An object of `attributes`, whose type is the schema's own when the caller found every
  /// attribute typed as the schema says: the common case, which then builds no type.
  public static func object(_ attributes: [String: Value], typedAs schema: ResourceSchema?) -> Value {
    guard let schema else { return .object(attributes) }
    return Value(type: schema.objectType, content: .attributes(attributes))
  }

  /// A set of strings, sorted.
  public static func stringSet(_ strings: [String]) -> Value {
    .set(strings.map { .string($0) }, elementType: .string)
  }

  /// A string, or a typed null for nil.
  public static func optionalString(_ text: String?) -> Value {
    text.map { .string($0) } ?? .null(.string)
  }
}
