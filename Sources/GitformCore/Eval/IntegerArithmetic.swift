import Foundation

/// Exact integer addition and subtraction and exact multiplication, so a result that
/// `Decimal` cannot hold is detected instead of silently rounded (Foundation's `Decimal` does
/// not reliably report a loss of precision).
///
/// Machine integers are used when the operands fit and the operation does not overflow;
/// otherwise the operation runs on decimal digit strings, which is exact at any size.
enum IntegerArithmetic {
  enum Operation { case add, subtract, multiply }

  /// The exact result of `a op b` for integer operands, or `.outOfRange` when it does not fit.
  static func apply(_ operation: Operation, _ a: Decimal, _ b: Decimal) -> Result<
    Decimal, DecimalArithmetic.Failure
  > {
    if let x = DecimalArithmetic.intValue(a), let y = DecimalArithmetic.intValue(b) {
      let (result, overflow): (Int, Bool)
      switch operation {
      case .add: (result, overflow) = x.addingReportingOverflow(y)
      case .subtract: (result, overflow) = x.subtractingReportingOverflow(y)
      case .multiply: (result, overflow) = x.multipliedReportingOverflow(by: y)
      }
      if !overflow { return .success(Decimal(result)) }
    }
    let (negativeA, digitsA) = digits(a)
    let (negativeB, digitsB) = digits(b)
    var negative: Bool
    var magnitude: [Int]
    switch operation {
    case .multiply:
      negative = negativeA != negativeB
      magnitude = multiply(digitsA, digitsB)
    case .add, .subtract:
      let signB = operation == .add ? negativeB : !negativeB
      if negativeA == signB {
        negative = negativeA
        magnitude = add(digitsA, digitsB)
      } else if compare(digitsA, digitsB) >= 0 {
        negative = negativeA
        magnitude = subtract(digitsA, digitsB)
      } else {
        negative = signB
        magnitude = subtract(digitsB, digitsA)
      }
    }
    let text = (negative ? "-" : "") + magnitude.map(String.init).joined()
    return NumberFormatting.parse(text).mapError { _ in .outOfRange }
  }

  /// The exact product of any two numbers, rounded to 38 significant digits only when it is
  /// not an integer. Used for every multiplication: Foundation's `NSDecimalMultiply` traps on
  /// exponents beyond its range instead of reporting them.
  static func multiply(_ a: Decimal, _ b: Decimal) -> Result<Decimal, DecimalArithmetic.Failure> {
    let (negativeA, digitsA, exponentA) = scaledDigits(a)
    let (negativeB, digitsB, exponentB) = scaledDigits(b)
    let product = multiply(digitsA, digitsB)
    let text =
      (negativeA != negativeB ? "-" : "") + product.map(String.init).joined()
      + "e\(exponentA + exponentB)"
    return NumberFormatting.parse(text).mapError { _ in .outOfRange }
  }

  /// Sign, digits and power of ten such that the number is `±digits × 10^exponent`.
  private static func scaledDigits(_ n: Decimal) -> (Bool, [Int], Int) {
    var text = NumberFormatting.string(n)
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    let parts = text.split(separator: ".", maxSplits: 1)
    let fraction = parts.count > 1 ? parts[1] : ""
    return (negative, (parts[0] + fraction).compactMap(\.wholeNumberValue), -fraction.count)
  }

  /// Sign and most-significant-first decimal digits of an integer.
  private static func digits(_ n: Decimal) -> (Bool, [Int]) {
    var text = NumberFormatting.string(n)
    let negative = text.hasPrefix("-")
    if negative { text.removeFirst() }
    return (negative, text.compactMap(\.wholeNumberValue))
  }

  private static func trimmed(_ digits: [Int]) -> [Int] {
    let result = Array(digits.drop { $0 == 0 })
    return result.isEmpty ? [0] : result
  }

  private static func compare(_ a: [Int], _ b: [Int]) -> Int {
    let (x, y) = (trimmed(a), trimmed(b))
    if x.count != y.count { return x.count < y.count ? -1 : 1 }
    for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
    return 0
  }

  private static func add(_ a: [Int], _ b: [Int]) -> [Int] {
    var result: [Int] = []
    var carry = 0
    var (i, j) = (a.count - 1, b.count - 1)
    while i >= 0 || j >= 0 || carry > 0 {
      let sum = (i >= 0 ? a[i] : 0) + (j >= 0 ? b[j] : 0) + carry
      result.append(sum % 10)
      carry = sum / 10
      i -= 1
      j -= 1
    }
    return trimmed(result.reversed())
  }

  /// `a - b` for `a >= b`.
  private static func subtract(_ a: [Int], _ b: [Int]) -> [Int] {
    var result: [Int] = []
    var borrow = 0
    var (i, j) = (a.count - 1, b.count - 1)
    while i >= 0 {
      var difference = a[i] - (j >= 0 ? b[j] : 0) - borrow
      borrow = difference < 0 ? 1 : 0
      if difference < 0 { difference += 10 }
      result.append(difference)
      i -= 1
      j -= 1
    }
    return trimmed(result.reversed())
  }

  private static func multiply(_ a: [Int], _ b: [Int]) -> [Int] {
    var result = [Int](repeating: 0, count: a.count + b.count)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        let sum = result[i + j + 1] + a[i] * b[j]
        result[i + j + 1] = sum % 10
        result[i + j] += sum / 10
      }
    }
    return trimmed(result)
  }
}
