import XCTest

@testable import GitformCore

/// Human diagnostics, byte for byte as `terraform validate -no-color` printed them for the
/// same files (Terraform 1.11.4): context lines, numbering, multi-line and empty snippets,
/// widened zero-width ranges, CRLF sources and detail wrapping.
final class DiagnosticRendererTests: XCTestCase {
  /// Parses `source` as main.tf and renders its diagnostics without colour.
  private func render(_ source: String) -> String {
    let bytes = Array(source.utf8)
    let (_, diagnostics) = Parser.parse(bytes, filename: "main.tf")
    let renderer = DiagnosticRenderer(sources: [DiagnosticSource(parsing: bytes, filename: "main.tf")])
    return renderer.render(diagnostics)
  }

  func testContextsAndWrappedDetail() {
    let source = "locals {\n  a = 1\n  a = \"é${x}\"\n}\nresource \"terraform_data\" \"x\" {\n  input = [1 2]\n}\n"
    XCTAssertEqual(
      render(source),
      """

      Error: Attribute redefined

        on main.tf line 3, in locals:
         3:   a = "é${x}"

      The argument "a" was already set at main.tf:2,3-4. Each argument may be set
      only once.

      Error: Missing item separator

        on main.tf line 6, in resource "terraform_data" "x":
         6:   input = [1 2]

      Expected a comma to mark the beginning of the next item.

      """)
  }

  func testSubjectEndingAtALineStartShowsThatLine() {
    XCTAssertEqual(
      render("locals {\n  long = \"x\" +\n     1 + [1 2]\n  x = \"abc"),
      """

      Error: Invalid expression

        on main.tf line 2, in locals:
         2:   long = "x" +
         3:      1 + [1 2]

      Expected the start of an expression, but found an invalid expression token.

      """)
  }

  func testNoContextOutsideBlocks() {
    XCTAssertEqual(
      render("x 1\n"),
      """

      Error: Argument or block definition required

        on main.tf line 1:
         1: x 1

      An argument or block definition is required here. To set an argument, use the
      equals sign "=" to introduce the argument value.

      """)
  }

  func testDetailParagraphs() {
    XCTAssertEqual(
      render("locals {\n  y = \"${a b}\"\n}\n"),
      """

      Error: Extra characters after interpolation expression

        on main.tf line 2, in locals:
         2:   y = "${a b}"

      Expected a closing brace to end the interpolation expression, but found extra
      characters.

      This can happen when you include interpolation syntax for another language,
      such as shell scripting, but forget to escape the interpolation start token.
      If this is an embedded sequence for another language, escape it by starting
      with "$${" instead of just "${".

      """)
  }

  func testCRLFSource() {
    XCTAssertEqual(
      render("locals {\r\n  a = [1 2]\r\n}\r\n"),
      """

      Error: Missing item separator

        on main.tf line 2, in locals:
         2:   a = [1 2]

      Expected a comma to mark the beginning of the next item.

      """)
  }

  func testEndOfFileSubjectIsWidened() {
    XCTAssertEqual(
      render("locals {\n  x = 1\n\n  y = {\n\n"),
      """

      Error: Missing expression

        on main.tf line 6, in locals:
         6: \("")

      Expected the start of an expression, but found the end of the file.

      """)
  }

  func testEmptyLinesInASnippetAreSkipped() {
    let source = "module \"m\" {\n  a = (1 +\n\n  2 3)\n}\n"
    XCTAssertEqual(
      render(source),
      """

      Error: Unbalanced parentheses

        on main.tf line 4, in module "m":
         2:   a = (1 +
         3:   2 3)

      Expected a closing parenthesis to terminate the expression.

      """)
  }

