import Foundation

/// A UTC calendar date, GitLab's type for `expires_at`.
///
/// Kept as a day count since 1970-01-01 so that "today + 365 days" and "expired when today ≥
/// expires_at" are integer arithmetic, with no locale or time-zone machinery involved.
struct CalendarDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (UTC).
  var daysSinceEpoch: Int

  init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

  /// The UTC date on which `date` falls.
  init(containing date: Date) {
    daysSinceEpoch = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// Parses a strict `YYYY-MM-DD`; nil for anything else, including impossible dates.
  init?(parsing text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), (1...CalendarDay.length(ofMonth: month, year: year)).contains(day)
    else { return nil }
    daysSinceEpoch = CalendarDay.days(year: year, month: month, day: day)
  }

  /// The instant this day begins: 00:00 UTC.
  var start: Date { Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400) }

  func adding(days: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + days) }

  /// `YYYY-MM-DD`.
  var description: String {
    let (year, month, day) = CalendarDay.civil(daysSinceEpoch)
    return String(format: "%04d-%02d-%02d", year, month, day)
  }

  static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }

  // MARK: - Civil calendar arithmetic (Howard Hinnant's algorithms, proleptic Gregorian)

  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  static func length(ofMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
