import Foundation
import Glibc

/// Thin wrappers over the BSD socket calls the server needs, so the rest of the folder reads
/// as HTTP rather than as C. Every call retries on EINTR; none of them raises SIGPIPE.
enum Socket {
  static let streamType = Int32(SOCK_STREAM.rawValue)
  /// MSG_NOSIGNAL: a peer that hung up yields EPIPE instead of killing the process.
  static let sendFlags = Int32(MSG_NOSIGNAL)

  /// A listening TCP socket bound to `host:port` (an IPv4 or IPv6 literal, or "localhost").
  static func makeListener(host: String, port: Int, backlog: Int32) throws -> Int32 {
    guard (0...65535).contains(port) else {
      throw HTTPServerError(operation: "port \(port) is outside 0-65535", code: 0)
    }
    let literal = host == "localhost" ? "127.0.0.1" : host
    var v4 = sockaddr_in()
    var v6 = sockaddr_in6()
    let family: Int32
    if inet_pton(AF_INET, literal, &v4.sin_addr) == 1 {
      family = AF_INET
      v4.sin_family = sa_family_t(AF_INET)
      v4.sin_port = in_port_t(UInt16(port).bigEndian)
    } else if inet_pton(AF_INET6, literal, &v6.sin6_addr) == 1 {
      family = AF_INET6
      v6.sin6_family = sa_family_t(AF_INET6)
      v6.sin6_port = in_port_t(UInt16(port).bigEndian)
    } else {
      throw HTTPServerError(operation: "host \(host) is not an IP address", code: 0)
    }
    let fd = socket(family, streamType, 0)
    guard fd >= 0 else { throw HTTPServerError(operation: "socket", code: errno) }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    let bound: Int32 =
      family == AF_INET
      ? withUnsafePointer(to: &v4) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      : withUnsafePointer(to: &v6) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
      }
    guard bound == 0 else {
      let code = errno
      close(fd)
      throw HTTPServerError(operation: "bind \(host):\(port)", code: code)
    }
    guard listen(fd, backlog) == 0 else {
      let code = errno
      close(fd)
      throw HTTPServerError(operation: "listen \(host):\(port)", code: code)
    }
    return fd
  }

  /// The port the kernel gave a bound socket (the real one when 0 was asked for).
  static func localPort(_ fd: Int32) -> Int {
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let status = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard status == 0 else { return 0 }
    let family = Int32(storage.ss_family)
    return withUnsafePointer(to: &storage) { pointer -> Int in
      if family == AF_INET6 {
        return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
          Int(UInt16(bigEndian: $0.pointee.sin6_port))
        }
      }
      return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
        Int(UInt16(bigEndian: $0.pointee.sin_port))
      }
    }
  }

  /// Waits until `fd` is readable or `timeout` seconds pass; false on timeout.
  /// A hang-up or error counts as readable, so the following read reports it.
  static func waitReadable(_ fd: Int32, timeout: TimeInterval) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(max(0, min(timeout * 1000, Double(Int32.max))))
    while true {
      let ready = poll(&entry, 1, milliseconds)
      if ready > 0 { return true }
      if ready == 0 { return false }
      if errno != EINTR { return true }
    }
  }

  /// Reads what is available into `scratch` and appends it to `buffer`; 0 means end of
  /// stream, -1 an error.
  static func receive(_ fd: Int32, into buffer: inout [UInt8], scratch: inout [UInt8]) -> Int {
    while true {
      let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if count > 0 { buffer.append(contentsOf: scratch[0..<count]) }
      if count >= 0 { return count }
      if errno != EINTR { return -1 }
    }
  }

  /// "address:port" of a peer, for logs.
  static func describe(_ storage: sockaddr_storage) -> String {
    var copy = storage
    var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
    return withUnsafePointer(to: &copy) { pointer -> String in
      if Int32(storage.ss_family) == AF_INET6 {
        return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
          var raw = address.pointee.sin6_addr
          inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count))
          return "[\(String(cString: text))]:\(UInt16(bigEndian: address.pointee.sin6_port))"
        }
      }
      return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
        var raw = address.pointee.sin_addr
        inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
        return "\(String(cString: text)):\(UInt16(bigEndian: address.pointee.sin_port))"
      }
    }
  }

  /// Writes all of `bytes`; false when the peer is gone or the send timed out.
  static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let sent = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return send(fd, base + offset, raw.count - offset, sendFlags)
      }
      if sent > 0 {
        offset += sent
      } else if sent < 0 && errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// Bounds how long a blocked send may wait for a peer that stopped reading.
  static func setSendTimeout(_ fd: Int32, seconds: TimeInterval) {
    var value = timeval(
      tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
  }

  /// Disables Nagle's algorithm: responses are written whole, so waiting only adds latency.
  static func setNoDelay(_ fd: Int32) {
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
  }
}
