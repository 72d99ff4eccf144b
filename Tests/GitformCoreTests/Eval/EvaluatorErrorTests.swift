import XCTest

@testable import GitformCore

/// Evaluation errors: Terraform's summaries and details, and the range each one points at.
final class EvaluatorErrorTests: EvaluatorTestCase {
  private let invalidKey = "The given key does not identify an element in this collection value"

  func testIndexErrors() {
    XCTAssertEqual(
      problem("[1,2][2]"),
      "Invalid index: \(invalidKey): the given index is greater than or equal to the length of the collection. @6-9"
    )
    XCTAssertEqual(
      problem(#"[1,2]["a"]"#), "Invalid index: \(invalidKey): a number is required. @6-11")
    XCTAssertEqual(
      problem("[1,2][-1]"),
      "Invalid index: \(invalidKey): a negative number is not a valid index for a sequence. @6-10")
    XCTAssertEqual(
      problem("[1,2][1.5]"),
      "Invalid index: \(invalidKey): indexing a sequence requires a whole number, but the given index has a fractional part. @6-11"
    )
    XCTAssertEqual(problem(#"{a=1}["b"]"#), "Invalid index: \(invalidKey). @6-11")
    XCTAssertEqual(problem("{a=1}[true]"), "Invalid index: \(invalidKey). @6-12")
    XCTAssertEqual(problem("[1][true]"), "Invalid index: \(invalidKey): number required. @4-10")
    XCTAssertEqual(problem("{a=1}[[]]"), "Invalid index: \(invalidKey): string required. @6-10")
    XCTAssertEqual(value(#"tomap({"1"="a"})[1]"#), .string("a"))
    XCTAssertEqual(problem(#""x"[0]"#), "Invalid index: This value does not have any indices. @4-7")
    XCTAssertEqual(
      problem("null[0]"),
      "Attempt to index null value: This value is null, so it does not have any indices. @5-8")
    XCTAssertEqual(
      problem("[1][k]", variables: ["k": .null]),
      "Invalid index: Can't use a null value as an indexing key. @4-7")
    XCTAssertTrue(
      problem("toset([1])[0]").hasPrefix(
        "Invalid index: Elements of a set are identified only by their value"))
  }

  func testIndexBeyondTheLengthUsesHclsWording() {
    XCTAssertEqual(problem("[1, 2][5]"), "Invalid index: \(invalidKey). @7-10")
    XCTAssertEqual(
      problem("[][0]"), "Invalid index: \(invalidKey): the collection has no elements. @3-6")
  }

  func testAttributeErrors() {
    XCTAssertEqual(
      problem("{a=1}.b"),
      #"Unsupported attribute: This object does not have an attribute named "b". @6-8"#)
    XCTAssertEqual(
      problem(#""x".y"#),
      "Unsupported attribute: Can't access attributes on a primitive-typed value (string). @4-6")
    XCTAssertEqual(
      problem("null.a"),
      "Attempt to get attribute from null value: This value is null, so it does not have any attributes. @5-7"
    )
    XCTAssertEqual(
      problem("tomap({a=1}).b"),
      #"Missing map element: This map does not have an element with the key "b". @13-15"#)
    XCTAssertEqual(
      problem("[1].a"), "Unsupported attribute: This value does not have any attributes. @4-6")
    XCTAssertEqual(
      problem("tolist([{a=1}]).a"),
      #"Unsupported attribute: Can't access attributes on a list of objects. Did you mean to access attribute "a" for a specific element of the list, or across all elements of the list? @16-18"#
    )
    XCTAssertEqual(
      problem("1[*].a"),
      "Unsupported attribute: Can't access attributes on a primitive-typed value (number). @5-7")
    XCTAssertEqual(problem("nope"), #"Unknown variable: There is no variable named "nope". @1-5"#)
  }

  func testOperatorErrorsPointAtTheOperand() {
    XCTAssertEqual(
      problem(#"1 + "a""#),
      "Invalid operand: Unsuitable value for right operand: a number is required. @5-8")
    XCTAssertEqual(
      problem(#""a" + 1"#),
      "Invalid operand: Unsuitable value for left operand: a number is required. @1-4")
    XCTAssertEqual(
      problem("!1"), "Invalid operand: Unsuitable value for unary operand: bool required. @2-3")
    XCTAssertEqual(
      problem("1 + null"),
      "Operation failed: Error during operation: argument must not be null. @1-9")
    let (_, both) = evaluate(#""a" < "b""#)
    XCTAssertEqual(
      both.map(\.detail),
      [
        "Unsuitable value for left operand: a number is required.",
        "Unsuitable value for right operand: a number is required.",
      ])
  }

  func testConditionalErrors() {
    XCTAssertEqual(value(#"true ? 1 : "a""#), .string("1"))
    XCTAssertEqual(
      problem("true ? 1 : [1]"),
      "Inconsistent conditional result types: The true and false result expressions must have consistent types. The 'true' value is number, but the 'false' value is tuple. @8-15"
    )
    XCTAssertEqual(
      problem(#""a" ? 1 : 2"#),
      "Incorrect condition type: The condition expression must be of type bool. @1-4")
    XCTAssertEqual(
      problem("null ? 1 : 2"),
      "Null condition: The condition value is null. Conditions must either be true or false. @1-5")
    // Only the selected branch's problems are reported.
    XCTAssertEqual(value("true ? 1 : [][0]"), .number(1))
    XCTAssertEqual(value("true ? {a=1} : {b=2}"), .map(["a": .number(1)], elementType: .number))
  }

  func testForErrors() {
    XCTAssertEqual(
      problem(#"{for v in ["a","a"]: v => 1}"#),
      #"Duplicate object key: Two different items produced the key "a" in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key. @22-23"#
    )
    XCTAssertEqual(
      problem(#"{for v in ["a","a"]: sensitive(v) => 1}"#),
      "Duplicate object key: Two different items produced the same key in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key. @22-34"
    )
    XCTAssertEqual(
      problem("[for v in 1: v]"),
      "Iteration over non-iterable value: A value of type number cannot be used as the collection in a 'for' expression. @11-12"
    )
    XCTAssertEqual(
      problem("[for v in null: v]"),
      "Iteration over null value: A null value cannot be used as the collection in a 'for' expression. @11-15"
    )
    XCTAssertEqual(
      problem("[for v in [1]: v if 1]"),
      "Invalid 'for' condition: The 'if' clause value is invalid: bool required. @21-22")
    XCTAssertEqual(
      problem("{for v in [1]: null => v}"),
      "Invalid object key: Key expression in 'for' expression must not produce a null value. @16-20"
    )
    XCTAssertEqual(value(#"{for k, v in ["a"]: v => k}"#), .object(["a": .number(0)]))
    XCTAssertEqual(value("[for k, v in {b=1,a=2}: k]"), .tuple([.string("a"), .string("b")]))
    XCTAssertEqual(value("[for v in toset([3,1]): v]"), .tuple([.number(1), .number(3)]))
  }

  func testTemplateErrors() {
    XCTAssertEqual(
      problem(#""a${null}b""#),
      "Invalid template interpolation value: The expression result is null. Cannot include a null value in a string template. @5-9"
    )
    XCTAssertEqual(
      problem(#""a${[1]}""#),
      "Invalid template interpolation value: Cannot include the given value in a string template: string required. @5-8"
    )
    XCTAssertEqual(value(#""${null}""#), .null)
    XCTAssertEqual(value(#""${[1]}""#), .tuple([.number(1)]))
    XCTAssertEqual(value(#""n=${1.50} b=${true}""#), .string("n=1.5 b=true"))
  }

  func testSplatsOfNullAndLists() {
    XCTAssertEqual(value("null[*]"), .emptyTuple)
    XCTAssertEqual(value("null.*"), .emptyTuple)
    XCTAssertEqual(
      value("tolist([{a=1},{a=2}])[*].a"), .list([.number(1), .number(2)], elementType: .number))
    XCTAssertEqual(value("[[1,2],[3]][*][0]"), .tuple([.number(1), .number(3)]))
    XCTAssertEqual(
      problem("[{a=1},{b=2}][*].a"),
      #"Unsupported attribute: This object does not have an attribute named "a". @17-19"#)
  }

  func testObjectKeys() {
    XCTAssertEqual(
      value(#"{(k) = 1, "x${1}" = 2}"#, variables: ["k": .string("y")]),
      .object(["y": .number(1), "x1": .number(2)]))
    XCTAssertEqual(
      problem("{(k) = 1}", variables: ["k": .null]),
      "Null value as key: Can't use a null value as a key. @2-5")
    XCTAssertEqual(
      problem("{(k) = 1}", variables: ["k": .emptyTuple]),
      "Incorrect key type: Can't use this value as a key: string required. @2-5")
  }

  func testLongOperatorChainsEvaluateWithoutRecursion() {
    // The parser allows chains up to its nesting limit; evaluation walks them in a loop.
    let source = Array(repeating: "1", count: 250).joined(separator: " + ")
    XCTAssertEqual(value(source), .number(250))
    let (parsed, _) = Parser.parseExpression(Array(source.utf8), filename: "t")
    XCTAssertEqual(parsed.references.count, 0)
  }

  func testNestingBeyondTheLimitIsRefused() {
    let range = SourceRange(
      filename: "t", start: SourcePosition(line: 1, column: 1, byte: 0),
      end: SourcePosition(line: 1, column: 2, byte: 1))
    var expression = Expression(.literal(.number("1")), range: range)
    for _ in 0..<(Evaluator.maximumDepth + 10) {
      expression = Expression(.parenthesized(expression), range: range)
    }
    let (result, diagnostics) = Evaluator.evaluate(expression, in: EvalContext())
    XCTAssertEqual(result, .unknown())
    XCTAssertEqual(diagnostics.map(\.summary), ["Expression too deeply nested"])
  }

  func testDeepTreesOnASmallThreadStackGiveADiagnostic() {
    let range = SourceRange(
      filename: "t", start: SourcePosition(line: 1, column: 1, byte: 0),
      end: SourcePosition(line: 1, column: 2, byte: 1))
    var expression = Expression(.literal(.number("1")), range: range)
    for _ in 0..<(Evaluator.maximumDepth - 10) {
      expression = Expression(
        .functionCall(
          FunctionCall(
            name: Identifier(name: "abs", range: range), arguments: [expression],
            expandFinal: false, openParenRange: range, closeParenRange: range)), range: range)
    }
    final class Outcome: @unchecked Sendable { var summaries: [String] = [] }
    let outcome = Outcome()
    let done = expectation(description: "evaluated on a 512 KB thread")
    let thread = Thread { [expression] in
      outcome.summaries = Evaluator.evaluate(expression, in: EvalContext()).1.map(\.summary)
      done.fulfill()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    wait(for: [done], timeout: 30)
    XCTAssertTrue(
      outcome.summaries.contains("Expression too deeply nested"), "\(outcome.summaries)")
  }

  func testNumbersBeyondPrecisionAreErrors() {
    XCTAssertEqual(
      problem("123456789012345678901234567890123456789"),
      "Number out of range: The number 123456789012345678901234567890123456789 needs more than 38 significant digits to be exact, beyond the precision of gitform's numbers. @1-40"
    )
    XCTAssertTrue(
      problem("99999999999999999999999999999999999999 * 11").hasPrefix(
        "Operation failed: Error during operation: the integer result needs more than 38 significant digits"
      ))
  }
}
