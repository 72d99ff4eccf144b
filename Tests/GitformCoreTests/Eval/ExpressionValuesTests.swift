import XCTest

@testable import GitformCore

/// The values box under a failing expression (`│ var.n is "abc"`), in Terraform's words.
final class ExpressionValuesTests: EvaluatorTestCase {
  private let variables: [String: Value] = [
    "var": .object([
      "n": .string("abc"), "s": Value.string("glpat-secret").marked(sensitive: true),
      "u": .unknown(), "un": .unknown(.number),
      "l": .list([.string("a"), .string("b")], elementType: .string),
      "o": .object(["a": .number(1)]), "e": .emptyTuple,
      "m": .map(["k": .true], elementType: .bool),
      "c": .map(["k\u{7F}\u{85}": .string("q\u{7F}\u{80}\u{07}")], elementType: .string),
    ])
  ]

  /// The values of the first diagnostic of `source`.
  private func values(_ source: String) -> [String] {
    let (_, diagnostics) = evaluate(source, variables: variables)
    XCTAssertFalse(diagnostics.isEmpty, source)
    return diagnostics.first?.values.map { "\($0.traversal) \($0.statement)" } ?? []
  }

  func testOperandValues() {
    XCTAssertEqual(values("var.n * 2"), [#"var.n is "abc""#])
    XCTAssertEqual(values("1 + var.n * 2 + 3"), [#"var.n is "abc""#])
    // An inner operation of a left-deep chain (walked in a loop) gets its box too.
    XCTAssertEqual(values("var.n * 2 * var.e"), [#"var.n is "abc""#])
    XCTAssertEqual(values("var.s * var.n"), ["var.s has a sensitive value", #"var.n is "abc""#])
    XCTAssertEqual(values(#"var.u + "x""#), ["var.u will be known only after apply"])
    XCTAssertEqual(values(#"var.un + "x""#), ["var.un is a number, known only after apply"])
  }

  func testCollectionsAreDescribedNotShown() {
    XCTAssertEqual(values("var.l + 1"), ["var.l is list of string with 2 elements"])
    XCTAssertEqual(values("var.o + 1"), [#"var.o is object with 1 attribute "a""#])
    XCTAssertEqual(values("var.e + 1"), ["var.e is empty tuple"])
    XCTAssertEqual(values("var.m + 1"), ["var.m is map of bool with 1 element"])
  }

  func testFunctionArgumentsAndIndexedReferences() {
    XCTAssertEqual(values("upper(var.l)"), ["var.l is list of string with 2 elements"])
    XCTAssertEqual(values("var.l[0] * 1"), [#"var.l[0] is "a""#])
    XCTAssertEqual(values("[for x in var.l : x * 2]"), [#"x is "a""#])
  }

  /// Keys and strings as Go's `%q` writes them; Terraform prints `local.m["k\x7f\u0085"] is "q"`
  /// for the same key.
  func testControlCharactersAreQuotedAsTerraformQuotesThem() {
    XCTAssertEqual(values(#"var.c["k\u007f\u0085"] + 1"#), [#"var.c["k\x7f\u0085"] is "q\x7f\u0080\a""#])
  }

  func testTemplateInterpolations() {
    XCTAssertEqual(values(#""a${var.l}""#), ["var.l is list of string with 2 elements"])
    XCTAssertEqual(values(#""a${var.o.a}${var.e}""#), ["var.e is empty tuple"])
  }

  func testNoValuesWithoutReferences() {
    XCTAssertEqual(values(#"1 + "a""#), [])
    // A reference that itself fails has no value to show.
    XCTAssertEqual(values("var.missing * 2"), [])
  }
}
