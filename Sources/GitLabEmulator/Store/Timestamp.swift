import Foundation

/// GitLab's wire format for instants: ISO-8601 UTC with milliseconds
/// (`2026-11-24T08:00:00.000Z`), and the parser for the date-times clients send.
enum Timestamp {
  /// Formats `date` as `YYYY-MM-DDTHH:MM:SS.mmmZ`; milliseconds are truncated, as Ruby does.
  static func format(_ date: Date) -> String {
    let totalMilliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    let milliseconds = ((totalMilliseconds % 1000) + 1000) % 1000
    let totalSeconds = (totalMilliseconds - milliseconds) / 1000
    let secondsOfDay = ((totalSeconds % 86_400) + 86_400) % 86_400
    let day = CalendarDay(daysSinceEpoch: (totalSeconds - secondsOfDay) / 86_400)
    return String(
      format: "%@T%02d:%02d:%02d.%03dZ", day.description, secondsOfDay / 3600,
      secondsOfDay % 3600 / 60, secondsOfDay % 60, milliseconds)
  }

  /// RFC 1123 date for HTTP headers (`RateLimit-ResetTime`).
  static func httpDate(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let secondsOfDay = ((seconds % 86_400) + 86_400) % 86_400
    let days = (seconds - secondsOfDay) / 86_400
    let (year, month, day) = CalendarDay.civil(days)
    let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return String(
      format: "%@, %02d %@ %04d %02d:%02d:%02d GMT", weekdays[((days % 7) + 7) % 7], day,
      months[month - 1], year, secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60)
  }

  /// Parses `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
  /// Returns nil for anything else.
  static func parse(_ text: String) -> Date? {
    let characters = Array(text)
    guard characters.count >= 10, let day = CalendarDay(parsing: String(characters[0..<10]))
    else { return nil }
    if characters.count == 10 { return day.start }
    guard characters.count >= 19, characters[10] == "T" || characters[10] == " ",
      characters[13] == ":", characters[16] == ":",
      let hour = number(characters[11..<13]), let minute = number(characters[14..<16]),
      let second = number(characters[17..<19]), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if index < characters.count, characters[index] == "." {
      let start = index + 1
      index = start
      while index < characters.count, characters[index].isASCII, characters[index].isNumber {
        index += 1
      }
      guard index > start, let digits = Double("0." + String(characters[start..<index]))
      else { return nil }
      fraction = digits
    }
    var offset = 0
    let zone = String(characters[index...])
    if zone == "Z" || zone == "z" {
      offset = 0
    } else if zone.count == 6, let sign = zone.first, sign == "+" || sign == "-",
      Array(zone)[3] == ":", let hours = number(Array(zone)[1..<3]),
      let minutes = number(Array(zone)[4..<6])
    {
      offset = (sign == "+" ? 1 : -1) * (hours * 3600 + minutes * 60)
    } else {
      return nil
    }
    let seconds = Double(day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset)
    return Date(timeIntervalSince1970: seconds + fraction)
  }

  private static func number(_ characters: ArraySlice<Character>) -> Int? {
    guard characters.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(String(characters))
  }
}
