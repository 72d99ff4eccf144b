/// Writes `JSON` exactly as Go's `encoding/json` does, so that gitform's state files have the
/// bytes Terraform would write for the same content.
///
/// `indented` matches `json.MarshalIndent(v, "", "  ")`: one member per line, `"key": value`,
/// empty containers as `{}`/`[]`. `compact` matches `json.Marshal`. Strings are escaped like Go
/// (HTML-safe: `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes), so a read → write of a file
/// gitform or Terraform wrote gives the same bytes.
public enum JSONWriter {
  /// Two-space indented text with a trailing newline, as Terraform writes state files.
  public static func indented(_ value: JSON) -> String {
    var output = ""
    write(value, indent: "", into: &output)
    output += "\n"
    return output
  }

  /// One line, no insignificant whitespace, no trailing newline.
  public static func compact(_ value: JSON) -> String {
    var output = ""
    write(value, indent: nil, into: &output)
    return output
  }

  /// Appends `value`; `indent` nil means compact, otherwise the current line's indentation.
  private static func write(_ value: JSON, indent: String?, into output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): writeString(text, into: &output)
    case .array(let elements):
      guard !elements.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output += "," }
        let inner = newline(indent, into: &output)
        write(element, indent: inner, into: &output)
      }
      closeLine(indent, into: &output)
      output += "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (offset, member) in members.enumerated() {
        if offset > 0 { output += "," }
        let inner = newline(indent, into: &output)
        writeString(member.key, into: &output)
        output += indent == nil ? ":" : ": "
        write(member.value, indent: inner, into: &output)
      }
      closeLine(indent, into: &output)
      output += "}"
    }
  }

  /// Starts a member's line and returns the member's indentation.
  private static func newline(_ indent: String?, into output: inout String) -> String? {
    guard let indent else { return nil }
    output += "\n" + indent + "  "
    return indent + "  "
  }

  private static func closeLine(_ indent: String?, into output: inout String) {
    guard let indent else { return }
    output += "\n" + indent
  }

  /// Go's `encodeState.string` with HTML escaping on.
  static func writeString(_ text: String, into output: inout String) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "<", ">", "&", "\u{2028}", "\u{2029}":
        output += unicodeEscape(scalar.value)
      default:
        if scalar.value < 0x20 {
          output += unicodeEscape(scalar.value)
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
