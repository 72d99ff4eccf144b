/// Percent-encoding for route segments and query strings, stricter than Foundation's defaults.
///
/// Only RFC 3986 unreserved characters other than `.` pass through: `/` must become `%2F` inside
/// a full path, and `.` becomes `%2E` as go-gitlab sends it, so that `group/my.project` can never
/// be read as a format suffix. Query names and values are encoded the same way, which turns
/// `filter[environment_scope]` into `filter%5Benvironment_scope%5D` as python-gitlab sends it.
enum GitLabURLEncoding {
  static func pathSegment(_ text: String) -> String {
    encode(text, keepingDot: false)
  }

  static func queryComponent(_ text: String) -> String {
    encode(text, keepingDot: true)
  }

  /// `name=value&…` in the given order.
  static func query(_ items: [(name: String, value: String)]) -> String {
    items.map { "\(queryComponent($0.name))=\(queryComponent($0.value))" }.joined(separator: "&")
  }

  private static func encode(_ text: String, keepingDot: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: ".") where keepingDot:
        result.append(".")
      default:
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        result.append("%")
        result.unicodeScalars.append(hex[Int(byte >> 4)])
        result.unicodeScalars.append(hex[Int(byte & 0x0F)])
      }
    }
    return result
  }
}
