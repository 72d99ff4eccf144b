import Foundation

/// A value as `terraform console` prints it (Terraform's `repl.FormatValue`): language syntax
/// with the conversion functions that say the exact type (`tolist([...])`, `tomap({...})`,
/// `tostring(null)`), one element per line, multi-line strings as heredocs, and
/// "(sensitive value)" / "(known after apply)" in place of what must not or cannot be shown.
enum ConsoleValueFormat {
  static func format(_ value: Value, indent: Int = 0) -> String {
    if !value.isKnown { return "(known after apply)" }
    if value.isSensitive { return "(sensitive value)" }
    if value.isNull { return null(of: value.type) }
    switch value.content {
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number): return NumberFormatting.string(number)
    case .string(let text): return heredoc(text, indent: indent) ?? StringQuoting.quote(text, .go)
    case .elements(let elements):
      let body = sequence(elements, indent: indent)
      switch value.type {
      case .list: return "tolist(\(body))"
      case .set: return "toset(\(body))"
      default: return body
      }
    case .attributes:
      let body = mapping(value.sortedAttributes ?? [], indent: indent)
      if case .map = value.type { return "tomap(\(body))" }
      return body
    case .null, .unknown: return ""  // handled above
    }
  }

  private static func null(of type: ValueType) -> String {
    switch type {
    case .dynamic: return "null"
    case .string: return "tostring(null)"
    case .number: return "tonumber(null)"
    case .bool: return "tobool(null)"
    case .list(let element): return "tolist(null) /* of \(element.friendlyName) */"
    case .set(let element): return "toset(null) /* of \(element.friendlyName) */"
    case .map(let element): return "tomap(null) /* of \(element.friendlyName) */"
    case .tuple, .object: return "null /* \(type.friendlyName) */"
    }
  }

  private static func sequence(_ elements: [Value], indent: Int) -> String {
    guard !elements.isEmpty else { return "[]" }
    let inner = String(repeating: " ", count: indent + 2)
    let lines = elements.map { "\n" + inner + format($0, indent: indent + 2) + "," }
    return "[" + lines.joined() + "\n" + String(repeating: " ", count: indent) + "]"
  }

  private static func mapping(_ attributes: [(key: String, value: Value)], indent: Int) -> String {
    guard !attributes.isEmpty else { return "{}" }
    let inner = String(repeating: " ", count: indent + 2)
    let lines = attributes.map { key, value in
      "\n" + inner + format(.string(key), indent: indent + 2) + " = " + format(value, indent: indent + 2)
    }
    return "{" + lines.joined() + "\n" + String(repeating: " ", count: indent) + "}"
  }

  /// A string of two or more lines as a heredoc (`<<-` when indented), its delimiter EOT
  /// lengthened with underscores while a line would end it early.
  private static func heredoc(_ text: String, indent: Int) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count >= 2 else { return nil }
    var delimiter = "EOT"
    while lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == delimiter }) { delimiter += "_" }
    let padding = String(repeating: " ", count: indent)
    return (indent > 0 ? "<<-" : "<<") + delimiter + lines.map { "\n" + padding + $0 }.joined()
      + "\n" + padding + delimiter
  }
}
