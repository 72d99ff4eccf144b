import Foundation

/// A calendar day without a time, as GitLab's `expires_at` (`"YYYY-MM-DD"`).
///
/// GitLab's expiry is a date, and a token stops working at 00:00 UTC on it; keeping it a plain
/// date (not a `Date` at some hour in some zone) means comparisons and the state file never drift
/// with the machine's time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// A valid date, or nil (month 13, February 30, year 0).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD` (four, two and two ASCII digits); anything else is nil.
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// The UTC day that contains `date`.
  public init(utcDayOf date: Date) {
    let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    self.init(daysSinceEpoch: days)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// 00:00 UTC on this day: the instant a token expiring on it stops working.
  public var startOfDayUTC: Date {
    Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch) * 86_400)
  }

  /// The date `days` later (or earlier, when negative).
  public func adding(days: Int) -> CalendarDate {
    CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a date as YYYY-MM-DD")
    }
    self = date
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  // MARK: - Day arithmetic (CivilDate's proleptic Gregorian calendar)

  /// Days since 1970-01-01.
  var daysSinceEpoch: Int { CivilDate.days(year: year, month: month, day: day) }

  private init(daysSinceEpoch days: Int) {
    let date = CivilDate.day(daysSinceEpoch: days)
    self.year = date.year
    self.month = date.month
    self.day = date.day
  }
}
