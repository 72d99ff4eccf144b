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
  static func parse(_ text: String) -> RFC3339Timestamp? {
    try? RFC3339Parser.parse(text).get()
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
}
