import Foundation

/// The value written the way `terraform console` writes it, on one line: `"a"`, `1`, `null`,
/// `["a", 1]`, `{a = 1}`, `tolist(["a"])`, `(known after apply)`, `(sensitive value)`.
///
/// Used in diagnostics ("var.n is \"abc\"") and tests. A sensitive value is never written out,
/// which keeps secrets out of every message built from this text.
extension Value: CustomStringConvertible {
  public var description: String {
    if isSensitive { return "(sensitive value)" }
    switch content {
    case .unknown: return "(known after apply)"
    case .null:
      switch type {
      case .dynamic: return "null"
      case .string, .number, .bool: return "to\(type.friendlyName)(null)"
      case .list, .set, .map, .tuple, .object: return "null"
      }
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return NumberFormatting.string(n)
    case .string(let s): return Value.quoted(s)
    case .elements(let elements):
      let body = "[" + elements.map(\.description).joined(separator: ", ") + "]"
      switch type {
      case .list: return "tolist(\(body))"
      case .set: return "toset(\(body))"
      default: return body
      }
    case .attributes(let attributes):
      let pairs = attributes.sorted { $0.key < $1.key }
      if case .map = type {
        return "tomap({"
          + pairs.map { "\(Value.quoted($0.key)) = \($0.value)" }
          .joined(separator: ", ") + "})"
      }
      return "{"
        + pairs.map { "\(Value.objectKey($0.key)) = \($0.value)" }
        .joined(separator: ", ") + "}"
    }
  }

  /// A string as an HCL literal (`$${` for a literal `${`, `\u007f` for a control character),
  /// the way this description and the messages built from values write strings.
  static func quoted(_ s: String) -> String {
    StringQuoting.quote(s, .value)
  }

  private static func objectKey(_ key: String) -> String {
    guard let first = key.unicodeScalars.first,
      first.properties.isIDStart || first == "_",
      key.unicodeScalars.allSatisfy({ $0.properties.isIDContinue || $0 == "-" })
    else { return quoted(key) }
    return key
  }
}
