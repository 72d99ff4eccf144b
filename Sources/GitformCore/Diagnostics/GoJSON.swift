/// A JSON value with ordered keys, written exactly as Go's `encoding/json` writes it.
///
/// Terraform's JSON output comes from `json.Marshal`/`MarshalIndent`: keys in declaration
/// order, `<`, `>` and `&` escaped as `\u003c`..., U+2028/2029 escaped, other non-ASCII text
/// written as is. Foundation's `JSONSerialization` sorts or reorders keys and escapes
/// differently, so diagnostics use this instead.
public indirect enum GoJSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// A number as JSON text (`1.5`, `1e+21`), for values that are not whole `Int`s.
  case number(String)
  case string(String)
  case array([GoJSON])
  case object([(String, GoJSON)])

  public static func == (a: GoJSON, b: GoJSON) -> Bool {
    a.compact == b.compact
  }

  /// `json.Marshal`: no whitespace.
  public var compact: String {
    var out = ""
    write(to: &out, indent: nil, level: 0)
    return out
  }

  /// `json.MarshalIndent(v, "", "  ")`.
  public var indented: String {
    var out = ""
    write(to: &out, indent: "  ", level: 0)
    return out
  }

  private func write(to out: inout String, indent: String?, level: Int) {
    func newline(_ level: Int) {
      guard let indent else { return }
      out += "\n" + String(repeating: indent, count: level)
    }
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .number(let text): out += text
    case .string(let s): StringQuoting.quote(s, .json, into: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        newline(level + 1)
        item.write(to: &out, indent: indent, level: level + 1)
      }
      newline(level)
      out += "]"
    case .object(let members):
      if members.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { out += "," }
        newline(level + 1)
        StringQuoting.quote(key, .json, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(to: &out, indent: indent, level: level + 1)
      }
      newline(level)
      out += "}"
    }
  }
}
