import Foundation

/// Writes a `JSONValue` as compact JSON text, keys in their given order.
///
/// Strings are escaped as JSON requires (quotes, backslash, control characters); `/` is left
/// alone, as Ruby's JSON does. Non-finite doubles, which JSON cannot carry, become null.
enum JSONWriter {
  static func data(_ value: JSONValue) -> Data {
    var out = ""
    write(value, to: &out)
    return Data(out.utf8)
  }

  static func string(_ value: JSONValue) -> String {
    var out = ""
    write(value, to: &out)
    return out
  }

  private static func write(_ value: JSONValue, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .int(let number): out += String(number)
    case .double(let number):
      if !number.isFinite {
        out += "null"
      } else if number == number.rounded(), abs(number) < 1e15 {
        out += String(Int(number))
      } else {
        out += String(number)
      }
    case .string(let text): writeString(text, to: &out)
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        write(item, to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        writeString(member.0, to: &out)
        out += ":"
        write(member.1, to: &out)
      }
      out += "}"
    }
  }

  private static func writeString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
