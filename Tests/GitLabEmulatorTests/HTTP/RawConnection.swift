import Foundation
import Glibc
import XCTest

/// A response as read off the wire by `RawConnection`.
struct RawResponse {
  var statusLine: String
  var headers: [(name: String, value: String)]
  var body: Data

  var status: Int { Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0 }
  var bodyText: String { String(decoding: body, as: UTF8.self) }

  func header(_ name: String) -> String? {
    headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
  }
}

/// A blocking TCP client for server tests: writes exact bytes, reads responses framed by
/// Content-Length. Reads give up after five seconds, so a broken server fails a test
/// instead of hanging it.
final class RawConnection {
  let fd: Int32
  private var buffer: [UInt8] = []

  init(port: Int, file: StaticString = #filePath, line: UInt = #line) throws {
    fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let status = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard status == 0 else {
      close(fd)
      throw RawConnectionError.connectFailed(errno)
    }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  deinit { close(fd) }

  func send(_ text: String) { send(Array(text.utf8)) }

  func send(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes {
        Glibc.send(fd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
      }
      if sent <= 0 { return }
      offset += sent
    }
  }

  /// Reads one response; `bodyless` for answers to HEAD.
  func readResponse(bodyless: Bool = false) throws -> RawResponse {
    var headEnd: Int?
    while headEnd == nil {
      headEnd = findHeadEnd()
      if headEnd == nil { guard try fill() else { throw RawConnectionError.closed } }
    }
    let end = headEnd ?? 0
    let lines = String(decoding: buffer[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
    buffer.removeFirst(end + 4)
    let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    var response = RawResponse(statusLine: lines[0], headers: headers, body: Data())
    let length = bodyless ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
    while buffer.count < length { guard try fill() else { throw RawConnectionError.closed } }
    response.body = Data(buffer[0..<length])
    buffer.removeFirst(length)
    return response
  }

  /// Everything until the server closes the connection (or five seconds pass).
  func readToEnd() -> [UInt8] {
    while (try? fill()) == true {}
    defer { buffer.removeAll() }
    return buffer
  }

  /// True when the server has closed: a read returns end of stream rather than data.
  func isClosedByServer() -> Bool {
    (try? fill()) == false && buffer.isEmpty
  }

  /// Whether the server sends anything within `seconds`.
  func receivesData(within seconds: Double) -> Bool {
    if !buffer.isEmpty { return true }
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, Int32(seconds * 1000)) > 0
  }

  private func findHeadEnd() -> Int? {
    guard buffer.count >= 4 else { return nil }
    for index in 0...(buffer.count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
      && buffer[index + 3] == 10
    {
      return index
    }
    return nil
  }

  /// Reads more bytes; false at end of stream, throws on error or timeout.
  private func fill() throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    if count < 0 { throw RawConnectionError.readFailed(errno) }
    buffer += chunk[0..<count]
    return count > 0
  }
}

enum RawConnectionError: Error {
  case connectFailed(Int32)
  case readFailed(Int32)
  case closed
}
