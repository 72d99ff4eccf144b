/// Terraform's colour markup (`mitchellh/colorstring` with `Reset: true`): `[red]`, `[bold]`,
/// `[underline]`, `[dark_gray]`, `[reset]` become ANSI sequences, and a reset is appended to
/// any template that used one. The plain palette removes the markup instead.
///
/// As in Terraform's `Fprintf(color.Color(format), args...)`, only the renderer's own
/// template is colourised; user text (summaries, source lines, values) is substituted for
/// `%s` afterwards, so brackets in it never turn into colour codes.
enum Palette {
  case plain
  case ansi

  private static let codes: [String: String] = [
    "reset": "0", "bold": "1", "underline": "4", "red": "31", "yellow": "33", "dark_gray": "90",
  ]

  func format(_ template: String, _ arguments: String...) -> String {
    var colored = ""
    var usedCode = false
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "[") {
      colored += rest[..<open]
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "]"),
        let code = Self.codes[String(rest[afterOpen..<close])]
      else {
        colored += "["
        rest = rest[afterOpen...]
        continue
      }
      if self == .ansi {
        colored += "\u{1B}[\(code)m"
        usedCode = true
      }
      rest = rest[rest.index(after: close)...]
    }
    colored += rest
    if usedCode { colored += "\u{1B}[0m" }

    var output = ""
    var remaining = arguments[...]
    var pieces = colored.components(separatedBy: "%s")[...]
    output += pieces.removeFirst()
    for piece in pieces {
      output += remaining.popFirst() ?? ""
      output += piece
    }
    return output
  }
}
