import Foundation

/// Rounding, sign, powers, logarithms and `parseint`.
///
/// `pow` and `log` compute in binary floating point, as Terraform's `math.Pow` and `math.Log`
/// do, and keep the shortest decimal that names the result, which is what Terraform prints.
/// An infinite or NaN result (`log(0, 10)`) is an error here: gitform's numbers have no
/// infinities (see `DecimalArithmetic`).
enum MathFunctions {
  static let all: [Function] = [
    rounding("ceil", .up),
    rounding("floor", .down),
    Function("signum", [StringFunctions.number("num")], returns: .number) { args, _ in
      let n = try ListFunctions.wholeNumber(args[0])
      return .number(n.signum())
    },
    Function(
      "pow", [StringFunctions.number("num"), StringFunctions.number("power")], returns: .number
    ) { args, _ in
      try .number(decimal(Foundation.pow(double(args[0]), double(args[1]))))
    },
    Function(
      "log", [StringFunctions.number("num"), StringFunctions.number("base")], returns: .number
    ) { args, _ in
      try .number(decimal(Foundation.log(double(args[0])) / Foundation.log(double(args[1]))))
    },
    Function(
      "parseint", [CollectionFunctions.dynamic("number"), StringFunctions.number("base")],
      returns: .number
    ) { args, _ in
      guard let text = args[0].stringValue else {
        throw FunctionError.argument(
          index: 0, "first argument must be a string, not \(args[0].type.friendlyName)")
      }
      let base = try ListFunctions.wholeNumber(args[1], argument: 1)
      guard (2...62).contains(base) else {
        throw FunctionError.argument(
          index: 1, "base must be a whole number between 2 and 62 inclusive")
      }
      return .number(try parseInteger(text, base: base))
    },
  ]

  private static func rounding(_ name: String, _ mode: NSDecimalNumber.RoundingMode) -> Function {
    Function(name, [StringFunctions.number("num")], returns: .number) { args, _ in
      var n = args[0].numberValue ?? 0
      var rounded = Decimal()
      NSDecimalRound(&rounded, &n, 0, mode)
      return .number(rounded)
    }
  }

  private static func double(_ value: Value) -> Double {
    (value.numberValue ?? 0 as Decimal).doubleValueExactEnough
  }

  /// The shortest decimal that round-trips to `d`, as Go's `big.Float.Text('f', -1)` writes it.
  static func decimal(_ d: Double) throws -> Decimal {
    guard d.isFinite else {
      throw FunctionError.call(
        "the result is \(d.isNaN ? "not a number" : "infinite"), which gitform's numbers cannot hold"
      )
    }
    if d == 0 { return 0 }
    guard let result = Decimal(string: "\(d)", locale: Locale(identifier: "en_US_POSIX")) else {
      throw FunctionError.call("the result \(d) cannot be held by gitform's numbers")
    }
    return result
  }

  /// Go's `big.Int.SetString(text, base)`: an optional sign, then digits (letters are
  /// case-insensitive up to base 36; above it `a`–`z` are 10–35 and `A`–`Z` 36–61).
  static func parseInteger(_ text: String, base: Int) throws -> Decimal {
    var scalars = Substring(text).unicodeScalars
    var negative = false
    if let first = scalars.first, first == "+" || first == "-" {
      negative = first == "-"
      scalars.removeFirst()
    }
    let failure = FunctionError.argument(
      index: 0, "cannot parse \(StringQuoting.quote(text, .go)) as a base \(base) integer")
    guard !scalars.isEmpty else { throw failure }
    var total = Decimal(0)
    for scalar in scalars {
      guard let digit = digitValue(scalar, base: base), digit < base else { throw failure }
      guard case .success(let shifted) = IntegerArithmetic.multiply(total, Decimal(base)),
        case .success(let next) = DecimalArithmetic.add(shifted, Decimal(digit))
      else { throw FunctionError.call(DecimalArithmetic.Failure.outOfRange.message) }
      total = next
    }
    return negative ? DecimalArithmetic.negate(total) : total
  }

  private static func digitValue(_ scalar: Unicode.Scalar, base: Int) -> Int? {
    switch scalar.value {
    case 48...57: return Int(scalar.value) - 48
    case 97...122: return Int(scalar.value) - 97 + 10
    case 65...90: return Int(scalar.value) - 65 + (base <= 36 ? 10 : 36)
    default: return nil
    }
  }
}

extension Decimal {
  /// The nearest `Double`, read from the decimal text (Foundation's `doubleValue` can be off
  /// in the last bits).
  var doubleValueExactEnough: Double {
    Double(NumberFormatting.string(self)) ?? NSDecimalNumber(decimal: self).doubleValue
  }
}
