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
    case .string(let text): StringQuoting.quote(text, .json, into: &output)
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
        StringQuoting.quote(member.key, .json, into: &output)
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
}
