import Foundation
import Glibc

extension HTTPResponse {
  /// Header names the server writes itself; the handler's values for them are ignored so
  /// that the framing on the wire is always the server's own.
  static let serverOwnedHeaders: Set<String> = [
    "content-length", "connection", "date", "transfer-encoding",
  ]

  /// The answer to a request the server could not parse, in GitLab's error shape.
  static let badRequest = HTTPResponse(
    status: 400, headers: [(name: "Content-Type", value: "application/json")],
    body: Data(#"{"message":"400 Bad request"}"#.utf8))

  /// The response as bytes on the wire. `includeBody` is false for HEAD; statuses that
  /// cannot have a body (1xx, 204, 304) never get one.
  func wireBytes(includeBody: Bool, keepAlive: Bool, date: Date = Date()) -> [UInt8] {
    let bodyless = (100..<200).contains(status) || status == 204 || status == 304
    var head = "HTTP/1.1 \(status) \(HTTPResponse.reasonPhrase(status))\r\n"
    for field in headers
    where !HTTPResponse.serverOwnedHeaders.contains(field.name.lowercased()) {
      head += "\(HTTPResponse.sanitized(field.name)): \(HTTPResponse.sanitized(field.value))\r\n"
    }
    if !bodyless { head += "Content-Length: \(body.count)\r\n" }
    head += "Date: \(HTTPResponse.imfFixdate(date))\r\n"
    head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
    var bytes = Array(head.utf8)
    if includeBody && !bodyless { bytes.append(contentsOf: body) }
    return bytes
  }

  /// Drops CR and LF so a header value can never start a new header line.
  /// Works on scalars: "\r\n" is a single Character in Swift.
  private static func sanitized(_ text: String) -> String {
    let isBreak = { (scalar: Unicode.Scalar) in scalar == "\r" || scalar == "\n" }
    guard text.unicodeScalars.contains(where: isBreak) else { return text }
    var clean = String.UnicodeScalarView()
    clean.append(contentsOf: text.unicodeScalars.filter { !isBreak($0) })
    return String(clean)
  }

  /// RFC 7231's preferred date format, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. Written by hand
  /// because DateFormatter is slow and the server formats one per response.
  static func imfFixdate(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let day = days[Int(parts.tm_wday) % 7]
    let month = months[Int(parts.tm_mon) % 12]
    return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
  }

  /// The standard reason phrase of a status code ("Unknown" for codes without one).
  static func reasonPhrase(_ status: Int) -> String {
    switch status {
    case 100: return "Continue"
    case 200: return "OK"
    case 201: return "Created"
    case 202: return "Accepted"
    case 204: return "No Content"
    case 301: return "Moved Permanently"
    case 302: return "Found"
    case 304: return "Not Modified"
    case 400: return "Bad Request"
    case 401: return "Unauthorized"
    case 403: return "Forbidden"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 409: return "Conflict"
    case 412: return "Precondition Failed"
    case 413: return "Content Too Large"
    case 415: return "Unsupported Media Type"
    case 422: return "Unprocessable Entity"
    case 423: return "Locked"
    case 429: return "Too Many Requests"
    case 500: return "Internal Server Error"
    case 501: return "Not Implemented"
    case 502: return "Bad Gateway"
    case 503: return "Service Unavailable"
    case 504: return "Gateway Timeout"
    default: return "Unknown"
    }
  }
}
