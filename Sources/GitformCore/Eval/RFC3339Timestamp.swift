import Foundation

/// A point in time with the UTC offset it was written with, as Go's `time.Time` keeps it, so
/// `timeadd("2024-01-01T00:00:00+05:00", "1h")` answers in `+05:00` as Terraform does.
///
/// Parsing follows Go's `time.RFC3339` layout: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
/// Formatting drops the fraction, as Go's layout does.
///
/// Time is kept as whole seconds and nanoseconds since 1970 (as Go does), not as a `Double`,
/// so `timeadd(t, "-1ns")` moves to the previous second exactly.
struct RFC3339Timestamp: Equatable, Sendable, Comparable {
  /// Whole seconds since 1970-01-01T00:00:00Z.
  var seconds: Int
  /// 0 ..< 1_000_000_000.
  var nanoseconds: Int
  /// Seconds east of UTC.
  var offset: Int

  init(seconds: Int, nanoseconds: Int, offset: Int) {
    self.seconds = seconds
    self.nanoseconds = nanoseconds
    self.offset = offset
  }

  /// The instant `date` (to the nanosecond `Date` can hold), written with `offset`.
  init(date: Date, offset: Int) {
    let interval = date.timeIntervalSince1970
    let whole = interval.rounded(.down)
    let safe = whole.isFinite && abs(whole) < 1e15
    self.seconds = safe ? Int(whole) : 0
    self.nanoseconds = safe ? min(999_999_999, Int(((interval - whole) * 1e9).rounded())) : 0
    self.offset = offset
  }

  var date: Date {
    Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(nanoseconds) / 1e9)
  }

  static func < (a: RFC3339Timestamp, b: RFC3339Timestamp) -> Bool {
    (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
  }

  /// This instant moved by `nanoseconds` (any sign), keeping the offset; nil beyond ±10^15 s.
  func adding(nanoseconds delta: Int) -> RFC3339Timestamp? {
    let total = nanoseconds + delta % 1_000_000_000
    var result = self
    result.seconds += delta / 1_000_000_000 + (total < 0 ? -1 : total >= 1_000_000_000 ? 1 : 0)
    result.nanoseconds = (total % 1_000_000_000 + 1_000_000_000) % 1_000_000_000
    return abs(result.seconds) < 1_000_000_000_000_000 ? result : nil
  }

  static func parse(_ text: String) -> RFC3339Timestamp? {
    let b = Array(text.utf8)
    func number(_ start: Int, _ count: Int) -> Int? {
      guard start + count <= b.count else { return nil }
      var value = 0
      for byte in b[start..<start + count] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    func at(_ i: Int, _ c: Character) -> Bool { i < b.count && b[i] == c.asciiValue }
    guard let year = number(0, 4), at(4, "-"), let month = number(5, 2), at(7, "-"),
      let day = number(8, 2), at(10, "T") || at(10, "t"), let hour = number(11, 2), at(13, ":"),
      let minute = number(14, 2), at(16, ":"), let second = number(17, 2)
    else { return nil }
    var i = 19
    var nanoseconds = 0
    if at(i, ".") {
      i += 1
      var digits = 0
      while i < b.count, b[i] >= 48 && b[i] <= 57 {
        if digits < 9 { nanoseconds = nanoseconds * 10 + Int(b[i] - 48) }
        digits += 1
        i += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
    }
    var offset = 0
    if at(i, "Z") || at(i, "z") {
      i += 1
    } else if at(i, "+") || at(i, "-") {
      guard let h = number(i + 1, 2), at(i + 3, ":"), let m = number(i + 4, 2), h < 24, m < 60
      else { return nil }
      offset = (h * 3600 + m * 60) * (at(i, "-") ? -1 : 1)
      i += 6
    } else {
      return nil
    }
    guard i == b.count, (1...12).contains(month), hour < 24, minute < 60, second < 60,
      day >= 1, day <= daysIn(month: month, year: year)
    else { return nil }
    let days = CivilDate.days(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
    return RFC3339Timestamp(seconds: seconds, nanoseconds: nanoseconds, offset: offset)
  }

  /// `2006-01-02T15:04:05Z07:00`, seconds truncated, in the timestamp's own offset.
  var formatted: String {
    let f = fields
    var text = pad(f.year, 4) + "-" + pad(f.month, 2) + "-" + pad(f.day, 2) + "T" + pad(f.hour, 2)
    text += ":" + pad(f.minute, 2) + ":" + pad(f.second, 2)
    if offset == 0 { return text + "Z" }
    let magnitude = abs(offset)
    return text + (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":"
      + pad(magnitude % 3600 / 60, 2)
  }

  /// The calendar fields as seen in the timestamp's own offset (proleptic Gregorian, as Go).
  var fields: CivilDate.Fields {
    CivilDate.fields(secondsSinceEpoch: seconds + offset)
  }

  private func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(abs(n))
    let padded =
      digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return n < 0 ? "-" + padded : padded
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}
