import XCTest
@testable import GitformCore

/// One string writer serves diagnostics JSON, `jsonencode` and state files; it must escape as
/// Go's `encoding/json` (Go 1.22+) does, which is what `terraform console` shows:
/// `jsonencode("a\u0008b\u000cc<")` is `"a\bb\fc\u003c"`.
final class GoJSONQuoteTests: XCTestCase {
  func testEscapesAsGoEncodingJSON() {
    var out = ""
    GoJSON.quote("a\u{08}b\u{0C}c<>&\u{2028}\u{01}\"\\\n\r\té", into: &out)
    XCTAssertEqual(out, #""a\bb\fc\u003c\u003e\u0026\u2028\u0001\"\\\n\r\té""#)
  }

  func testJSONEncodeEscapesTheSameWay() {
    let parsed = Parser.parseExpression(Array(#"jsonencode("a\u0008b<")"#.utf8), filename: "t")
    XCTAssertEqual(parsed.diagnostics, [])
    let (value, diagnostics) = Evaluator.evaluate(parsed.expression, in: EvalContext())
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(value.description, #""\"a\\bb\\u003c\"""#)
  }
}
