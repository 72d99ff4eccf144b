/// Converts attribute and output values to and from the state file's JSON, and types to cty's
/// JSON type encoding (`"string"`, `["set","string"]`).
///
/// Marks do not survive JSON: sensitivity is recorded separately (`sensitive_attributes`, an
/// output's `sensitive`) and put back by the caller. Unknown values are never written (null).
enum ValueJSON {
  static func json(_ value: Value) -> JSON {
    switch value.content {
    case .null, .unknown: return .null
    case .bool(let b): return .bool(b)
    case .number(let n): return .number(NumberFormatting.string(n))
    case .string(let s): return .string(s)
    case .elements(let elements): return .array(elements.map(json))
    case .attributes(let attributes): return .sortedObject(attributes.mapValues(json))
    }
  }

  /// The value of `json` as `type`; nil when they do not fit together.
  static func value(_ json: JSON, as type: ValueType) -> Value? {
    if case .null = json { return .null(type) }
    switch (type, json) {
    case (.string, .string(let s)): return .string(s)
    case (.bool, .bool(let b)): return .bool(b)
    case (.number, .number(let text)):
      guard case .success(let n) = NumberFormatting.parse(text) else { return nil }
      return .number(n)
    case (.list(let element), .array(let items)):
      let values = items.compactMap { value($0, as: element) }
      return values.count == items.count ? .list(values, elementType: element) : nil
    case (.set(let element), .array(let items)):
      let values = items.compactMap { value($0, as: element) }
      return values.count == items.count ? .set(values, elementType: element) : nil
    case (.tuple(let types), .array(let items)):
      guard types.count == items.count else { return nil }
      let values = zip(items, types).compactMap { value($0, as: $1) }
      return values.count == items.count ? .tuple(values) : nil
    case (.map(let element), .object(let members)):
      var values: [String: Value] = [:]
      for member in members {
        guard let v = value(member.value, as: element) else { return nil }
        values[member.key] = v
      }
      return .map(values, elementType: element)
    case (.object(let types), .object):
      var values: [String: Value] = [:]
      for (name, attributeType) in types {
        guard let v = value(json[name] ?? .null, as: attributeType) else { return nil }
        values[name] = v
      }
      return .object(values)
    case (.dynamic, _): return inferred(json)
    default: return nil
    }
  }

  /// A value of whatever type the JSON suggests (outputs of type `dynamic`).
  static func inferred(_ json: JSON) -> Value {
    switch json {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .number(let text):
      if case .success(let n) = NumberFormatting.parse(text) { return .number(n) }
      return .null
    case .string(let s): return .string(s)
    case .array(let items): return .tuple(items.map(inferred))
    case .object(let members):
      return .object(Dictionary(members.map { ($0.key, inferred($0.value)) }, uniquingKeysWith: { _, b in b }))
    }
  }

  /// cty's JSON encoding of a type.
  static func typeJSON(_ type: ValueType) -> JSON {
    switch type {
    case .dynamic: return .string("dynamic")
    case .string: return .string("string")
    case .number: return .string("number")
    case .bool: return .string("bool")
    case .list(let t): return .array([.string("list"), typeJSON(t)])
    case .set(let t): return .array([.string("set"), typeJSON(t)])
    case .map(let t): return .array([.string("map"), typeJSON(t)])
    case .tuple(let ts): return .array([.string("tuple"), .array(ts.map(typeJSON))])
    case .object(let attributes):
      return .array([.string("object"), .sortedObject(attributes.mapValues(typeJSON))])
    }
  }

  /// The type a cty type encoding names; `dynamic` for anything unrecognised.
  static func type(_ json: JSON) -> ValueType {
    switch json {
    case .string("string"): return .string
    case .string("number"): return .number
    case .string("bool"): return .bool
    case .array(let parts) where parts.count == 2:
      switch (parts[0], parts[1]) {
      case (.string("list"), let t): return .list(type(t))
      case (.string("set"), let t): return .set(type(t))
      case (.string("map"), let t): return .map(type(t))
      case (.string("tuple"), .array(let ts)): return .tuple(ts.map(type))
      case (.string("object"), .object(let members)):
        return .object(Dictionary(members.map { ($0.key, type($0.value)) }, uniquingKeysWith: { _, b in b }))
      default: return .dynamic
      }
    default: return .dynamic
    }
  }
}
