import XCTest

@testable import GitformCore

/// Values as `terraform console` 1.11 prints them; every expected text below is what
/// `terraform console` printed for the same expression.
final class ConsoleValueFormatTests: EvaluatorTestCase {
  private func printed(_ source: String) -> String {
    ConsoleValueFormat.format(value(source))
  }

  func testPrimitivesAndNulls() {
    XCTAssertEqual(printed("\"hello\""), "\"hello\"")
    XCTAssertEqual(printed("1.5"), "1.5")
    XCTAssertEqual(printed("-0.5"), "-0.5")
    XCTAssertEqual(printed("1e30"), "1000000000000000000000000000000")
    XCTAssertEqual(printed("true"), "true")
    XCTAssertEqual(printed("null"), "null")
    XCTAssertEqual(printed("tostring(null)"), "tostring(null)")
    XCTAssertEqual(printed("tolist(null)"), "tolist(null) /* of dynamic */")
  }

  func testStringsAreQuotedAsGoQuotesThem() {
    XCTAssertEqual(
      printed("\"tab\\there \\\"q\\\" $${x} %%{y} é \\u0001\""), "\"tab\\there \\\"q\\\" ${x} %{y} é \\x01\"")
  }

  func testCollectionsOneElementPerLineWithTheirConversionFunctions() {
    XCTAssertEqual(printed("[1, \"a\"]"), "[\n  1,\n  \"a\",\n]")
    XCTAssertEqual(printed("tolist([\"a\", \"b\"])"), "tolist([\n  \"a\",\n  \"b\",\n])")
    XCTAssertEqual(printed("toset([\"b\", \"a\"])"), "toset([\n  \"a\",\n  \"b\",\n])")
    XCTAssertEqual(printed("tomap({\"a b\" = 1})"), "tomap({\n  \"a b\" = 1\n})")
    XCTAssertEqual(printed("toset([])"), "toset([])")
    XCTAssertEqual(printed("[[], {}]"), "[\n  [],\n  {},\n]")
    XCTAssertEqual(printed("{a = null}"), "{\n  \"a\" = null\n}")
  }

  func testMultiLineStringsAreHeredocsIndentedWhenNested() {
    XCTAssertEqual(printed("\"a\\nb\""), "<<EOT\na\nb\nEOT")
    XCTAssertEqual(printed("{x = \"a\\nb\\n\"}"), "{\n  \"x\" = <<-EOT\n  a\n  b\n  \n  EOT\n}")
    XCTAssertEqual(printed("\"EOT\\nx\""), "<<EOT_\nEOT\nx\nEOT_")
  }

  func testSensitiveAndUnknownValuesAreNeverShown() {
    XCTAssertEqual(ConsoleValueFormat.format(Self.secret), "(sensitive value)")
    XCTAssertEqual(
      ConsoleValueFormat.format(.tuple([Self.secret, .string("x")])), "[\n  (sensitive value),\n  \"x\",\n]")
    XCTAssertEqual(ConsoleValueFormat.format(.unknown(.string)), "(known after apply)")
  }
}
