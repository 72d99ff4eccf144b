import Foundation

/// Arithmetic on HCL numbers with the precision rule of `NumberFormatting`: an integer result
/// that `Decimal` cannot hold exactly is an error, a non-integer result is rounded.
/// Integer operands are computed exactly by `IntegerArithmetic`.
///
/// Deliberate deviations from Terraform, all forced by `Decimal`: no infinities (`1 / 0` is an
/// error here, `+Inf` in Terraform), no negative zero (`-0` is `0`), 38 significant digits
/// instead of 512 bits (so `1 / 3 * 3` is `0.99999999999999999999999999999999999999`).
enum DecimalArithmetic {
  /// Why an operation has no number result.
  enum Failure: Error, Equatable {
    case outOfRange
    case divisionByZero

    /// The diagnostic detail for the failure.
    var message: String {
      switch self {
      case .outOfRange:
        return "the integer result needs more than \(NumberFormatting.maximumDigits) "
          + "significant digits, beyond the precision of gitform's numbers"
      case .divisionByZero:
        return "division by zero has no number result in gitform"
      }
    }
  }

  static func add(_ a: Decimal, _ b: Decimal) -> Result<Decimal, Failure> {
    if isInteger(a) && isInteger(b) { return IntegerArithmetic.apply(.add, a, b) }
    return run(a, b) { r, x, y in NSDecimalAdd(r, x, y, .plain) }
  }

  static func subtract(_ a: Decimal, _ b: Decimal) -> Result<Decimal, Failure> {
    if isInteger(a) && isInteger(b) { return IntegerArithmetic.apply(.subtract, a, b) }
    return run(a, b) { r, x, y in NSDecimalSubtract(r, x, y, .plain) }
  }

  static func multiply(_ a: Decimal, _ b: Decimal) -> Result<Decimal, Failure> {
    if isInteger(a) && isInteger(b) { return IntegerArithmetic.apply(.multiply, a, b) }
    return IntegerArithmetic.multiply(a, b)
  }

  static func divide(_ a: Decimal, _ b: Decimal) -> Result<Decimal, Failure> {
    if b.isZero { return .failure(.divisionByZero) }
    return run(a, b) { r, x, y in NSDecimalDivide(r, x, y, .plain) }
  }

  /// The remainder with the sign of the dividend (`-7 % 3` is `-1`), as Terraform computes it.
  /// A zero divisor gives the dividend back, as Terraform does (`1 % 0` is `1`).
  static func modulo(_ a: Decimal, _ b: Decimal) -> Result<Decimal, Failure> {
    if b.isZero { return .success(a) }
    if let x = intValue(a), let y = intValue(b), y != -1 { return .success(Decimal(x % y)) }
    return divide(a, b).flatMap { quotient in
      multiply(truncated(quotient), b).flatMap { subtract(a, $0) }
    }
  }

  static func negate(_ a: Decimal) -> Decimal { a.isZero ? a : -a }

  /// The integer part, rounded towards zero.
  static func truncated(_ a: Decimal) -> Decimal {
    if let n = intValue(a) { return Decimal(n) }
    return truncatedSlow(a)
  }

  static func isInteger(_ a: Decimal) -> Bool {
    guard !a.isNaN else { return false }
    if a.exponent >= 0 { return true }
    guard var magnitude = smallMagnitude(a) else { return truncatedSlow(a) == a }
    // A negative exponent: whole exactly when the significand ends in that many zeros.
    var exponent = a.exponent
    while exponent < 0 {
      if magnitude % 10 != 0 { return false }
      magnitude /= 10
      exponent += 1
    }
    return true
  }

  /// The value as an `Int` when it is a whole number in `Int`'s range.
  ///
  /// Read from `Decimal`'s significand and exponent: this is on every index, arithmetic and
  /// function-argument path, and going through text (about 2 µs a number) would dominate them.
  static func intValue(_ a: Decimal) -> Int? {
    guard !a.isNaN else { return nil }
    guard var magnitude = smallMagnitude(a) else {
      guard truncatedSlow(a) == a, a >= Decimal(Int.min), a <= Decimal(Int.max) else { return nil }
      return Int(NumberFormatting.string(a))
    }
    var exponent = a.exponent
    while exponent > 0 {
      guard magnitude <= UInt64.max / 10 else { return nil }
      magnitude *= 10
      exponent -= 1
    }
    while exponent < 0 {
      guard magnitude % 10 == 0 else { return nil }
      magnitude /= 10
      exponent += 1
    }
    if a.isSignMinus {
      guard magnitude <= UInt64(Int.max) + 1 else { return nil }
      return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
    }
    guard magnitude <= UInt64(Int.max) else { return nil }
    return Int(magnitude)
  }

  /// The significand when it fits 64 bits (`uint64Value` truncates silently, hence the check).
  private static func smallMagnitude(_ a: Decimal) -> UInt64? {
    let significand = a.significand
    let magnitude = NSDecimalNumber(decimal: significand).uint64Value
    return Decimal(magnitude) == significand ? magnitude : nil
  }

  private static func truncatedSlow(_ a: Decimal) -> Decimal {
    var source = a
    var result = Decimal()
    NSDecimalRound(&result, &source, 0, a < 0 ? .up : .down)
    return result
  }

  private static func run(
    _ a: Decimal, _ b: Decimal,
    _ operation: (
      UnsafeMutablePointer<Decimal>, UnsafePointer<Decimal>, UnsafePointer<Decimal>
    ) -> NSDecimalNumber.CalculationError
  ) -> Result<Decimal, Failure> {
    var x = a
    var y = b
    var result = Decimal()
    let error = operation(&result, &x, &y)
    switch error {
    // Non-integer results may be rounded (integer operands go through IntegerArithmetic).
    case .noError, .underflow, .lossOfPrecision:
      return .success(result)
    case .divideByZero:
      return .failure(.divisionByZero)
    default:
      return .failure(.outOfRange)
    }
  }
}
