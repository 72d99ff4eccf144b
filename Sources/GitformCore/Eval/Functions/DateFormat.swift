import Foundation

/// The `formatdate` specification language: runs of letters are verbs (`YYYY`, `MMM`, `hh`,
/// `ZZZZZ`...), `'quoted text'` is literal (`''` is a quote), anything else is copied.
enum DateFormat {
  struct Failure: Error, Equatable {
    var message: String
  }

  /// Terraform's hint for a misspelt verb, by its letter.
  private static let hints: [Character: String] = [
    "Y": #"year must either be "YY" or "YYYY""#,
    "M": #"month must be "M", "MM", "MMM", or "MMMM""#,
    "D": #"day of month must either be "D" or "DD""#,
    "E": #"day of week must either be "EEE" or "EEEE""#,
    "h": #"24-hour must either be "h" or "hh""#,
    "H": #"12-hour must either be "H" or "HH""#,
    "A": #"must be "AA""#,
    "a": #"must be "aa""#,
    "m": #"minute must either be "m" or "mm""#,
    "s": #"second must either be "s" or "ss""#,
    "Z": "timezone must be Z, ZZZZ, or ZZZZZ",
  ]

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  private static let dayNames = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  ]

  static func format(_ spec: String, _ timestamp: RFC3339Timestamp) -> Result<String, Failure> {
    let c = timestamp.fields
    let (year, month, day) = (c.year, c.month, c.day)
    let (hour, minute, second) = (c.hour, c.minute, c.second)
    let weekday = c.weekday
    let hour12 = hour % 12 == 0 ? 12 : hour % 12
    let characters = Array(spec)
    var out = ""
    var i = 0
    while i < characters.count {
      let ch = characters[i]
      if ch == "'" {
        // Quoted literal; `''` inside or outside quotes is one apostrophe.
        if i + 1 < characters.count, characters[i + 1] == "'" {
          out.append("'")
          i += 2
          continue
        }
        i += 1
        while i < characters.count {
          if characters[i] == "'" {
            if i + 1 < characters.count, characters[i + 1] == "'" {
              out.append("'")
              i += 2
              continue
            }
            break
          }
          out.append(characters[i])
          i += 1
        }
        guard i < characters.count else {
          return .failure(Failure(message: "unterminated literal '"))
        }
        i += 1
        continue
      }
      guard ch.isASCII, ch.isLetter else {
        out.append(ch)
        i += 1
        continue
      }
      var j = i
      while j < characters.count, characters[j] == ch { j += 1 }
      let verb = String(characters[i..<j])
      i = j
      switch verb {
      case "YYYY": out += pad(year, 4)
      case "YY": out += pad(year % 100, 2)
      case "MMMM": out += monthNames[(month - 1) % 12]
      case "MMM": out += String(monthNames[(month - 1) % 12].prefix(3))
      case "MM": out += pad(month, 2)
      case "M": out += String(month)
      case "DD": out += pad(day, 2)
      case "D": out += String(day)
      case "EEEE": out += dayNames[weekday % 7]
      case "EEE": out += String(dayNames[weekday % 7].prefix(3))
      case "hh": out += pad(hour, 2)
      case "h": out += String(hour)
      case "HH": out += pad(hour12, 2)
      case "H": out += String(hour12)
      case "AA": out += hour < 12 ? "AM" : "PM"
      case "aa": out += hour < 12 ? "am" : "pm"
      case "mm": out += pad(minute, 2)
      case "m": out += String(minute)
      case "ss": out += pad(second, 2)
      case "s": out += String(second)
      case "ZZZZZ": out += offset(timestamp.offset, colon: true)
      case "ZZZZ": out += offset(timestamp.offset, colon: false)
      case "ZZZ": out += timestamp.offset == 0 ? "UTC" : offset(timestamp.offset, colon: false)
      case "Z": out += timestamp.offset == 0 ? "Z" : offset(timestamp.offset, colon: true)
      default:
        var message = "invalid date format verb \(Value.quoted(verb))"
        if let hint = hints[ch] { message += ": " + hint }
        return .failure(Failure(message: message))
      }
    }
    return .success(out)
  }

  private static func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

  private static func offset(_ seconds: Int, colon: Bool) -> String {
    let sign = seconds < 0 ? "-" : "+"
    let magnitude = abs(seconds)
    return sign + pad(magnitude / 3600, 2) + (colon ? ":" : "") + pad(magnitude % 3600 / 60, 2)
  }
}
