/// Go's `time.RFC3339` layout (`2006-01-02T15:04:05Z07:00`) read field by field, so a bad
/// timestamp is explained the way Terraform explains it: `cannot use "x" as year`, `end of
/// string before UTC offset`, `hour must be between 0 and 23 inclusive`, `day out of range`.
///
/// The engine's one timestamp parser: Terraform's time functions and `plantimestamp` read
/// `.rfc3339`, GitLab's answers (`created_at`, `last_used_at`) and the pending-create records
/// in state read `.gitLab`, the state lock's `Created` reads `.rfc3339`, `yamldecode`'s
/// timestamps read `.yaml`.
struct RFC3339Parser {
  /// Which forms are accepted besides Go's `time.RFC3339`.
  enum Dialect: Sendable {
    /// Exactly Go's layout, as Terraform's functions parse it.
    case rfc3339
    /// The ISO 8601 forms GitLab and the proxies in front of it write: also a space for the
    /// `T`, a UTC offset without its colon (`+0130`) and a leap second (`:60`).
    case gitLab
    /// The layouts go-cty-yaml tries for a YAML timestamp: one- or two-digit month, day, hour,
    /// minute and second; a date alone (midnight UTC); a space instead of the `T` with no zone
    /// (UTC); the zone only as `Z` or `±HH:MM`.
    case yaml
  }

  /// Why a text is not a timestamp, worded to follow "not a valid RFC3339 timestamp: ".
  struct Failure: Error, Equatable {
    var reason: String
  }

  private let bytes: [UInt8]
  private let dialect: Dialect
  private var position = 0

  private init(_ text: String, _ dialect: Dialect) {
    bytes = Array(text.utf8)
    self.dialect = dialect
  }

  static func parse(_ text: String, _ dialect: Dialect = .rfc3339) -> Result<RFC3339Timestamp, Failure> {
    var parser = RFC3339Parser(text, dialect)
    do {
      return .success(try parser.timestamp())
    } catch let failure as Failure {
      return .failure(failure)
    } catch {
      return .failure(Failure(reason: "\(error)"))
    }
  }

  /// The unread rest of the text: what Go calls the value element.
  private var rest: String { String(decoding: bytes[min(position, bytes.count)...], as: UTF8.self) }

  private mutating func timestamp() throws -> RFC3339Timestamp {
    let year = try field(4, "year")
    try separator("-")
    let short = dialect == .yaml
    let month = try field(2, "month", short: short)
    guard (1...12).contains(month) else {
      throw Failure(reason: "cannot use \(quoted(rest)) as month")
    }
    try separator("-")
    let day = try field(2, "day of month", short: short)
    if short, position == bytes.count {
      return try Self.timestamp(year, month, day, 0, 0, 0, nanoseconds: 0, offset: 0)
    }
    guard position < bytes.count,
      bytes[position] == UInt8(ascii: "T") || bytes[position] == UInt8(ascii: "t")
        || (dialect != .rfc3339 && bytes[position] == UInt8(ascii: " "))
    else { throw Failure(reason: "missing required time introducer 'T'") }
    let zoned = dialect != .yaml || bytes[position] != UInt8(ascii: " ")
    position += 1
    let hour = try field(2, "hour", short: short)
    guard hour < 24 else { throw Failure(reason: "hour must be between 0 and 23 inclusive") }
    try separator(":")
    let minute = try field(2, "minute", short: short)
    guard minute < 60 else { throw Failure(reason: "minute must be between 0 and 59 inclusive") }
    try separator(":")
    let second = try field(2, "second", short: short)
    guard second < 60 || (dialect == .gitLab && second == 60) else {
      throw Failure(reason: "second must be between 0 and 59 inclusive")
    }
    let nanoseconds = fraction()
    let offset = zoned ? try utcOffset() : 0
    guard position == bytes.count else {
      throw Failure(reason: "extra text: \(quoted(rest))")
    }
    return try Self.timestamp(year, month, day, hour, minute, second, nanoseconds: nanoseconds, offset: offset)
  }