  func testWarningAddressValuesAndMissingSource() {
    let range = SourceRange(
      filename: "main.tf", start: SourcePosition(line: 1, column: 5, byte: 4),
      end: SourcePosition(line: 1, column: 10, byte: 9))
    let diagnostic = Diagnostic(
      severity: .warning, summary: "Deprecated", detail: "  preformatted line is not wrapped at all even when it is very long indeed, longer than the width",
      subject: range, address: "user_token.bot",
      values: [.init(traversal: "var.z", statement: "is \"a\""), .init(traversal: "var.a", statement: "is 1")])
    let source = DiagnosticSource(filename: "main.tf", bytes: Array("x = var.a + var.z\n".utf8))
    XCTAssertEqual(
      DiagnosticRenderer(sources: [source]).render(diagnostic),
      """

      Warning: Deprecated

        with user_token.bot,
        on main.tf line 1:
         1: x = var.a + var.z
          ├────────────────
          │ var.a is 1
          │ var.z is "a"

        preformatted line is not wrapped at all even when it is very long indeed, longer than the width

      """)
    XCTAssertEqual(
      DiagnosticRenderer(sources: []).render(diagnostic),
      """

      Warning: Deprecated

        with user_token.bot,
        on main.tf line 1:
        (source code not available)

        preformatted line is not wrapped at all even when it is very long indeed, longer than the width

      """)
    XCTAssertEqual(
      DiagnosticRenderer(sources: []).render(.error("No subject", detail: "")), "\nError: No subject\n\n")
  }

  func testColorFramesAndUnderlines() {
    let bytes = Array("locals {\n  a = [1 2]\n}\n".utf8)
    let (_, diagnostics) = Parser.parse(bytes, filename: "main.tf")
    let text = DiagnosticRenderer(
      sources: [DiagnosticSource(parsing: bytes, filename: "main.tf")], color: true
    ).render(diagnostics)
    let esc = "\u{1B}"
    XCTAssertEqual(
      text,
      "\(esc)[31m╷\(esc)[0m\(esc)[0m\n"
        + "\(esc)[31m│\(esc)[0m \(esc)[0m\(esc)[1m\(esc)[31mError: \(esc)[0m\(esc)[0m\(esc)[1mMissing item separator\(esc)[0m\n"
        + "\(esc)[31m│\(esc)[0m \(esc)[0m\n"
        + "\(esc)[31m│\(esc)[0m \(esc)[0m\(esc)[0m  on main.tf line 2, in locals:\n"
        + "\(esc)[31m│\(esc)[0m \(esc)[0m   2:   a = [1 \(esc)[4m2\(esc)[0m]\(esc)[0m\n"
        + "\(esc)[31m│\(esc)[0m \(esc)[0m\n"
        + "\(esc)[31m│\(esc)[0m \(esc)[0mExpected a comma to mark the beginning of the next item.\n"
        + "\(esc)[31m╵\(esc)[0m\(esc)[0m\n")
  }

  func testWordWrapMatchesGoWordwrap() {
    XCTAssertEqual(WordWrap.wrap("aaa bbb ccc", limit: 7), "aaa bbb\nccc")
    XCTAssertEqual(WordWrap.wrap("a verylongwordthatdoesnotfit b", limit: 5), "a\nverylongwordthatdoesnotfit\nb")
    XCTAssertEqual(WordWrap.wrap("x  \n  y", limit: 10), "x  \n  y")
  }

  /// A summary or detail may quote a server's answer: its control sequences must not reach the
  /// terminal (ESC[2J clears the screen), in either rendering; newlines and tabs stay.
  func testControlCharactersInSummaryAndDetailAreDropped() {
    let diagnostic = Diagnostic.error(
      "Failed \u{1B}[2Jto read", detail: "GitLab said \u{1B}]0;title\u{07}no\u{9B}1m\r\tmore\nlines")
    for color in [false, true] {
      let text = DiagnosticRenderer(sources: [], color: color).render(diagnostic)
      let stripped = text.replacingOccurrences(
        of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)  // the palette's own colours
      XCTAssertFalse(
        stripped.unicodeScalars.contains {
          ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
        }, text.debugDescription)
      XCTAssertTrue(stripped.contains("Failed [2Jto read"), text.debugDescription)
      XCTAssertTrue(stripped.contains("GitLab said ]0;titleno1m"), text.debugDescription)
    }
  }
}
