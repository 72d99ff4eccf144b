// JSON/ holds the emulator's own JSON value, parser and writer.
// For: request bodies in (JSON objects, Terraform lock info) and every response body out, with
// object keys in the order GitLab writes them and nulls written out. Not for: the -data file,
// which is Codable (its layout is the emulator's own business).
import Foundation

/// A JSON document as a value. Objects keep their key order, so responses list fields in the
/// order GitLab's entities do and the output is byte-stable.
public enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The member named `key` of an object; nil for anything else or a missing key.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var intValue: Int? {
    switch self {
    case .int(let number): return number
    case .double(let number) where number == number.rounded() && abs(number) < 1e15:
      return Int(number)
    default: return nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// A string or null, the shape of GitLab's optional text fields.
  public static func optional(_ text: String?) -> JSONValue {
    text.map(JSONValue.string) ?? .null
  }

  /// An int or null.
  public static func optional(_ number: Int?) -> JSONValue {
    number.map(JSONValue.int) ?? .null
  }
}
