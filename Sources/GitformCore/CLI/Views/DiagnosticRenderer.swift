/// Renders diagnostics as Terraform prints them: `Error: summary`, the `on FILE line N, in
/// CONTEXT:` line, numbered source lines, an optional values box, and the detail wrapped.
///
/// Plain output matches `terraform validate -no-color` byte for byte; with `color`, the same
/// text is framed by a coloured left rule and the subject is underlined. The engine never
/// decides about colour: the CLI passes it (terminal, `-no-color`, `NO_COLOR`).
public struct DiagnosticRenderer: Sendable {
  public var sources: [String: DiagnosticSource]
  public var color: Bool
  /// Terminal width; details wrap one column short of it. Terraform uses 78 off a terminal.
  public var width: Int

  public init(sources: [DiagnosticSource], color: Bool = false, width: Int = 78) {
    var byName: [String: DiagnosticSource] = [:]
    for source in sources { byName[source.filename] = source }
    self.sources = byName
    self.color = color
    self.width = width
  }

  /// All diagnostics, in order; each starts with a blank line, as Terraform prints them.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined()
  }

  public func render(_ diagnostic: Diagnostic) -> String {
    let view = DiagnosticView(diagnostic, sources: sources)
    return color ? renderColored(view) : renderPlain(view)
  }

  // MARK: - Plain

  private func renderPlain(_ view: DiagnosticView) -> String {
    let diagnostic = view.diagnostic
    var text = diagnostic.severity == .error ? "\nError: " : "\nWarning: "
    text += DiagnosticRenderer.printable(diagnostic.summary) + "\n\n"
    text += snippetText(view, palette: .plain)
    text += detailText(DiagnosticRenderer.printable(diagnostic.detail), limit: width - 1)
    return text
  }

  // MARK: - Coloured

  private func renderColored(_ view: DiagnosticView) -> String {
    let diagnostic = view.diagnostic
    let palette = Palette.ansi
    let isError = diagnostic.severity == .error
    let tone = isError ? "[red]" : "[yellow]"
    var body = palette.format(isError ? "[bold][red]Error: [reset]" : "[bold][yellow]Warning: [reset]")
    body += palette.format("[bold]%s[reset]\n\n", DiagnosticRenderer.printable(diagnostic.summary))
    body += snippetText(view, palette: palette)
    body += detailText(DiagnosticRenderer.printable(diagnostic.detail), limit: width - 3)

    let ruleLine = palette.format("\(tone)│[reset] ")
    var framed = palette.format("\(tone)╷[reset]") + "\n"
    var lines = body.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    for line in lines {
      // Terraform trims the prefix on empty lines; its trailing reset is not whitespace.
      framed += (line.isEmpty ? ruleLine.trimmingTrailingSpaces() : ruleLine) + line + "\n"
    }
    framed += palette.format("\(tone)╵[reset]") + "\n"
    return framed
  }

  // MARK: - Parts

  /// `text` without the control characters a terminal acts on (ESC, BEL, CR, DEL, C1), newline
  /// and tab kept. A summary or detail may quote a server's answer or a file's contents; neither
  /// may clear the screen or rewrite the title of the terminal showing the error.
  static func printable(_ text: String) -> String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value != 0x0A && scalar.value != 0x09
        && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0) })
    return String(scalars)
  }

  private func snippetText(_ view: DiagnosticView, palette: Palette) -> String {
    var text = ""
    if let address = view.diagnostic.address { text += "  with \(address),\n" }
    guard let range = view.range else { return text }
    guard let snippet = view.snippet else {
      return text + "  on \(range.filename) line \(range.start.line):\n  (source code not available)\n\n"
    }
    let context = snippet.context.map { ", in \($0)" } ?? ""
    text += "  on \(range.filename) line \(range.start.line)\(context):\n"
    let code = Array(snippet.code.utf8)
    let start = snippet.highlightStart
    let end = max(start, snippet.highlightEnd)
    let marked = palette.format(
      "%s[underline]%s[reset]%s", String(decoding: code[0..<start], as: UTF8.self),
      String(decoding: code[start..<end], as: UTF8.self), String(decoding: code[end...], as: UTF8.self))
    for (offset, line) in marked.components(separatedBy: "\n").enumerated() {
      let number = String(snippet.startLine + offset)
      text += String(repeating: " ", count: max(0, 4 - number.count)) + number + ": " + line + "\n"
    }
    let values = view.diagnostic.values.sorted { $0.traversal < $1.traversal }
    if !values.isEmpty {
      text += palette.format("    [dark_gray]├────────────────[reset]\n")
      for value in values {
        let lines = value.statement.components(separatedBy: "\n")
        text += palette.format("    [dark_gray]│[reset] [bold]%s[reset] %s\n", value.traversal, lines[0])
        for line in lines.dropFirst() {
          text += palette.format("    [dark_gray]│[reset]   %s\n", line)
        }
      }
    }
    return text + "\n"
  }

  /// Each line of the detail wrapped at `limit`, except lines starting with a space (taken
  /// as preformatted, as Terraform does).
  private func detailText(_ detail: String, limit: Int) -> String {
    guard !detail.isEmpty else { return "" }
    guard limit > 0 else { return detail + "\n" }
    return detail.components(separatedBy: "\n").map { line in
      (line.hasPrefix(" ") ? line : WordWrap.wrap(line, limit: limit)) + "\n"
    }.joined()
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var result = self
    while result.last == " " { result.removeLast() }
    return result
  }
}
