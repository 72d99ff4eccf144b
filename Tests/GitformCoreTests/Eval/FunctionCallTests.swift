import XCTest

@testable import GitformCore

/// Function calls in expressions: lookup, argument ranges, expansion, `try` and `can`.
final class FunctionCallTests: EvaluatorTestCase {
  func testUnknownFunctionSuggestsANearName() {
    XCTAssertEqual(
      problem("lenght([])"),
      #"Call to unknown function: There is no function named "lenght". Did you mean "length"? @1-7"#
    )
    XCTAssertEqual(
      problem("frobnicate(1)"),
      #"Call to unknown function: There is no function named "frobnicate". @1-11"#)
  }

  func testArgumentErrorsPointAtTheArgument() {
    XCTAssertEqual(
      problem("upper([])"),
      #"Invalid function argument: Invalid value for "str" parameter: string required. @7-8"#)
    XCTAssertEqual(
      problem(#"upper("a", "b")"#),
      #"Too many function arguments: Function "upper" expects only 1 argument(s). @13-14"#)
    XCTAssertEqual(
      problem("upper()"),
      #"Not enough function arguments: Function "upper" expects 1 argument(s). Missing value for "str". @7-8"#
    )
    XCTAssertEqual(
      problem(#"merge(1)"#),
      #"Error in function call: Call to function "merge" failed: arguments must be maps or objects, got "number". @1-7"#
    )
  }

  func testExpansion() {
    XCTAssertEqual(value("max([1, 5, 3]...)"), .number(5))
    XCTAssertEqual(value(#"join("-", ["a"], [["b", "c"]]...)"#), .string("a-b-c"))
    XCTAssertEqual(
      problem("max(1...)"),
      "Invalid expanding argument value: The expanding argument (indicated by ...) must be of a tuple, list, or set type. @5-6"
    )
    XCTAssertEqual(
      problem("max(null...)"),
      "Invalid expanding argument value: The expanding argument (indicated by ...) must not be null. @5-9"
    )
    XCTAssertEqual(value("max(x...)", variables: ["x": .unknown()]), .unknown(.number))
  }

  func testTryAndCan() {
    XCTAssertEqual(value(#"try({a=1}.b, "fallback")"#), .string("fallback"))
    XCTAssertEqual(value("try(1, 2)"), .number(1))
    XCTAssertEqual(value("can([][0])"), .false)
    XCTAssertEqual(value("can(1)"), .true)
    XCTAssertEqual(value("can(x)", variables: ["x": .unknown()]), .unknown(.bool))
    XCTAssertEqual(value("try(x, 1)", variables: ["x": .unknown(.string)]), .unknown())
    XCTAssertEqual(
      problem("try([][0], {}.a)"),
      """
      Error in function call: Call to function "try" failed: no expression succeeded:
      - Invalid index (at test.hcl:1,7-10)
        The given key does not identify an element in this collection value: the collection has no elements.
      - Unsupported attribute (at test.hcl:1,14-16)
        This object does not have an attribute named "a".

      At least one expression must produce a successful result. @1-5
      """)
    XCTAssertEqual(value("can(lenght(1))"), .false)
    XCTAssertEqual(value("try(lenght(1), 2)"), .number(2))
    XCTAssertEqual(
      problem("try()"),
      #"Error in function call: Call to function "try" failed: at least one argument is required. @1-5"#
    )
    XCTAssertEqual(
      problem("can()"),
      #"Not enough function arguments: Function "can" expects 1 argument(s). Missing value for "expression". @5-6"#
    )
  }

  func testTimeFunctionsDependOnTheMode() {
    XCTAssertEqual(value("timestamp()"), .string("2026-01-02T03:04:05Z"))
    XCTAssertEqual(value("timestamp()", mode: .plan), .unknown(.string))
    XCTAssertEqual(value("plantimestamp()", mode: .plan), .string("2026-01-02T03:04:05Z"))
    XCTAssertEqual(value("plantimestamp()", mode: .validate), .unknown(.string))
    XCTAssertEqual(
      value(#"formatdate("YYYY", plantimestamp())"#, mode: .validate), .unknown(.string))
  }
}
