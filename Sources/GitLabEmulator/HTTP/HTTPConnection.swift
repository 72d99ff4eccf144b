import Foundation
import Glibc

/// One accepted connection, served on its own thread: read a request, hand it to the
/// handler, write the answer, and repeat while the connection is persistent. Pipelined
/// requests are already buffered in the reader and are answered in arrival order.
///
/// Invariant: every loop iteration consumes at least one request head, and every read waits
/// at most the idle timeout, so a connection ends when its peer stops sending.
struct HTTPConnection {
  let fd: Int32
  let remoteAddress: String
  let handler: HTTPHandler
  let limits: HTTPServer.Limits
  /// Told true when a complete request goes to the handler, false once its answer is
  /// written: the server sheds only connections that are not being served.
  let busy: (Bool) -> Void
  private var reader: RequestReader

  init(
    fd: Int32, remoteAddress: String, handler: HTTPHandler, limits: HTTPServer.Limits,
    busy: @escaping (Bool) -> Void = { _ in }
  ) {
    self.fd = fd
    self.remoteAddress = remoteAddress
    self.handler = handler
    self.limits = limits
    self.busy = busy
    self.reader = RequestReader(fd: fd, idleTimeout: limits.idleTimeout)
  }

  /// Serves requests until the peer closes, asks to close, times out or sends garbage.
  /// Does not close the socket: the server does, once it has forgotten the descriptor.
  mutating func run() {
    while true {
      let request: HTTPRequest
      let head: HTTPRequestHead
      do {
        (head, request) = try readRequest()
      } catch RequestReadFailure.malformed {
        let answer = HTTPResponse.badRequest.wireBytes(includeBody: true, keepAlive: false)
        _ = Socket.sendAll(fd, answer)
        closeGracefully()
        return
      } catch {
        return  // closed or idle: nobody is waiting for an answer
      }
      busy(true)
      let response = handler.handle(request)
      if response.dropConnection { return }
      let keepAlive = head.keepAlive && !HTTPConnection.asksToClose(response)
      let bytes = response.wireBytes(includeBody: head.method != "HEAD", keepAlive: keepAlive)
      let sent = Socket.sendAll(fd, bytes)
      busy(false)
      guard sent else { return }
      if !keepAlive {
        closeGracefully()
        return
      }
    }
  }

  /// Reads one complete request: head, then the body in whichever framing it declares.
  /// The head has `headerTimeout` from its first byte; between requests the connection may
  /// wait the idle timeout.
  private mutating func readRequest() throws -> (HTTPRequestHead, HTTPRequest) {
    try reader.waitForData()
    reader.deadline = Date().addingTimeInterval(limits.headerTimeout)
    defer { reader.deadline = nil }
    var budget = limits.maxHeaderBytes
    var requestLine = try reader.readLine(budget: &budget)
    // RFC 9112 §2.2: ignore empty lines before a request line (some clients send CRLF after
    // a POST body); the budget bounds how many.
    while requestLine.isEmpty { requestLine = try reader.readLine(budget: &budget) }
    var headerLines: [[UInt8]] = []
    while true {
      let line = try reader.readLine(budget: &budget)
      if line.isEmpty { break }
      if line[0] == 0x20 || line[0] == 0x09 { throw RequestReadFailure.malformed("obs-fold") }
      headerLines.append(line)
    }
    let head = try HTTPRequestHead(requestLine: requestLine, headerLines: headerLines)
    reader.deadline = nil  // bodies are bounded by the idle timeout per read, as before
    let framing = try head.bodyFraming(maxBodyBytes: limits.maxBodyBytes)
    if head.expectsContinue && framing != .length(0) {
      guard Socket.sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else {
        throw RequestReadFailure.closed
      }
    }
    let body: [UInt8]
    switch framing {
    case .length(let count): body = try reader.read(count: count)
    case .chunked: body = try readChunkedBody()
    }
    let (path, query) = head.pathAndQuery
    let request = HTTPRequest(
      method: head.method, path: path, query: query,
      headers: head.headers.map { (name: $0.name, value: $0.value) }, body: Data(body),
      remoteAddress: remoteAddress)
    return (head, request)
  }

  /// Decodes `Transfer-Encoding: chunked` (RFC 9112 §7.1): hex sizes with optional
  /// extensions, data, CRLF after each chunk, a zero chunk, then trailer fields, which are
  /// validated and dropped. Each size line has its own small budget (a body may come in
  /// many small chunks); every non-final chunk adds at least one byte to the capped body,
  /// so the loop ends.
  private mutating func readChunkedBody() throws -> [UInt8] {
    var body: [UInt8] = []
    while true {
      var budget = HTTPConnection.maxChunkLineBytes
      let line = try reader.readLine(budget: &budget)
      let sizeText = line.prefix { $0 != UInt8(ascii: ";") }
      let digits = sizeText.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
      guard !digits.isEmpty, digits.count <= 16, digits.allSatisfy(HTTPConnection.isHexDigit),
        let size = Int(String(decoding: digits, as: UTF8.self), radix: 16)
      else { throw RequestReadFailure.malformed("chunk size") }
      guard size <= limits.maxBodyBytes - body.count else {
        throw RequestReadFailure.malformed("body too large")
      }
      if size == 0 { break }
      body += try reader.read(count: size)
      guard try reader.readLine(budget: &budget).isEmpty else {
        throw RequestReadFailure.malformed("chunk data longer than its size")
      }
    }
    var budget = limits.maxHeaderBytes
    while true {
      let trailer = try reader.readLine(budget: &budget)
      if trailer.isEmpty { return body }
      _ = try HTTPRequestHead.parseField(trailer)
    }
  }

  /// A chunk-size line with its extensions; real clients send a few bytes.
  static let maxChunkLineBytes = 4096

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
  }

  /// Whether the handler asked for the connection to close after this response.
  private static func asksToClose(_ response: HTTPResponse) -> Bool {
    response.headers.contains {
      $0.name.lowercased() == "connection" && $0.value.lowercased().contains("close")
    }
  }

  /// Half-closes, then reads and discards what the peer still sends for a moment: closing a
  /// socket with unread input makes the kernel send RST, which can destroy the response we
  /// just wrote before the client reads it.
  private func closeGracefully() {
    shutdown(fd, Int32(SHUT_WR))
    var scratch = [UInt8](repeating: 0, count: 16 * 1024)
    var discarded: [UInt8] = []
    let deadline = Date().addingTimeInterval(min(1, limits.idleTimeout))
    while Date() < deadline && Socket.waitReadable(fd, timeout: deadline.timeIntervalSinceNow) {
      discarded.removeAll(keepingCapacity: true)
      if Socket.receive(fd, into: &discarded, scratch: &scratch) <= 0 { return }
    }
  }
}
