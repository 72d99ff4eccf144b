import XCTest

@testable import GitformCore

/// Templates: heredocs, strip markers, directives and the unwrapping rule.
final class TemplateEvaluationTests: EvaluatorTestCase {
  func testHeredocs() {
    XCTAssertEqual(value("<<EOT\na\tb ${\"x\"} $${y}\nEOT\n"), .string("a\tb x ${y}\n"))
    XCTAssertEqual(
      value("<<-EOT\n    Foo\n  Bar\n    Baz\n  EOT\n"), .string("  Foo\nBar\n  Baz\n"))
    XCTAssertEqual(value("<<EOT\n\\n stays\nEOT\n"), .string("\\n stays\n"))
  }

  func testStripMarkersRemoveLiteralWhitespaceOnly() {
    XCTAssertEqual(value("\"p\\n  ${~ \"q\" ~}  \\n r\""), .string("pqr"))
    XCTAssertEqual(value(#""a ${~ " b " ~} c""#), .string("a b c"))
    XCTAssertEqual(
      value("<<EOT\n%{ for x in [1, 2] ~}\n${x}\n%{ endfor ~}\nEOT\n"), .string("1\n2\n"))
  }

  func testDirectives() {
    XCTAssertEqual(value(#""%{ if false }yes%{ endif }""#), .string(""))
    XCTAssertEqual(
      value(#""%{ for k, v in {b = 2, a = 1} }${k}=${v};%{ endfor }""#), .string("a=1;b=2;"))
    XCTAssertEqual(value(#""%{ for i, v in ["x", "y"] }${i}${v}%{ endfor }""#), .string("0x1y"))
    XCTAssertEqual(
      value(#""%{ for x in [1, 2] }%{ if x > 1 }big%{ else }small%{ endif } %{ endfor }""#),
      .string("small big "))
    // A directive defeats unwrapping: the value is a string.
    XCTAssertEqual(value(#""%{ for x in [true] }${x}%{ endfor }""#), .string("true"))
  }

  func testDirectiveErrors() {
    XCTAssertEqual(
      problem(#""%{ if 1 }a%{ endif }""#),
      "Incorrect condition type: The condition expression must be of type bool. @8-9")
    XCTAssertEqual(
      problem(#""%{ for x in 1 }a%{ endfor }""#),
      "Iteration over non-iterable value: A value of type number cannot be used as the collection in a 'for' expression. @14-15"
    )
    XCTAssertEqual(
      problem(#""%{ for x in [null] }${x}%{ endfor }""#),
      "Invalid template interpolation value: The expression result is null. Cannot include a null value in a string template. @24-25"
    )
  }

  func testInterpolationOfNumbersAndBools() {
    XCTAssertEqual(value(#""${1e3}-${0.1 + 0.2}-${false}""#), .string("1000-0.3-false"))
  }
}
