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

  /// The timestamp, or nil when `text` is not RFC 3339 (see `RFC3339Parser` for why).
  static func parse(_ text: String, _ dialect: RFC3339Parser.Dialect = .rfc3339) -> RFC3339Timestamp? {
    try? RFC3339Parser.parse(text, dialect).get()
  }

  /// `2006-01-02T15:04:05Z07:00`, seconds truncated, in the timestamp's own offset.
  var formatted: String {
    dateAndTime(separator: "T") + (offset == 0 ? "Z" : zone(colon: true))
  }

  /// Go's `time.RFC3339Nano`: `formatted` with the nanoseconds, trailing zeros dropped
  /// (`2026-11-22T11:45:56.5Z`), none when they are zero; as Terraform writes a lock's `Created`.
  var formattedNano: String {
    dateAndTime(separator: "T") + fraction + (offset == 0 ? "Z" : zone(colon: true))
  }

  /// Go's `Time.String()`: `2026-11-22 11:45:56.778059166 +0000 UTC`, the form Terraform's lock
  /// messages show `Created` in (a zone without a name is shown by its offset twice).
  var goDescription: String {
    let zone = zone(colon: false)
    return dateAndTime(separator: " ") + fraction + " " + zone + " " + (offset == 0 ? "UTC" : zone)
  }

  /// `2006-01-02T15:04:05` with `separator` for the `T`.
  private func dateAndTime(separator: String) -> String {
    let f = fields
    var text = pad(f.year, 4) + "-" + pad(f.month, 2) + "-" + pad(f.day, 2) + separator + pad(f.hour, 2)
    text += ":" + pad(f.minute, 2) + ":" + pad(f.second, 2)
    return text
  }

  /// The offset as `+05:30` (or `+0530`).
  private func zone(colon: Bool) -> String {
    let magnitude = abs(offset)
    return (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + (colon ? ":" : "") + pad(magnitude % 3600 / 60, 2)
  }

  /// `.` and the nanoseconds without trailing zeros, or nothing when there are none.
  private var fraction: String {
    guard nanoseconds > 0 else { return "" }
    var digits = Array(pad(nanoseconds, 9))
    while digits.last == "0" { digits.removeLast() }
    return "." + String(digits)
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
}
