import Foundation

/// Go-style renderings of exact decimals for `format`: integers in a radix, fixed-point,
/// scientific (`1.500000e+03`) and `%g`'s shortest form. Rounding is half-to-even on the
/// exact decimal value.
enum NumberText {
  static func integer(_ n: Decimal, radix: Int, uppercase: Bool) -> String {
    let negative = n < 0
    var digits = Array(NumberFormatting.string(negative ? -n : n).utf8).map { Int($0) - 48 }
    if radix == 10 { return (negative ? "-" : "") + NumberFormatting.string(negative ? -n : n) }
    // Repeated division of the decimal digit string: exact for any size.
    var out: [Character] = []
    let symbols = Array(uppercase ? "0123456789ABCDEF" : "0123456789abcdef")
    while !(digits.isEmpty || digits.allSatisfy { $0 == 0 }) {
      var remainder = 0
      var quotient: [Int] = []
      for digit in digits {
        let current = remainder * 10 + digit
        quotient.append(current / radix)
        remainder = current % radix
      }
      out.append(symbols[remainder])
      digits = Array(quotient.drop { $0 == 0 })
    }
    if out.isEmpty { out = ["0"] }
    return (negative ? "-" : "") + String(out.reversed())
  }

  static func fixed(_ n: Decimal, precision: Int) -> String {
    var source = n
    var rounded = Decimal()
    NSDecimalRound(&rounded, &source, min(precision, 100), .bankers)
    var text = NumberFormatting.string(rounded)
    guard precision > 0 else { return text }
    let fraction = text.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
    if fraction.isEmpty { text += "." }
    return text + String(repeating: "0", count: max(0, precision - fraction.count))
  }

  /// `d.ddd…e±XX` with `precision` digits after the point.
  static func scientific(_ n: Decimal, precision: Int) -> String {
    guard !n.isZero else {
      return "0" + (precision > 0 ? "." + String(repeating: "0", count: precision) : "") + "e+00"
    }
    let negative = n < 0
    let (digits, exponent) = significand(negative ? -n : n)
    var kept = Array(digits.prefix(precision + 1))
    var e = exponent
    if digits.count > precision + 1 {
      let rest = Array(digits.dropFirst(precision + 1))
      let first = rest[0]
      let tie = first == 5 && rest.dropFirst().allSatisfy { $0 == 0 }
      let up = first > 5 || (first == 5 && !tie) || (tie && (kept.last ?? 0) % 2 == 1)
      if up {
        var index = kept.count - 1
        while index >= 0 {
          if kept[index] < 9 {
            kept[index] += 1
            break
          }
          kept[index] = 0
          index -= 1
        }
        if index < 0 {
          kept.insert(1, at: 0)
          kept.removeLast()
          e += 1
        }
      }
    }
    while kept.count < precision + 1 { kept.append(0) }
    var text = String(kept[0])
    if precision > 0 { text += "." + kept.dropFirst().map(String.init).joined() }
    return (negative ? "-" : "") + text + exponentText(e)
  }

  /// `%g`: the exact digits, in exponent form when the exponent is below -4 or 6 and above
  /// (Go's rule for the shortest representation).
  static func general(_ n: Decimal) -> String {
    guard !n.isZero else { return "0" }
    let negative = n < 0
    let (digits, exponent) = significand(negative ? -n : n)
    guard exponent < -4 || exponent >= 6 else { return NumberFormatting.string(n) }
    var text = String(digits[0])
    if digits.count > 1 { text += "." + digits.dropFirst().map(String.init).joined() }
    return (negative ? "-" : "") + text + exponentText(exponent)
  }

  /// The significant digits and the power of ten of the first one: 1500 → ([1, 5], 3).
  private static func significand(_ n: Decimal) -> ([Int], Int) {
    let text = NumberFormatting.string(n)
    let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
    let integerPart = parts[0] == "0" ? "" : parts[0]
    let fractionPart = parts.count > 1 ? parts[1] : ""
    var all = Array(integerPart + fractionPart).compactMap(\.wholeNumberValue)
    var exponent = integerPart.count - 1
    while let first = all.first, first == 0 {
      all.removeFirst()
      exponent -= 1
    }
    while let last = all.last, last == 0, all.count > 1 { all.removeLast() }
    return (all.isEmpty ? [0] : all, exponent)
  }

  private static func exponentText(_ e: Int) -> String {
    let magnitude = abs(e)
    return "e" + (e < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
  }
}
