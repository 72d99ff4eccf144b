import XCTest

@testable import GitformCore

/// The reference value vectors (hcl-and-terraform-core.md §1.8), observed with
/// `terraform console`; each must evaluate to exactly the same value.
final class ValueVectorTests: EvaluatorTestCase {
  func testTemplateEscapes() {
    XCTAssertEqual(value(#""$${x}""#), .string("${x}"))
    XCTAssertEqual(value(#""%%{x}""#), .string("%{x}"))
    XCTAssertEqual(value(#""a\tb\\c\"d\u00e9\U0001F600""#), .string("a\tb\\c\"dé😀"))
  }

  func testArithmetic() {
    XCTAssertEqual(value("1 + 2 * 3"), .number(7))
    XCTAssertEqual(value("7 % 3"), .number(1))
    XCTAssertEqual(value("-7 % 3"), .number(-1))
    XCTAssertEqual(value("5 / 2"), .number(Decimal(string: "2.5")!))
    XCTAssertEqual(value("0.1 + 0.2"), .number(Decimal(string: "0.3")!))
    XCTAssertEqual(value("0.1 + 0.2").description, "0.3")
    XCTAssertEqual(value("9007199254740993").description, "9007199254740993")
    XCTAssertEqual(value("1e3"), .number(1000))
  }

  func testComparisonAndLogic() {
    XCTAssertEqual(value("1 == 1.0"), .true)
    XCTAssertEqual(value(#""1" == 1"#), .false)
    XCTAssertEqual(value("true && false || true"), .true)
  }

  func testForExpressions() {
    XCTAssertEqual(value("[for v in [1,2,3] : v * 2 if v > 1]"), .tuple([.number(4), .number(6)]))
    XCTAssertEqual(
      value("{for k, v in {a = 1, b = 2} : v => k}"),
      .object(["1": .string("a"), "2": .string("b")]))
    XCTAssertEqual(
      value(#"{for v in ["a", "a", "b"] : v => v...}"#),
      .object([
        "a": .tuple([.string("a"), .string("a")]), "b": .tuple([.string("b")]),
      ]))
  }

  func testSplatsAndTraversals() {
    XCTAssertEqual(value("[{a = 1}, {a = 2}][*].a"), .tuple([.number(1), .number(2)]))
    XCTAssertEqual(value("[{a = 1}, {a = 2}].*.a"), .tuple([.number(1), .number(2)]))
    XCTAssertEqual(value(#""x"[*]"#), .tuple([.string("x")]))
    XCTAssertEqual(value("{a = {b = 3}}.a.b"), .number(3))
    XCTAssertEqual(value("[[1,2]].0[1]"), .number(2))
  }

  func testTemplates() {
    XCTAssertEqual(value(#""${true}""#), .true)
    XCTAssertEqual(value(#""a ${~ "b" ~} c""#), .string("abc"))
    XCTAssertEqual(value(#""%{ for x in [1,2,3] }${x},%{ endfor }""#), .string("1,2,3,"))
    XCTAssertEqual(value(#""%{ if true }yes%{ else }no%{ endif }""#), .string("yes"))
    XCTAssertEqual(value(#"{ "for" = 1 }"#), .object(["for": .number(1)]))
  }
}
