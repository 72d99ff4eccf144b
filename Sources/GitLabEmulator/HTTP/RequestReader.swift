import Foundation
import Glibc

/// Why reading a request stopped before it was complete.
enum RequestReadFailure: Error, Equatable {
  /// The peer closed the connection (or the server is stopping).
  case closed
  /// Nothing arrived for the idle timeout, or the request head missed its deadline.
  case timedOut
  /// The bytes are not HTTP/1.1; the reason is for logs and tests, never for the client.
  case malformed(String)
}

/// Buffered reading from one connection's socket: lines for the head and chunk sizes, exact
/// byte counts for bodies. Bytes read past the current request stay buffered for the next
/// one, which is what makes pipelining work.
struct RequestReader {
  let fd: Int32
  let idleTimeout: TimeInterval
  private var buffer: [UInt8] = []
  /// Index of the first unconsumed byte in `buffer`.
  private var start = 0
  private var scratch = [UInt8](repeating: 0, count: 16 * 1024)
  /// While set, no read waits past it: the whole request head must arrive by then, so a
  /// client that trickles one header byte per idle period cannot hold a connection forever.
  var deadline: Date?

  init(fd: Int32, idleTimeout: TimeInterval) {
    self.fd = fd
    self.idleTimeout = idleTimeout
  }

  /// Bytes received but not yet consumed.
  var bufferedCount: Int { buffer.count - start }

  /// Reads one line ending in LF (a preceding CR is dropped) and charges its length to
  /// `budget`, so that a peer can never make a line or a head grow without bound.
  mutating func readLine(budget: inout Int) throws -> [UInt8] {
    var searchFrom = start
    while true {
      if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
        let length = newline + 1 - start
        guard length <= budget else { throw RequestReadFailure.malformed("line over budget") }
        budget -= length
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let line = Array(buffer[start..<end])
        consume(upTo: newline + 1)
        return line
      }
      guard buffer.count - start <= budget else {
        throw RequestReadFailure.malformed("line over budget")
      }
      searchFrom = buffer.count
      try fill()
    }
  }

  /// Reads exactly `count` bytes.
  mutating func read(count: Int) throws -> [UInt8] {
    while buffer.count - start < count { try fill() }
    let bytes = Array(buffer[start..<(start + count)])
    consume(upTo: start + count)
    return bytes
  }

  /// Waits until at least one unconsumed byte is buffered (the start of the next request).
  mutating func waitForData() throws {
    if bufferedCount == 0 { try fill() }
  }

  /// Waits for more bytes, at most the idle timeout and never past the deadline.
  private mutating func fill() throws {
    var wait = idleTimeout
    if let deadline {
      wait = min(wait, deadline.timeIntervalSinceNow)
      guard wait > 0 else { throw RequestReadFailure.timedOut }
    }
    guard Socket.waitReadable(fd, timeout: wait) else { throw RequestReadFailure.timedOut }
    if Socket.receive(fd, into: &buffer, scratch: &scratch) <= 0 {
      throw RequestReadFailure.closed
    }
  }

  /// Marks bytes up to `index` consumed, compacting once the dead prefix dominates so the
  /// buffer stays proportional to what is pending.
  private mutating func consume(upTo index: Int) {
    start = index
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
    } else if start > 64 * 1024 && start > buffer.count / 2 {
      buffer.removeSubrange(0..<start)
      start = 0
    }
  }
}
