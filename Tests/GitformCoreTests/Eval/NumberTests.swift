import XCTest

@testable import GitformCore

/// Exact decimal numbers: parsing, formatting and arithmetic with the integer-precision rule.
final class NumberTests: XCTestCase {
  private func parse(_ text: String) -> String? {
    guard case .success(let n) = NumberFormatting.parse(text) else { return nil }
    return NumberFormatting.string(n)
  }

  func testParsesDecimalRepresentationsExactly() {
    XCTAssertEqual(parse("9007199254740993"), "9007199254740993")
    XCTAssertEqual(parse("1e3"), "1000")
    XCTAssertEqual(parse("1E2"), "100")
    XCTAssertEqual(parse("+1"), "1")
    XCTAssertEqual(parse("-1.50"), "-1.5")
    XCTAssertEqual(parse("1."), "1")
    XCTAssertEqual(parse(".5"), "0.5")
    XCTAssertEqual(parse("1e-7"), "0.0000001")
    XCTAssertEqual(parse("0.000"), "0")
    XCTAssertEqual(parse("1e50"), "1" + String(repeating: "0", count: 50))
    XCTAssertEqual(
      parse("12345678901234567890123456789012345678"), "12345678901234567890123456789012345678")
  }

  func testRejectsNonNumbers() {
    for text in ["", " 1", "0x10", "1_000", "Inf", "1e", "-", ".", "1.2.3", "e5", "1e+"] {
      XCTAssertEqual(NumberFormatting.parse(text), .failure(.syntax), text)
    }
  }

  func testIntegersBeyondThirtyEightDigitsAreRefusedNotRounded() {
    XCTAssertEqual(
      NumberFormatting.parse("123456789012345678901234567890123456789"), .failure(.outOfRange))
    XCTAssertEqual(NumberFormatting.parse("1e200"), .failure(.outOfRange))
    // A fraction may be rounded: the spec allows it for non-integers.
    XCTAssertEqual(
      parse("0.123456789012345678901234567890123456789"),
      "0.12345678901234567890123456789012345679")
  }

  func testArithmeticIsExact() {
    func run(_ r: Result<Decimal, DecimalArithmetic.Failure>) -> String? {
      guard case .success(let n) = r else { return nil }
      return NumberFormatting.string(n)
    }
    XCTAssertEqual(
      run(DecimalArithmetic.add(Decimal(string: "0.1")!, Decimal(string: "0.2")!)), "0.3")
    XCTAssertEqual(run(DecimalArithmetic.divide(5, 2)), "2.5")
    XCTAssertEqual(run(DecimalArithmetic.modulo(7, 3)), "1")
    XCTAssertEqual(run(DecimalArithmetic.modulo(-7, 3)), "-1")
    XCTAssertEqual(run(DecimalArithmetic.modulo(5, -3)), "2")
    XCTAssertEqual(run(DecimalArithmetic.modulo(Decimal(string: "-5.5")!, 2)), "-1.5")
    XCTAssertEqual(run(DecimalArithmetic.modulo(1, 0)), "1")
    XCTAssertEqual(run(DecimalArithmetic.multiply(9_007_199_254_740_993, 3)), "27021597764222979")
  }

  func testIntegerOverflowAndDivisionByZeroAreErrors() {
    let big = Decimal(string: "99999999999999999999999999999999999999")!
    XCTAssertEqual(DecimalArithmetic.multiply(big, big), .failure(.outOfRange))
    XCTAssertEqual(DecimalArithmetic.add(big, 2), .failure(.outOfRange))
    // 10^38 itself is exact: one significant digit.
    XCTAssertEqual(DecimalArithmetic.add(big, 1), .success(Decimal(string: "1e38")!))
    XCTAssertEqual(DecimalArithmetic.divide(1, 0), .failure(.divisionByZero))
  }

  func testExtremeExponentsAreHandledNotTrapped() {
    let tiny = Decimal(string: "1e-100")!
    XCTAssertEqual(DecimalArithmetic.multiply(tiny, tiny), .success(0))
    XCTAssertEqual(
      DecimalArithmetic.multiply(Decimal(string: "0.5")!, Decimal(string: "1e127")!),
      .success(Decimal(string: "5e126")!))
    XCTAssertEqual(
      DecimalArithmetic.multiply(Decimal(string: "1e100")!, Decimal(string: "1e100")!),
      .failure(.outOfRange))
    XCTAssertEqual(
      DecimalArithmetic.multiply(Decimal(string: "1.5")!, Decimal(string: "1e127")!),
      .success(Decimal(string: "15e126")!))
    // 1.5 × (10^38 − 1) × 10^89 is an integer of 39 significant digits: refused.
    XCTAssertEqual(
      DecimalArithmetic.multiply(
        Decimal(string: "1.5")!, Decimal(string: "99999999999999999999999999999999999999e89")!),
      .failure(.outOfRange))
  }

  func testIntValueOnlyForWholeNumbersInRange() {
    XCTAssertEqual(DecimalArithmetic.intValue(42), 42)
    XCTAssertEqual(DecimalArithmetic.intValue(-3), -3)
    XCTAssertNil(DecimalArithmetic.intValue(Decimal(string: "1.5")!))
    XCTAssertNil(DecimalArithmetic.intValue(Decimal(string: "1e30")!))
  }
}
