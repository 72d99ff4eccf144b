import XCTest

@testable import GitformCore

/// Single formatting rules, each with the exact text `terraform fmt` produced for the same
/// input (recorded while writing the tests; no test runs Terraform).
final class FormatterRulesTests: XCTestCase {
  func format(_ text: String, rewrites: Bool = true) -> String {
    let tokens = Lexer.tokenize(Array(text.utf8), filename: "test.gf.hcl").tokens
    return String(decoding: Formatter(rewrites: rewrites).format(tokens), as: UTF8.self)
  }

  func testSpacesBeforeTheEndOfFileAreKeptAndNoNewlineIsAdded() {
    XCTAssertEqual(format("a = 1   "), "a = 1   ")
    XCTAssertEqual(format("a=1"), "a = 1")
    XCTAssertEqual(format("a = 1 # c"), "a = 1 # c")
    XCTAssertEqual(format(""), "")
  }

  func testBlankLinesLoseTheirSpacesButAreNeverAddedOrRemoved() {
    XCTAssertEqual(format("a = 1\n\t\n  \n\nb = 2\n"), "a = 1\n\n\n\nb = 2\n")
  }

  func testCarriageReturnLineFeedsAreKept() {
    XCTAssertEqual(format("a=1\r\nbbb = 2\r\n"), "a   = 1\r\nbbb = 2\r\n")
  }

  func testUnaryMinusAndBangHugTheirOperand() {
    XCTAssertEqual(format("a = - 1\n"), "a = -1\n")
    XCTAssertEqual(format("a = x* - 1\n"), "a = x * -1\n")
    XCTAssertEqual(format("a = [ - 1, ! b ]\n"), "a = [-1, !b]\n")
    XCTAssertEqual(format("a = x- -1\n"), "a = x- - 1\n")  // `x-` is one identifier
    XCTAssertEqual(format("a = (x) -1\n"), "a = (x) - 1\n")
  }

  func testBracketsCallsAndTraversals() {
    XCTAssertEqual(format("a = f ( 1 , 2 ) [ 0 ] . b\n"), "a = f(1, 2)[0].b\n")
    XCTAssertEqual(format("a = { }\nb = {x=1}\n"), "a = {}\nb = { x = 1 }\n")
    XCTAssertEqual(
      format("a = {for k, v in[1]: k => v ...}\n"), "a = { for k, v in [1] : k => v... }\n")
  }

  func testIndentationFollowsTheBracketStack() {
    XCTAssertEqual(format("a = [[[\n  1\n]]]\nb = 2\n"), "a = [[[\n  1\n]]]\nb = 2\n")
    XCTAssertEqual(format("a = f(1,\n  2)\n"), "a = f(1,\n2)\n")
    XCTAssertEqual(format("x {\ny {\nz = 1\n}\n}\n"), "x {\n  y {\n    z = 1\n  }\n}\n")
  }

  func testAlignmentCountsGraphemeClustersNotBytesOrDisplayWidth() {
    XCTAssertEqual(
      format("a = \"é\"\nbb = \"日本語\" # wide\nccc = \"x\" # c\n日本 = 2\n"),
      "a   = \"é\"\nbb  = \"日本語\" # wide\nccc = \"x\"   # c\n日本  = 2\n")
  }

  func testHeredocsStayInOneLineForAlignmentAndAreNotReindented() {
    XCTAssertEqual(
      format("a = 1\ntext = <<EOT\n  keep   this  \n    ${ x }\nEOT\nbbbbbb = 2\n"),
      "a      = 1\ntext   = <<EOT\n  keep   this  \n    ${x}\nEOT\nbbbbbb = 2\n")
  }

  func testNewlinesInsideAHeredocInterpolationEndLines() {
    XCTAssertEqual(
      format("a = <<EOT\n${\n  x\n}\nEOT\nbb = 1\n"), "a = <<EOT\n${\nx\n}\nEOT\nbb = 1\n")
  }

  func testAHeredocWhoseInterpolationStaysOpenBreaksTheAlignmentChain() {
    XCTAssertEqual(
      format("a = 1\nlong = <<-X\n  ${\n  [1,\n 2]\n }\n  X\nb = 2\n"),
      "a = 1\nlong = <<-X\n  ${\n[1,\n2]\n}\n  X\nb = 2\n")
  }

  func testInterpolationHoldingAnObjectGetsSpaces() {
    XCTAssertEqual(format("b {\n  c = \"x${ {a = 1} }\"\n}\n"), "b {\n  c = \"x${ { a = 1 } }\"\n}\n")
  }

  // MARK: - Terraform's rewrites

  func testSingleInterpolationsAreUnwrapped() {
    XCTAssertEqual(format("a = \"${ var.x }\"\n"), "a = var.x\n")
    XCTAssertEqual(format("a = \"${x}${y}\"\n"), "a = \"${x}${y}\"\n")
    XCTAssertEqual(format("a = \"${x} \"\n"), "a = \"${x} \"\n")
    XCTAssertEqual(format("a = \"${\"${x}\"}\"\n"), "a = \"${x}\"\n")
    XCTAssertEqual(format("a = \"${x}\" == \"${y}\"\n"), "a = \"${x}\" == \"${y}\"\n")
    XCTAssertEqual(format("a = [\"${x}\"]\n"), "a = [\"${x}\"]\n")
  }

  func testMultiLineUnwrappedValuesAreParenthesised() {
    XCTAssertEqual(format("a = \"${\n  x ?\n  1 : 2\n}\"\n"), "a = (x ?\n1 : 2)\n")
    XCTAssertEqual(format("a = \"${(\n  x\n)}\"\n"), "a = (\n  x\n)\n")
    XCTAssertEqual(format("a = \"${\n  x\n}\"\n"), "a = x\n")
  }

  func testLabelsAreQuotedAndCanonicallyEscaped() {
    XCTAssertEqual(format("resource user_token ci {}\n"), "resource \"user_token\" \"ci\" {}\n")
    XCTAssertEqual(
      format("resource \"a\\u0001\" \"\\U0001F600\" \"\\u00a0\" \"x\\\\y\" {}\n"),
      "resource \"a\\u0001\" \"😀\" \"\\u00a0\" \"x\\\\y\" {}\n")
    XCTAssertEqual(format("x \"e\\u0301\" {}\n"), "x \"é\" {}\n")
  }

  func testCommentsBeforeALabelAreDroppedOthersStay() {
    XCTAssertEqual(format("a /* c */ b /* d */ {}\n"), "a \"b\" /* d */ {}\n")
    XCTAssertEqual(format("r /* x */ {\n}\n"), "r /* x */ {\n}\n")
    XCTAssertEqual(format("r \"a\" /* c */ \"b\" {}\n"), "r \"a\" \"b\" {}\n")
  }

  func testWithoutRewritesLabelsAndInterpolationsStay() {
    XCTAssertEqual(format("r a /* c */ b {\nx=\"${y}\"\n}\n", rewrites: false), "r a /* c */ b {\n  x = \"${y}\"\n}\n")
  }

  func testGraphemeCountTreatsCarriageReturnLineFeedAsOne() {
    XCTAssertEqual(FormatterAlignment.graphemeCount(Array("ab\r\n".utf8)), 3)
    XCTAssertEqual(FormatterAlignment.graphemeCount(Array("e\u{301}x".utf8)), 2)
  }
}
