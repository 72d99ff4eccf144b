import Foundation

/// How GitLab's JSON is read: its timestamps and the decoder configured for them.
enum GitLabJSON {
  /// A decoder for GitLab entities: timestamps as GitLab writes them (`2020-10-14T11:58:53.526Z`).
  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = parseTimestamp(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "expected an ISO 8601 timestamp")
      }
      return date
    }
    return decoder
  }

  /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM)`, the ISO 8601 forms GitLab and its
  /// proxies produce; nil for anything else. Hand-written because a refresh decodes thousands of
  /// them and `ISO8601DateFormatter` is neither cheap nor shareable across threads.
  static func parseTimestamp(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20, let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
      bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
      bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
      let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2),
      let second = digits(bytes, 17, 2), hour < 24, minute < 60, second < 61
    else { return nil }
    var index = 19
    var fraction = 0.0
    if bytes[index] == UInt8(ascii: ".") {
      index += 1
      var scale = 0.1
      let start = index
      while index < bytes.count, let digit = digits(bytes, index, 1) {
        fraction += Double(digit) * scale
        scale /= 10
        index += 1
      }
      guard index > start else { return nil }
    }
    guard index < bytes.count else { return nil }
    var offset = 0
    switch bytes[index] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      guard index + 1 == bytes.count else { return nil }
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
      let rest = Array(bytes[(index + 1)...])
      let compact = rest.filter { $0 != UInt8(ascii: ":") }
      guard rest.count == 5 || rest.count == 4, compact.count == 4,
        let hours = digits(compact, 0, 2), let minutes = digits(compact, 2, 2)
      else { return nil }
      offset = sign * (hours * 3600 + minutes * 60)
    default:
      return nil
    }
    let seconds = Double(day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset)
    return Date(timeIntervalSince1970: seconds + fraction)
  }

  private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start + count <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[start..<(start + count)] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }
}
