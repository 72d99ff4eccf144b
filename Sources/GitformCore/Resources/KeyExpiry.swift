import Foundation

/// An SSH key's `expires_at`: GitLab takes a date or a time and answers with a timestamp
/// (`2027-01-31T00:00:00.000Z`), so the configured spelling and GitLab's are compared as
/// instants, not as text.
enum KeyExpiry {
  /// The instant `text` names: a date is its midnight UTC, as GitLab's `DateTime` reads it.
  static func instant(_ text: String) -> Date? {
    if text.count == 10, let day = CalendarDate(text) {
      return day.startOfDayUTC
    }
    return GitLabJSON.parseTimestamp(text)
  }

  static func sameInstant(_ a: String, _ b: String) -> Bool {
    guard let x = instant(a), let y = instant(b) else { return false }
    return abs(x.timeIntervalSince(y)) < 0.001
  }

  /// RFC 3339 in UTC, whole seconds: `2027-01-31T00:00:00Z`.
  static func format(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = CalendarDate(utcDayOf: date)
    let rest = seconds - day.daysSinceEpoch * 86_400
    return "\(day)T" + [rest / 3600, rest % 3600 / 60, rest % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
      .joined(separator: ":") + "Z"
  }
}
