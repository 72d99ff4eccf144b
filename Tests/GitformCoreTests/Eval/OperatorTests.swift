import XCTest

@testable import GitformCore

/// Binary and unary operators on values: conversion, nulls, unknowns and sensitivity.
final class OperatorTests: XCTestCase {
  private func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value? {
    try? op.apply(a, b).get()
  }

  private func failures(_ op: BinaryOperator, _ a: Value, _ b: Value) -> [String] {
    guard case .failure(let f) = op.apply(a, b) else { return [] }
    return f.failures.map { "\($0.summary): \($0.detail)" }
  }

  func testArithmeticConvertsStringsToNumbers() {
    XCTAssertEqual(binary(.add, .number(1), .string("2")), .number(3))
    XCTAssertEqual(binary(.divide, .number(5), .number(2)), .number(Decimal(string: "2.5")!))
    XCTAssertEqual(binary(.modulo, .number(-7), .number(3)), .number(-1))
  }

  func testOperandErrorsNameTheOperand() {
    XCTAssertEqual(
      failures(.add, .number(1), .string("a")),
      ["Invalid operand: Unsuitable value for right operand: a number is required."])
    XCTAssertEqual(
      failures(.lessThan, .string("a"), .string("b")),
      [
        "Invalid operand: Unsuitable value for left operand: a number is required.",
        "Invalid operand: Unsuitable value for right operand: a number is required.",
      ])
    XCTAssertEqual(
      failures(.and, .true, .number(1)),
      ["Invalid operand: Unsuitable value for right operand: bool required."])
    XCTAssertEqual(
      failures(.add, .number(1), .null),
      ["Operation failed: Error during operation: argument must not be null."])
    XCTAssertEqual(
      failures(.divide, .number(1), .number(0)),
      [
        "Operation failed: Error during operation: division by zero has no number result in gitform."
      ])
  }

  func testEqualityNeverConvertsTypes() {
    XCTAssertEqual(binary(.equal, .string("1"), .number(1)), .false)
    XCTAssertEqual(binary(.notEqual, .string("1"), .number(1)), .true)
    XCTAssertEqual(binary(.equal, .null, .null), .true)
  }

  func testUnknownOperandsGiveUnknownsOfTheResultType() {
    XCTAssertEqual(binary(.add, .unknown(), .number(1)), .unknown(.number))
    XCTAssertEqual(binary(.lessThan, .unknown(.number), .number(1)), .unknown(.bool))
    XCTAssertEqual(binary(.equal, .unknown(), .number(1)), .unknown(.bool))
    // A deciding operand settles logic even next to an unknown.
    XCTAssertEqual(binary(.and, .unknown(.bool), .false), .false)
    XCTAssertEqual(binary(.or, .true, .unknown(.bool)), .true)
    XCTAssertEqual(binary(.or, .false, .unknown(.bool)), .unknown(.bool))
  }

  func testSensitiveOperandsMakeSensitiveResults() {
    let secret = Value.number(1).marked(sensitive: true)
    XCTAssertEqual(binary(.add, secret, .number(1)), Value.number(2).marked(sensitive: true))
    XCTAssertEqual(
      binary(.equal, .tuple([secret]), .tuple([.number(1)])), Value.true.marked(sensitive: true))
    XCTAssertEqual(
      UnaryOperator.not.apply(Value.true.marked(sensitive: true)),
      .success(Value.false.marked(sensitive: true)))
  }

  func testUnaryOperators() {
    XCTAssertEqual(UnaryOperator.negate.apply(.number(3)), .success(.number(-3)))
    XCTAssertEqual(UnaryOperator.negate.apply(.unknown()), .success(.unknown(.number)))
    guard case .failure(let failure) = UnaryOperator.not.apply(.number(1)) else {
      return XCTFail("expected a failure")
    }
    XCTAssertEqual(failure.detail, "Unsuitable value for unary operand: bool required.")
    guard case .failure(let negation) = UnaryOperator.negate.apply(.string("a")) else {
      return XCTFail("expected a failure")
    }
    XCTAssertEqual(negation.detail, "Unsuitable value for unary operand: a number is required.")
  }
}
