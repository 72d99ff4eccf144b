import Foundation

/// Reading and writing numbers as decimal text, exactly.
///
/// HCL numbers are arbitrary precision; gitform uses Foundation's `Decimal` (38 significant
/// digits). The rule mirrors the spec at that size: an integer that does not fit is refused,
/// never rounded; a non-integer is rounded to 38 digits. `Double` is never involved, so
/// `0.1 + 0.2` is `0.3`. This 38-digit limit (instead of 256 bits) is the one deliberate
/// deviation from HCL's information model.
enum NumberFormatting {
  /// The largest number of significant digits a `Decimal` holds exactly.
  static let maximumDigits = 38

  /// Why a text is not a usable number.
  enum ParseFailure: Error, Equatable {
    /// Not a decimal representation at all.
    case syntax
    /// An integer (or a magnitude) beyond 38 digits / the exponent range.
    case outOfRange
  }

  /// The number's canonical text: no exponent, no trailing zeros (`1.5`, `1000`, `0.0000001`).
  static func string(_ value: Decimal) -> String {
    value.isZero ? "0" : value.description
  }

  /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, also `1.` and `.5` as cty accepts them.
  static func parse(_ text: String) -> Result<Decimal, ParseFailure> {
    let bytes = Array(text.utf8)
    // Most numbers in configurations are small integers: take them without building digits.
    if !bytes.isEmpty, bytes.count <= 18, bytes.allSatisfy(isDigit) {
      return .success(Decimal(bytes.reduce(0) { $0 * 10 + Int($1 - 48) }))
    }
    var i = 0
    var negative = false
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var digits: [UInt8] = []
    var exponent = 0
    var sawDigit = false
    while i < bytes.count, isDigit(bytes[i]) {
      digits.append(bytes[i] - 48)
      sawDigit = true
      i += 1
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < bytes.count, isDigit(bytes[i]) {
        digits.append(bytes[i] - 48)
        exponent -= 1
        sawDigit = true
        i += 1
      }
    }
    guard sawDigit else { return .failure(.syntax) }
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      var exponentNegative = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var value = 0
      var sawExponentDigit = false
      while i < bytes.count, isDigit(bytes[i]) {
        // Saturate: anything this large is out of range anyway.
        value = min(value * 10 + Int(bytes[i] - 48), 1_000_000)
        sawExponentDigit = true
        i += 1
      }
      guard sawExponentDigit else { return .failure(.syntax) }
      exponent += exponentNegative ? -value : value
    }
    guard i == bytes.count else { return .failure(.syntax) }
    return make(negative: negative, digits: digits, exponent: exponent)
  }

  /// Builds `±0.digits × 10^exponent` exactly, or rounded when it is not an integer.
  private static func make(negative: Bool, digits: [UInt8], exponent: Int) -> Result<
    Decimal, ParseFailure
  > {
    var digits = Array(digits.drop { $0 == 0 })
    var exponent = exponent
    while let last = digits.last, last == 0 {
      digits.removeLast()
      exponent += 1
    }
    if digits.isEmpty { return .success(0) }
    if digits.count > maximumDigits {
      // An integer must be exact; a fraction may be rounded (half up on the dropped digits).
      if exponent >= 0 { return .failure(.outOfRange) }
      let dropped = digits.count - maximumDigits
      let roundUp = digits[maximumDigits] >= 5
      digits = Array(digits.prefix(maximumDigits))
      exponent += dropped
      if roundUp { return make(negative: negative, digits: increment(digits), exponent: exponent) }
    }
    // Decimal's exponent is an Int8; keep the significand within 38 digits while shifting.
    while exponent > 127, digits.count < maximumDigits {
      digits.append(0)
      exponent -= 1
    }
    if exponent > 127 { return .failure(.outOfRange) }
    if exponent < -128 {
      let shift = -128 - exponent
      if shift >= digits.count { return .success(0) }
      digits = Array(digits.dropLast(shift))
      exponent = -128
    }
    let text = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    guard let significand = Decimal(string: text) else { return .failure(.syntax) }
    return .success(
      Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: significand))
  }

  private static func increment(_ digits: [UInt8]) -> [UInt8] {
    var digits = digits
    var index = digits.count - 1
    while index >= 0 {
      if digits[index] < 9 {
        digits[index] += 1
        return digits
      }
      digits[index] = 0
      index -= 1
    }
    return [1] + digits
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
