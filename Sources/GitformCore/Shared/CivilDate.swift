/// Conversions between days since 1970-01-01 and proleptic Gregorian dates, after Howard
/// Hinnant's `days_from_civil` / `civil_from_days`: exact, fast and free of time zones, so
/// timestamps format the same on every machine (Foundation's `Calendar` is neither needed nor
/// cheap on this path).
///
/// The one calendar algorithm of the engine: `CalendarDate` (GitLab's `expires_at`),
/// `RFC3339Timestamp` (Terraform's time functions, GitLab's timestamps) and the state lock's
/// `Created` all count days with it.
enum CivilDate {
  /// A day of the calendar.
  struct Day: Equatable {
    var year: Int
    var month: Int
    var day: Int
  }

  struct Fields: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// 0 for Sunday through 6 for Saturday.
    var weekday: Int
  }

  /// Days since 1970-01-01 of a date (negative before it); the date need not be valid
  /// (`day` 0 is the last day of the month before), callers check with `daysIn` first.
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `days` after 1970-01-01 (before it, when negative).
  static func day(daysSinceEpoch days: Int) -> Day {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPrime = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
    let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
    return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// The number of days in `month` (1–12) of `year`.
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func fields(secondsSinceEpoch seconds: Int) -> Fields {
    let days = floorDivide(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    let date = day(daysSinceEpoch: days)
    let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4).
    return Fields(
      year: date.year, month: date.month, day: date.day, hour: secondOfDay / 3_600,
      minute: secondOfDay % 3_600 / 60, second: secondOfDay % 60, weekday: weekday)
  }

  /// `a / b` rounded towards negative infinity (Swift's `/` rounds towards zero).
  static func floorDivide(_ a: Int, _ b: Int) -> Int {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