  /// The instant of a date and time at `offset`, once the day is known to exist in its month.
  private static func timestamp(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int,
    nanoseconds: Int, offset: Int
  ) throws -> RFC3339Timestamp {
    guard day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
      throw Failure(reason: "day out of range")
    }
    let days = CivilDate.days(year: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
    return RFC3339Timestamp(seconds: seconds, nanoseconds: nanoseconds, offset: offset)
  }

  /// Exactly `count` digits; with `short`, one digit when no second one follows (Go's `1`,
  /// `2`, `15`, `4`, `5` layout elements).
  private mutating func field(_ count: Int, _ name: String, short: Bool = false) throws -> Int {
    guard position < bytes.count else { throw Failure(reason: "end of string before \(name)") }
    var count = count
    if short, bytes[position] >= 48 && bytes[position] <= 57,
      position + 1 == bytes.count || !(bytes[position + 1] >= 48 && bytes[position + 1] <= 57)
    {
      count = 1
    }
    guard position + count <= bytes.count,
      bytes[position..<position + count].allSatisfy({ $0 >= 48 && $0 <= 57 })
    else { throw Failure(reason: "cannot use \(quoted(rest)) as \(name)") }
    let value = bytes[position..<position + count].reduce(0) { $0 * 10 + Int($1 - 48) }
    position += count
    return value
  }

  private mutating func separator(_ character: Character) throws {
    // Messages are built only on failure: this runs for every timestamp.
    var expected: String { quoted(String(character)) }
    guard position < bytes.count else {
      throw Failure(reason: "end of string where \(expected) is expected")
    }
    guard bytes[position] == character.asciiValue else {
      throw Failure(reason: "found \(quoted(rest)) where \(expected) is expected")
    }
    position += 1
  }

  /// `.digits`, kept to nanoseconds; absent means zero.
  private mutating func fraction() -> Int {
    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."),
      bytes[position + 1] >= 48 && bytes[position + 1] <= 57
    else { return 0 }
    position += 1
    var nanoseconds = 0
    var digits = 0
    while position < bytes.count, bytes[position] >= 48 && bytes[position] <= 57 {
      if digits < 9 { nanoseconds = nanoseconds * 10 + Int(bytes[position] - 48) }
      digits += 1
      position += 1
    }
    for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
    return nanoseconds
  }

  /// `Z` or `±HH:MM`, in seconds east of UTC.
  private mutating func utcOffset() throws -> Int {
    guard position < bytes.count else { throw Failure(reason: "end of string before UTC offset") }
    if bytes[position] == UInt8(ascii: "Z") || (dialect != .yaml && bytes[position] == UInt8(ascii: "z")) {
      position += 1
      return 0
    }
    let b = bytes
    let p = position
    func digit(_ i: Int) -> Int? { i < b.count && b[i] >= 48 && b[i] <= 57 ? Int(b[i] - 48) : nil }
    guard b[p] == UInt8(ascii: "+") || b[p] == UInt8(ascii: "-"), let h1 = digit(p + 1),
      let h2 = digit(p + 2)
    else { throw Failure(reason: "cannot use \(quoted(rest)) as UTC offset") }
    // `+01:30`, or in GitLab's dialect also `+0130`.
    let colon = p + 3 < b.count && b[p + 3] == UInt8(ascii: ":") ? 1 : 0
    guard colon == 1 || dialect == .gitLab, let m1 = digit(p + 3 + colon), let m2 = digit(p + 4 + colon),
      h1 * 10 + h2 < 24, m1 * 10 + m2 < 60
    else { throw Failure(reason: "cannot use \(quoted(rest)) as UTC offset") }
    position += 5 + colon
    let seconds = (h1 * 10 + h2) * 3_600 + (m1 * 10 + m2) * 60
    return b[p] == UInt8(ascii: "-") ? -seconds : seconds
  }

  /// Text from the input in a message, spelled as `Value` writes strings.
  private func quoted(_ text: String) -> String { StringQuoting.quote(text, .value) }
}
