// Shared/: small utilities every layer of the engine may use, from Syntax/ up to CLI/.
//
// For: quoting strings the ways Terraform spells them (`StringQuoting`), the calendar and
// timestamps (`CivilDate`, `CalendarDate`, `RFC3339Timestamp` and its parser), the JSON value
// with its parser and writer (`JSON`, `JSONParser`, `JSONWriter`: the core's one JSON reader)
// and the worker pool (`ParallelWork`).
// Not for: anything that knows about configuration, values, state, GitLab or resource types.
// Files here depend on Foundation and on each other only, so every folder may use them; nothing
// here prints.

/// The one string quoter of the engine, in the spellings Terraform's output uses.
///
/// The `.go`, `.hcl` and `.json` styles are byte for byte what Terraform (Go) writes, checked
/// against `terraform plan` and `terraform console` 1.11; `.value` is gitform's own:
/// - `.go`: Go's `strconv.Quote` (`%q`), used by Terraform's plan renderer, console, and the
///   messages of HCL and of its functions: `"a\x7fb\u0080\a"`.
/// - `.hcl`: an HCL quoted literal as Terraform writes instance keys (`addrs.StringKey`) and
///   hclwrite values: `$${` and `%%{` so no template starts, `\u007f`/`\u0080` for what is not
///   printable, since HCL has no `\x` or `\a` escapes.
/// - `.value`: `Value`'s own description (`"a$${b}"` in diagnostics, tests and corpora): the
///   HCL literal, but only control characters (C0, DEL, C1) escaped, so an emoji sequence or a
///   no-break space reads as written.
/// - `.json`: Go's `encoding/json` with HTML escaping (`\u003c`, `\u2028`), as Terraform writes
///   state, JSON output and `jsonencode`; DEL and C1 controls stay as they are, as Go leaves them.
enum StringQuoting {
  enum Style: Sendable {
    case go
    case hcl
    case value
    case json
  }

  /// `text` in double quotes, escaped in `style`.
  static func quote(_ text: String, _ style: Style) -> String {
    if !needsEscapes(text, style) { return "\"" + text + "\"" }
    var out = ""
    quote(text, style, into: &out)
    return out
  }

  /// `quote(text, style)` appended to `out`.
  static func quote(_ text: String, _ style: Style, into out: inout String) {
    out += "\""
    guard needsEscapes(text, style) else {
      out += text
      out += "\""
      return
    }
    var previous: Unicode.Scalar = "\0"
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "{":
        // HCL doubles a template introducer to write it literally: `$${`, `%%{`.
        if style == .hcl || style == .value, previous == "$" || previous == "%" {
          out.unicodeScalars.append(previous)
        }
        out += "{"
      default: escape(scalar, style, into: &out)
      }
      previous = scalar
    }
    out += "\""
  }

  /// Whether some byte of `text` may need an escape: one scan of the bytes instead of a
  /// scalar-by-scalar copy for the common case (most names and values need none), which plans
  /// and state files of 10,000 resources feel. Text beyond ASCII always takes the full path.
  private static func needsEscapes(_ text: String, _ style: Style) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        return true
      }
      switch style {
      case .hcl, .value:
        if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") || previous == UInt8(ascii: "%") {
          return true
        }
      case .json:
        if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") { return true }
      case .go: break
      }
      previous = byte
    }
    return false
  }

  /// Every scalar other than the quote, backslash, newline, return, tab and `{`.
  private static func escape(_ scalar: Unicode.Scalar, _ style: Style, into out: inout String) {
    let value = scalar.value
    switch style {
    case .go:
      switch value {
      case 0x07: out += "\\a"
      case 0x08: out += "\\b"
      case 0x0C: out += "\\f"
      case 0x0B: out += "\\v"
      case ..<0x20, 0x7F: out += "\\x" + hex(value, 2)
      default: printable(scalar, into: &out)
      }
    case .hcl:
      printable(scalar, into: &out)
    case .value:
      if value < 0x20 || (0x7F...0x9F).contains(value) {
        out += "\\u" + hex(value, 4)
      } else {
        out.unicodeScalars.append(scalar)
      }
    case .json:
      switch value {
      case 0x08: out += "\\b"
      case 0x0C: out += "\\f"
      case ..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029: out += "\\u" + hex(value, 4)
      default: out.unicodeScalars.append(scalar)
      }
    }
  }

  /// The scalar as it is when Go's `unicode.IsPrint` holds, else `\uXXXX` / `\UXXXXXXXX`.
  private static func printable(_ scalar: Unicode.Scalar, into out: inout String) {
    if isPrintable(scalar) {
      out.unicodeScalars.append(scalar)
    } else if scalar.value < 0x10000 {
      out += "\\u" + hex(scalar.value, 4)
    } else {
      out += "\\U" + hex(scalar.value, 8)
    }
  }

  /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .spaceSeparator, .lineSeparator,
      .paragraphSeparator:
      return false
    default: return true
    }
  }

  private static let hexDigits = Array("0123456789abcdef".unicodeScalars)

  /// Lowercase hex, zero-padded to `width` digits, as Go's `%02x`/`%04x`/`%08x`.
  private static func hex(_ value: UInt32, _ width: Int) -> String {
    var text = String.UnicodeScalarView()
    for shift in stride(from: (width - 1) * 4, through: 0, by: -4) {
      text.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
    }
    return String(text)
  }
}
