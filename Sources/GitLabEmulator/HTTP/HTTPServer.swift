// HTTP/ — the emulator's HTTP/1.1 server, from Foundation and Glibc sockets only.
//
// For: accepting loopback connections, decoding requests (Content-Length and chunked bodies,
// `Expect: 100-continue`, persistent and pipelined connections), handing each complete
// request to an `HTTPHandler`, and writing its response with correct framing.
// Not for: anything GitLab. Routing, auth, JSON, faults and latency belong to the API behind
// the `HTTPHandler` seam; this folder knows only bytes and HTTP/1.1.

import Foundation
import Glibc

/// An HTTP/1.1 server on a loopback socket, one thread per connection.
///
/// Threads keep the handler synchronous and let a slow client, a slow request or an injected
/// delay affect only its own connection. `limits.maxConnections` bounds the threads: beyond
/// it, new connections wait in the kernel's backlog until one ends.
public final class HTTPServer: @unchecked Sendable {
  /// Bounds that keep a misbehaving client from holding resources forever.
  public struct Limits: Sendable, Equatable {
    /// The request line and header fields together, and separately chunk sizes and trailers.
    public var maxHeaderBytes = 64 * 1024
    /// Larger bodies are refused with 400.
    public var maxBodyBytes = 16 * 1024 * 1024
    /// A connection on which nothing arrives for this long is closed.
    public var idleTimeout: TimeInterval = 60
    /// Connections served at once.
    public var maxConnections = 1024

    public init() {}
  }

  /// The bound port: the kernel's choice when 0 was asked for.
  public let port: Int
  public let host: String
  private let handler: HTTPHandler
  private let limits: Limits
  private let listener: Int32
  /// Guards everything below; signalled whenever a connection ends or the loop exits.
  private let condition = NSCondition()
  private var connections: Set<Int32> = []
  private var stopping = false
  private var acceptLoopRunning = true

  /// Binds and starts accepting at once; the server runs until `stop()`.
  public init(
    host: String = "127.0.0.1", port: Int = 0, handler: HTTPHandler, limits: Limits = Limits()
  ) throws {
    signal(SIGPIPE, SIG_IGN)  // belt and braces: every send already passes MSG_NOSIGNAL
    self.listener = try Socket.makeListener(host: host, port: port, backlog: 1024)
    self.port = Socket.localPort(listener)
    self.host = host
    self.handler = handler
    self.limits = limits
    let thread = Thread { [self] in acceptLoop() }
    thread.name = "http-accept-\(self.port)"
    thread.start()
  }

  /// Closes the listener and every connection, then waits (at most two seconds) for the
  /// connection threads to finish. A handler still running finishes its request, but its
  /// response goes nowhere. Calling it again does nothing.
  public func stop() {
    condition.lock()
    defer { condition.unlock() }
    if !stopping {
      stopping = true
      shutdown(listener, Int32(SHUT_RDWR))
      for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
      condition.broadcast()
    }
    let deadline = Date().addingTimeInterval(2)
    while acceptLoopRunning || !connections.isEmpty {
      if !condition.wait(until: deadline) { break }
    }
  }

  /// Number of connections open right now (for tests and the benchmark).
  public var openConnections: Int {
    condition.lock()
    defer { condition.unlock() }
    return connections.count
  }

  // MARK: - Accepting

  private func acceptLoop() {
    while waitForConnectionSlot() {
      // Poll rather than block in accept: stop() shuts the listener down, which wakes a
      // poll at once on Linux, and the timeout re-checks `stopping` should it not.
      guard Socket.waitReadable(listener, timeout: 0.25) else { continue }
      var address = sockaddr_storage()
      var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let fd = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
      }
      if fd < 0 {
        // Out of descriptors or a transient error: back off briefly instead of spinning.
        if errno != EINTR && errno != ECONNABORTED { usleep(10_000) }
        continue
      }
      Socket.setNoDelay(fd)
      Socket.setSendTimeout(fd, seconds: limits.idleTimeout)
      start(fd: fd, remoteAddress: Socket.describe(address))
    }
    condition.lock()
    close(listener)
    acceptLoopRunning = false
    condition.broadcast()
    condition.unlock()
  }

  /// Blocks while the server is full; false once it is stopping.
  private func waitForConnectionSlot() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while !stopping && connections.count >= limits.maxConnections { condition.wait() }
    return !stopping
  }

  private func start(fd: Int32, remoteAddress: String) {
    condition.lock()
    guard !stopping else {
      condition.unlock()
      close(fd)
      return
    }
    connections.insert(fd)
    condition.unlock()
    let thread = Thread { [self] in
      var connection = HTTPConnection(
        fd: fd, remoteAddress: remoteAddress, handler: handler, limits: limits)
      connection.run()
      finish(fd: fd)
    }
    thread.name = "http-connection"
    thread.start()
  }

  /// Forgets and closes a connection under the lock, so stop() can never shut down a
  /// descriptor number the kernel has already handed to someone else.
  private func finish(fd: Int32) {
    condition.lock()
    connections.remove(fd)
    close(fd)
    condition.broadcast()
    condition.unlock()
  }
}
