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
/// delay affect only its own connection. `limits.maxConnections` bounds the threads: when a
/// new connection arrives at the cap, the connection idle for longest (waiting for, or
/// trickling in, a request rather than being served) is closed to make room, so clients
/// that hold connections open without finishing requests (slow-loris) cannot lock others
/// out; only when every connection is being served does the newcomer wait in the backlog.
public final class HTTPServer: @unchecked Sendable {
  /// Bounds that keep a misbehaving client from holding resources forever.
  public struct Limits: Sendable, Equatable {
    /// The request line and header fields together, and separately chunk sizes and trailers.
    public var maxHeaderBytes = 64 * 1024
    /// Larger bodies are refused with 400.
    public var maxBodyBytes = 16 * 1024 * 1024
    /// A connection on which nothing arrives for this long is closed.
    public var idleTimeout: TimeInterval = 60
    /// The whole request head (request line and header fields) must arrive within this long
    /// of its first byte, however steadily it trickles in.
    public var headerTimeout: TimeInterval = 10
    /// Connections open at once; at the cap the longest-idle one is shed.
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
  /// Open connections, each with the time it became idle (nil while being served).
  private var connections: [Int32: Date?] = [:]
  /// Connections already shut down to make room, not yet finished by their threads.
  private var shed: Set<Int32> = []
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
      for fd in connections.keys { shutdown(fd, Int32(SHUT_RDWR)) }
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
    while !isStopping {
      // Poll rather than block in accept: stop() shuts the listener down, which wakes a
      // poll at once on Linux, and the timeout re-checks `stopping` should it not. A slot
      // is made only once someone is actually waiting to connect.
      guard Socket.waitReadable(listener, timeout: 0.25) else { continue }
      guard makeConnectionSlot() else { break }
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

  private var isStopping: Bool {
    condition.lock()
    defer { condition.unlock() }
    return stopping
  }

  /// Makes room for one more connection: at the cap, shuts down the longest-idle connection
  /// and waits for its thread to let go; with none idle, waits for one to finish or go idle.
  /// False once the server is stopping.
  private func makeConnectionSlot() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while !stopping && connections.count >= limits.maxConnections {
      if connections.count - shed.count >= limits.maxConnections, let victim = longestIdle() {
        shed.insert(victim)
        shutdown(victim, Int32(SHUT_RDWR))
      }
      condition.wait()
    }
    return !stopping
  }

  /// The idle connection that has waited longest, not already being shed. O(connections),
  /// paid only when the server is full.
  private func longestIdle() -> Int32? {
    var best: (fd: Int32, since: Date)?
    for (fd, idleSince) in connections where !shed.contains(fd) {
      guard let since = idleSince else { continue }
      if let current = best, current.since <= since { continue }
      best = (fd, since)
    }
    return best?.fd
  }

  /// Records whether a connection is being served; a connection going idle may be the one
  /// the accept loop is waiting to shed.
  private func setBusy(_ fd: Int32, _ busy: Bool) {
    condition.lock()
    if connections[fd] != nil { connections[fd] = busy ? .some(nil) : .some(Date()) }
    if !busy { condition.broadcast() }
    condition.unlock()
  }

  private func start(fd: Int32, remoteAddress: String) {
    condition.lock()
    guard !stopping else {
      condition.unlock()
      close(fd)
      return
    }
    connections[fd] = .some(Date())
    condition.unlock()
    let thread = Thread { [self] in
      var connection = HTTPConnection(
        fd: fd, remoteAddress: remoteAddress, handler: handler, limits: limits,
        busy: { [self] in setBusy(fd, $0) })
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
    connections[fd] = nil
    shed.remove(fd)
    close(fd)
    condition.broadcast()
    condition.unlock()
  }
}
