import Foundation
import Glibc

/// A minimal keep-alive HTTP/1.1 client over one loopback socket, for the load benchmark:
/// sends a request and reads one Content-Length-framed response.
final class LoadClient {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var scratch = [UInt8](repeating: 0, count: 16 * 1024)

  init?(port: Int) {
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
    guard fd >= 0, status == 0 else {
      close(fd)
      return nil
    }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }

  deinit { close(fd) }

  /// Sends `request` and returns the response's status, or nil when the exchange failed.
  func exchange(_ request: [UInt8]) -> Int? {
    let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    guard sent == request.count else { return nil }
    var headEnd: Int?
    while true {
      headEnd = endOfHead()
      if headEnd != nil { break }
      guard fill() else { return nil }
    }
    guard let end = headEnd else { return nil }
    let head = String(decoding: buffer[0..<end], as: UTF8.self)
    let lines = head.components(separatedBy: "\r\n")
    let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    let length = lines.dropFirst().compactMap { line -> Int? in
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
      return Int(parts[1].trimmingCharacters(in: .whitespaces))
    }.first ?? 0
    while buffer.count < end + 4 + length { guard fill() else { return nil } }
    buffer.removeFirst(end + 4 + length)
    return status
  }

  private func endOfHead() -> Int? {
    guard buffer.count >= 4 else { return nil }
    for index in 0...(buffer.count - 4)
    where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13
      && buffer[index + 3] == 10
    {
      return index
    }
    return nil
  }

  private func fill() -> Bool {
    let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return false }
    buffer += scratch[0..<count]
    return true
  }
}
