import Foundation

/// How the body of a request is delimited on the wire.
enum BodyFraming: Equatable {
  /// `Content-Length: n` (0 when neither length nor coding is given).
  case length(Int)
  /// `Transfer-Encoding: chunked`.
  case chunked
}

/// The request line and header fields of one request, validated as RFC 9112 asks of a
/// server: anything it rejects is answered with 400 and the connection is closed, because
/// after a framing error the server can no longer tell where the next request begins.
struct HTTPRequestHead: Equatable {
  var method: String
  /// The request target as sent (origin form, absolute form or `*`).
  var target: String
  /// 0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x minors, which are read as 1.1).
  var minorVersion: Int
  var headers: [HeaderField]

  struct HeaderField: Equatable {
    var name: String
    var value: String
  }

  /// Parses the request line and the header lines (without the empty line that ends them).
  init(requestLine: [UInt8], headerLines: [[UInt8]]) throws {
    let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
    guard parts.count == 3 else { throw RequestReadFailure.malformed("request line") }
    guard parts[0].allSatisfy(HTTPRequestHead.isTokenByte) else {
      throw RequestReadFailure.malformed("method")
    }
    guard parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
      throw RequestReadFailure.malformed("request target")
    }
    let version = String(decoding: parts[2], as: UTF8.self)
    guard version.count == 8, version.hasPrefix("HTTP/1."), let minor = Int(version.suffix(1))
    else { throw RequestReadFailure.malformed("version") }
    method = String(decoding: parts[0], as: UTF8.self)
    target = String(decoding: parts[1], as: UTF8.self)
    minorVersion = min(minor, 1)
    guard target.hasPrefix("/") || target.lowercased().hasPrefix("http://")
      || target.lowercased().hasPrefix("https://") || (target == "*" && method == "OPTIONS")
    else { throw RequestReadFailure.malformed("request target") }
    headers = try headerLines.map(HTTPRequestHead.parseField)
    if minorVersion >= 1 && values(of: "Host").count != 1 {
      throw RequestReadFailure.malformed("Host")
    }
  }

  /// Parses `name: value`; no space before the colon, no line folding, no control bytes.
  static func parseField(_ line: [UInt8]) throws -> HeaderField {
    guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
      line[..<colon].allSatisfy(isTokenByte)
    else { throw RequestReadFailure.malformed("header field") }
    var value = line[(colon + 1)...]
    while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
    while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
    guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
      throw RequestReadFailure.malformed("header value")
    }
    return HeaderField(
      name: String(decoding: line[..<colon], as: UTF8.self),
      value: String(decoding: value, as: UTF8.self))
  }

  /// RFC 9110 `tchar`: what a method or a field name may be made of.
  static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    default:
      return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
  }

  // MARK: - Reading the fields

  /// Every value of a field, in arrival order, matched case-insensitively.
  func values(of name: String) -> [String] {
    headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
  }

  /// The comma-separated elements of every value of a list field, trimmed and lower-cased.
  func listElements(of name: String) -> [String] {
    values(of: name).flatMap { $0.split(separator: ",") }
      .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      .filter { !$0.isEmpty }
  }

  /// Whether the connection stays open after this request: HTTP/1.1 unless `close` is asked
  /// for, HTTP/1.0 only when `keep-alive` is.
  var keepAlive: Bool {
    let options = listElements(of: "Connection")
    return minorVersion >= 1 ? !options.contains("close") : options.contains("keep-alive")
  }

  /// Whether the client waits for `100 Continue` before sending the body.
  var expectsContinue: Bool {
    minorVersion >= 1 && listElements(of: "Expect").contains("100-continue")
  }

  /// How the body is delimited. Both a length and a coding, conflicting lengths or a coding
  /// other than plain `chunked` are refused: they are how request smuggling starts.
  func bodyFraming(maxBodyBytes: Int) throws -> BodyFraming {
    let codings = listElements(of: "Transfer-Encoding")
    let lengths = values(of: "Content-Length").flatMap { $0.split(separator: ",") }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    if !codings.isEmpty {
      guard codings == ["chunked"], lengths.isEmpty else {
        throw RequestReadFailure.malformed("Transfer-Encoding")
      }
      return .chunked
    }
    guard let first = lengths.first else { return .length(0) }
    guard lengths.allSatisfy({ $0 == first }), first.count <= 18,
      first.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let length = Int(first)
    else { throw RequestReadFailure.malformed("Content-Length") }
    guard length <= maxBodyBytes else { throw RequestReadFailure.malformed("body too large") }
    return .length(length)
  }

  /// The raw path (still percent-encoded) and the raw query, from any target form.
  var pathAndQuery: (path: String, query: String?) {
    var rest = Substring(target)
    if let scheme = rest.range(of: "://") {
      let afterAuthority = rest[scheme.upperBound...]
      rest = afterAuthority.firstIndex(where: { $0 == "/" || $0 == "?" })
        .map { afterAuthority[$0...] } ?? ""
    }
    let path: Substring
    let query: String?
    if let mark = rest.firstIndex(of: "?") {
      path = rest[..<mark]
      query = String(rest[rest.index(after: mark)...])
    } else {
      path = rest
      query = nil
    }
    return (path.isEmpty ? "/" : String(path), query)
  }
}
