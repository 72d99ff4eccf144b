// Shared/JSON/: the core's one JSON reader and writer — ordered objects, numbers kept as text,
// a strict parser and a writer that reproduces Go's `encoding/json` bytes. State files, the
// journal, lock info, saved plans and GitLab's answers are all read with it.
// Not for: mapping JSON to gitform's typed values (Model/'s ValueJSON, GitLab/'s
// GitLabJSONReader do that). `jsondecode` keeps its own parser for Go's error wording, and the
// emulator its own on purpose.

/// A JSON value that keeps what gitform's state files need exactly: object key order and the
/// literal text of numbers.
///
/// Foundation's `JSONSerialization` reorders keys and reads numbers through `Double`, which would
/// corrupt large ids and break the byte-identical round trip of state files; this type does
/// neither. Objects are ordered lists of members: the writer emits them in the order given, so
/// callers decide between Terraform's struct order and sorted map keys (`sortedObject`).
public enum JSON: Equatable, Hashable, Sendable {
  case null
  case bool(Bool)
  /// The number's literal text, validated against JSON's grammar by the parser.
  case number(String)
  case string(String)
  case array([JSON])
  case object([(key: String, value: JSON)])

  /// An object whose members are sorted by key, as Go writes a map.
  public static func sortedObject(_ members: [String: JSON]) -> JSON {
    .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
  }

  /// An exact integer.
  public static func integer<T: BinaryInteger>(_ value: T) -> JSON { .number(String(value)) }

  // MARK: - Reading

  /// The member named `key` of an object, nil for a missing key or a non-object.
  public subscript(key: String) -> JSON? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.key == key }?.value
  }

  public var objectMembers: [(key: String, value: JSON)]? {
    if case .object(let members) = self { return members }
    return nil
  }

  public var arrayElements: [JSON]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The number as an exact signed integer, nil when it has a fraction, an exponent or does not fit.
  public var int64Value: Int64? {
    if case .number(let text) = self { return Int64(text) }
    return nil
  }

  /// The number as an exact unsigned integer, nil when it is negative or not an integer.
  public var uint64Value: UInt64? {
    if case .number(let text) = self { return UInt64(text) }
    return nil
  }

  public var isNull: Bool { self == .null }

  /// A short name of the value's kind, for error messages that must not quote the value.
  public var kindName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  // MARK: - Equatable, Hashable (tuples are neither, so members are compared pairwise)

  public static func == (lhs: JSON, rhs: JSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let flag): hasher.combine(1); hasher.combine(flag)
    case .number(let text): hasher.combine(2); hasher.combine(text)
    case .string(let text): hasher.combine(3); hasher.combine(text)
    case .array(let elements): hasher.combine(4); hasher.combine(elements)
    case .object(let members):
      hasher.combine(5)
      for member in members {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    }
  }
}
