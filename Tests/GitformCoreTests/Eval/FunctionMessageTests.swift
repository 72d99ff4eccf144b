import XCTest

@testable import GitformCore

/// Function failures worded exactly as `terraform console` words them (recorded while
/// written), including the argument checks cty does before a function runs.
final class FunctionMessageTests: EvaluatorTestCase {
  private func detail(_ source: String) -> String {
    let (_, diagnostics) = evaluate(source)
    XCTAssertEqual(diagnostics.count, 1, source)
    guard let d = diagnostics.first else { return "" }
    return "\(d.summary): \(d.detail)"
  }

  func testEveryFunctionChecksItsArity() {
    let context = EvalContext()
    var checked = 0
    for name in context.functionNames {
      guard let function = context.functions[name] else { continue }
      let environment = context.functionEnvironment
      if !function.parameters.isEmpty {
        guard
          case .failure(.notEnoughArguments(let detail)) = function.call(
            [], environment: environment)
        else { return XCTFail("\(name) accepted no arguments") }
        XCTAssertTrue(detail.hasPrefix("Function \"\(name)\" expects "), detail)
        checked += 1
      }
      if function.variadic == nil {
        let arguments = Array(repeating: Value.string("x"), count: function.parameters.count + 1)
        guard
          case .failure(.tooManyArguments(let detail)) = function.call(
            arguments, environment: environment)
        else { return XCTFail("\(name) accepted too many arguments") }
        XCTAssertEqual(
          detail, "Function \"\(name)\" expects only \(function.parameters.count) argument(s).")
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 40)
    XCTAssertEqual(
      detail("plantimestamp(1)"),
      #"Too many function arguments: Function "plantimestamp" expects only 0 argument(s)."#)
  }

  func testTimestampReasons() {
    let prefix =
      #"Error in function call: Call to function "timeadd" failed: not a valid RFC3339 timestamp: "#
    XCTAssertEqual(
      detail(#"timeadd("2024-13-01T00:00:00Z", "1h")"#),
      prefix + #"cannot use "-01T00:00:00Z" as month."#)
    XCTAssertEqual(detail(#"timeadd("2024-02-30T00:00:00Z", "1h")"#), prefix + "day out of range.")
    XCTAssertEqual(
      detail(#"timeadd("2024-01-01T24:00:00Z", "1h")"#),
      prefix + "hour must be between 0 and 23 inclusive.")
    XCTAssertEqual(
      detail(#"timeadd("2024-01-01T00:00:00", "1h")"#), prefix + "end of string before UTC offset.")
    XCTAssertEqual(
      detail(#"timeadd("2024-01-01T00:00:00+5:00", "1h")"#),
      prefix + #"cannot use "+5:00" as UTC offset."#)
    XCTAssertEqual(detail(#"timeadd("x", "1h")"#), prefix + #"cannot use "x" as year."#)
  }

  func testFormatAndFormatdateMessages() {
    let format = #"Error in function call: Call to function "format" failed: "#
    XCTAssertEqual(
      detail(#"format("%[0]s", "a")"#), format + "unrecognized format character '0' at offset 2.")
    XCTAssertEqual(
      detail(#"format("%", 1)"#), format + "invalid format string starting at offset 1.")
    XCTAssertEqual(
      detail(#"format("%!", 1)"#), format + "unrecognized format character '!' at offset 1.")
    let date =
      #"Invalid function argument: Invalid value for "format" parameter: invalid date format verb "#
    XCTAssertEqual(
      detail(#"formatdate("YYY", "2024-01-01T00:00:00Z")"#),
      date + #""YYY": year must either be "YY" or "YYYY"."#)
    XCTAssertEqual(
      detail(#"formatdate("ZZ", "2024-01-01T00:00:00Z")"#),
      date + #""ZZ": timezone must be Z, ZZZZ, or ZZZZZ."#)
    XCTAssertEqual(
      detail(#"formatdate("A", "2024-01-01T00:00:00Z")"#), date + #""A": must be "AA"."#)
  }

  func testCollectionMessages() {
    XCTAssertEqual(
      detail(#"join(",", [null])"#),
      #"Invalid function argument: Invalid value for "lists" parameter: element 0 is null; cannot concatenate null values."#
    )
    XCTAssertEqual(
      detail(#"lookup([1], "a")"#),
      #"Invalid function argument: Invalid value for "inputMap" parameter: lookup() requires a map as the first argument."#
    )
    XCTAssertEqual(
      detail("lookup({a = 1})"),
      #"Not enough function arguments: Function "lookup" expects at least 2 argument(s). Missing value for "key"."#
    )
    XCTAssertEqual(
      detail("values(1)"),
      #"Error in function call: Call to function "values" failed: values() requires a map as the first argument."#
    )
    XCTAssertEqual(
      detail("coalesce()"),
      #"Error in function call: Call to function "coalesce" failed: all arguments must have the same type."#
    )
    XCTAssertEqual(
      detail(#"substr("abc", 1.5, 1)"#),
      #"Error in function call: Call to function "substr" failed: value must be a whole number, between -9223372036854775808 and 9223372036854775807."#
    )
    XCTAssertEqual(value(#"replace("abc", "//", "-")"#), .string("-a-b-c-"))
  }

  func testMapResultsAndDefaults() {
    XCTAssertEqual(
      value(#"merge(tomap({a = 1}), tomap({b = "x"}))"#),
      .object(["a": .number(1), "b": .string("x")]))
    XCTAssertEqual(
      value("merge(tomap({a = 1}), tomap({b = 2}))"),
      .map(["a": .number(1), "b": .number(2)], elementType: .number))
    XCTAssertEqual(
      detail(#"lookup(tomap({a = 1}), "b", [])"#),
      #"Invalid function argument: Invalid value for "default" parameter: the default value must have the same type as the map elements."#
    )
    XCTAssertEqual(value(#"lookup({a = 1}, "b", [])"#), .emptyTuple)
    XCTAssertEqual(
      value(#"toset(["b", null, "a"])"#),
      .set([.string("a"), .string("b"), .null(.string)], elementType: .string))
    XCTAssertEqual(value(#"toset(["b", null, "a"])"#).elements?.last, .null(.string))
  }

  func testJSONDecodeEndOfInput() {
    let prefix = #"Error in function call: Call to function "jsondecode" failed: "#
    XCTAssertEqual(detail(#"jsondecode("")"#), prefix + "EOF.")
    XCTAssertEqual(detail(#"jsondecode("[1")"#), prefix + "EOF.")
    XCTAssertEqual(detail(#"jsondecode("tru")"#), prefix + "unexpected EOF.")
    XCTAssertEqual(detail(#"jsondecode("1.")"#), prefix + "unexpected EOF.")
    XCTAssertEqual(detail(#"jsondecode("01")"#), prefix + "extraneous data after JSON object.")
    XCTAssertEqual(
      detail(#"jsondecode("[1,]")"#),
      prefix + "invalid character ']' looking for beginning of value.")
  }

  func testForConditionMessages() {
    XCTAssertEqual(
      detail(#"[for v in [1] : v if "x"]"#),
      "Invalid 'for' condition: The 'if' clause value is invalid: a bool is required.")
    XCTAssertEqual(
      detail("[for v in [1] : v if null]"),
      "Condition is null: The value of the 'if' clause must not be null.")
  }
}
