import Foundation

/// Go's `time.ParseDuration` syntax, which `timeadd` accepts: a signed sequence of decimal
/// numbers with units, such as `"300ms"`, `"-1.5h"` or `"2h45m"`.
enum GoDuration {
  struct Failure: Error, Equatable {
    var message: String
  }

  private static let units: [(String, Decimal)] = [
    ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
    ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000),
  ]

  private static let maximumNanoseconds = Decimal(Int64.max)

  /// The duration in nanoseconds.
  static func parse(_ text: String) -> Result<Decimal, Failure> {
    var invalid: Failure { Failure(message: "time: invalid duration \(Value.quoted(text))") }
    var rest = Substring(text)
    var negative = false
    if let sign = rest.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      rest = rest.dropFirst()
    }
    if rest == "0" { return .success(0) }
    if rest.isEmpty { return .failure(invalid) }
    var total: Decimal = 0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
      guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1,
        case .success(let value) = NumberFormatting.parse(String(number))
      else { return .failure(invalid) }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
      guard !unit.isEmpty else {
        return .failure(Failure(message: "time: missing unit in duration \(Value.quoted(text))"))
      }
      guard let scale = units.first(where: { $0.0 == unit })?.1 else {
        return .failure(
          Failure(
            message:
              "time: unknown unit \(Value.quoted(String(unit))) in duration \(Value.quoted(text))"))
      }
      rest = rest.dropFirst(unit.count)
      guard case .success(let scaled) = DecimalArithmetic.multiply(value, scale),
        case .success(let sum) = DecimalArithmetic.add(total, scaled)
      else { return .failure(invalid) }
      total = sum
      // Go's durations are 64-bit nanosecond counts (about 292 years); beyond is invalid.
      if total > maximumNanoseconds { return .failure(invalid) }
    }
    return .success(negative ? -total : total)
  }
}
