import XCTest

@testable import GitformCore

/// The syntax-error vectors of the reference (§1.9), observed with `terraform validate`: the
/// same summaries, details and ranges (each input inside `locals { ... }`).
final class ParserErrorVectorTests: XCTestCase {
  private func check(
    _ body: String, _ expected: [String], details: [String]? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  \(body)\n}\n")
    XCTAssertEqual(SyntaxTestSupport.summaries(diagnostics), expected, file: file, line: line)
    if let details {
      XCTAssertEqual(diagnostics.map(\.detail), details, file: file, line: line)
    }
  }

  func testChainedLegacyIndex() {
    check(
      "x = [[1,2]].0.1", ["Invalid legacy index syntax @ 2:15-2:18@23-26"],
      details: [
        "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [0][1]."
      ])
  }

  func testInvalidEscape() {
    check(
      #"x = "\q""#, ["Invalid escape sequence @ 2:8-2:10@16-18"],
      details: [#"The symbol "q" is not a valid escape sequence selector."#])
  }

  func testInvalidNumberLiteral() {
    check(
      "x = 0.0.1", ["Invalid number literal @ 2:7-2:12@15-20"],
      details: ["Failed to recognize the value of this number literal."])
  }

  func testTrailingDot() {
    check(
      "x = 1.", ["Invalid attribute name @ 2:9-3:1@17-18"],
      details: ["An attribute name is required after a dot."])
  }

  func testLeadingDot() {
    check(
      "x = .5", ["Invalid expression @ 2:7-2:8@15-16"],
      details: ["Expected the start of an expression, but found an invalid expression token."])
  }

  func testIncompleteExponent() {
    check(
      "x = 1e", ["Missing newline after argument @ 2:8-2:9@16-17"],
      details: ["An argument definition must end with a newline."])
  }

  func testMissingAttributeSeparator() {
    check(
      "x = {a = 1 b = 2}", ["Missing attribute separator @ 2:14-2:15@22-23"],
      details: ["Expected a newline or comma to mark the beginning of the next attribute."])
  }

  func testMissingItemSeparator() {
    check(
      "x = [1 2]", ["Missing item separator @ 2:10-2:11@18-19"],
      details: ["Expected a comma to mark the beginning of the next item."])
    check("x = [\n  1\n  2\n]", ["Missing item separator @ 4:3-4:4@23-24"])
  }

  func testUnterminatedString() {
    check(
      #"x = "unterminated"#,
      [
        "Invalid multi-line string @ 2:20-3:1@28-29", "Invalid multi-line string @ 3:2-4:1@30-31",
        "Unterminated template string @ 2:20-3:1@28-29",
      ])
  }

  func testTwoStringsOnOneLine() {
    check(#"input = "x" "y""#, ["Missing newline after argument @ 2:15-2:16@23-24"])
  }

  func testAttributeRedefined() {
    check(
      "a = 1\n  a = 2", ["Attribute redefined @ 3:3-3:4@19-20"],
      details: [
        "The argument \"a\" was already set at main.tf:2,3-4. Each argument may be set only once."
      ])
  }

  func testOperatorAtEndOfLine() {
    check("z = true ?\n  1 : 2", ["Invalid expression @ 2:13-3:1@21-22"])
  }

  func testSingleAndCurlyQuotes() {
    check(
      "x = 'a'\n  y = “a”",
      [
        "Invalid character @ 2:7-2:8@15-16", "Invalid character @ 3:7-3:8@25-28",
        "Invalid character @ 3:9-3:10@29-32", "Invalid expression @ 2:7-2:8@15-16",
      ])
  }

  func testSemicolon() {
    check(
      "x = 1;",
      ["Invalid character @ 2:8-2:9@16-17", "Missing newline after argument @ 2:8-2:9@16-17"])
  }

  func testMissingEquals() {
    check(
      "x 1", ["Argument or block definition required @ 2:3-2:4@11-12"],
      details: [
        "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value."
      ])
  }

  func testUnclosedBlock() {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  x = 1\n")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unclosed configuration block @ 1:8-1:9@7-8"])
    XCTAssertEqual(
      diagnostics.first?.detail,
      "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file."
    )
  }

  func testUnterminatedStringAtEndOfFile() {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  x = \"abc")
    // Zero-width at the end of file; renderers widen it to one column as Terraform does.
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unterminated template string @ 2:11-2:11@19-19"])
  }

  func testHeredocNeedsNewlineAfterMarker() {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  y = <<EOT\nhello\nEOT")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unterminated template string @ 4:4-4:4@30-30"])
  }

  func testUnclosedInterpolation() {
    check(
      #"x = "${a""#,
      [
        "Invalid multi-line string @ 2:12-3:1@20-21", "Invalid multi-line string @ 3:2-4:1@22-23",
        "Unclosed template interpolation sequence @ 2:8-2:10@16-18",
      ])
  }

  func testUnterminatedFunctionCall() {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  x = f(1\n")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unterminated function call @ 2:7-2:9@15-17"])
  }

  /// hcl reports where recovery stopped (here the end of file), not the token it expected
  /// a bracket at; observed with terraform validate.
  func testMissingCloseBracketOnSplat() {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  x = a[*\n}\n")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics),
      ["Missing close bracket on splat index @ 4:1-4:1@21-21"])
  }

  func testMissingExpressionAtEndOfFile() {
    let (_, diagnostics) = SyntaxTestSupport.parse("locals {\n  x = [\n")
    XCTAssertEqual(SyntaxTestSupport.summaries(diagnostics), ["Missing expression @ 3:1-3:1@17-17"])
  }

  /// Recovery skips to the closing bracket and parsing goes on; as in hcl, once recovery has
  /// happened, "unexpected token" errors that could be its echo are not reported (observed
  /// with terraform: the `(1 + )` error is not shown), but new constructs still are.
  func testRecoveryKeepsGoing() {
    let source = """
      locals {
      a = [1 2]
      b = {x = 1 y = 2}
      c = f(1 2)
      }
      locals {
        d = (1 + )
      }
      locals {
      e = 1
      }

      """
    let (file, diagnostics) = SyntaxTestSupport.parse(source)
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics),
      ["Missing item separator @ 2:8-2:9@16-17", "Missing argument separator @ 4:9-4:10@45-46"])
    XCTAssertEqual(file.body.blocks.map { $0.body.attributes.map(\.name) }, [["a", "b", "c"], ["d"], ["e"]])
  }
}
