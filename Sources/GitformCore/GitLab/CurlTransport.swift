import Foundation

/// The production `HTTPTransport` on Linux: libcurl's blocking easy interface, found in the
/// libcurl FoundationNetworking links (see `CurlLibrary` for why not URLSession).
///
/// The calling thread waits inside `curl_easy_perform`'s `poll`, so a request that waits for
/// minutes costs no CPU. Same rules as `URLSessionTransport`: no cookies, no redirects followed
/// (the client reports them), no cache; a request is abandoned after `timeout` seconds without a
/// byte of progress. A connection (and its TLS handshake) gets at most `connectTimeout` seconds:
/// a server that accepts a TLS connection but never answers the handshake — an `https://` URL
/// pointing at a plain-HTTP port — fails fast as a TLS failure instead of waiting the full
/// request timeout, and is not retried.
///
/// Requests that may reuse a connection (`GitLabRequest.reusesConnection`: idempotent ones by
/// default) share kept-alive connections through a pool of easy handles (one per concurrent
/// sender). The others — POST (create, rotate), and every state-backend request — get a fresh
/// connection that is closed afterwards: libcurl silently resends a request when a reused
/// connection closes without an answer, and a resent create makes a second token.
///
/// Any method is sent as given (`LOCK`, `UNLOCK` for a Terraform http-backend server), with
/// `PRIVATE-TOKEN` for GitLab's API or HTTP Basic for a state server.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
  // @unchecked: `idle` is guarded by `lock`; a handle is used by one thread at a time.
  private let curl: CurlLibrary
  private let lock = NSLock()
  private var idle: [CurlLibrary.Handle] = []
  private let maximumIdle: Int
  /// Longest time for connecting and the TLS handshake.
  static let maximumConnectTimeout: TimeInterval = 10

  /// Nil when this platform's Foundation does not run on libcurl.
  /// - Throws: `GitLabError` `.unsupportedOption` for TLS options gitform does not honour.
  public convenience init?(connection: GitLabConnection, maximumConnections: Int = 16) throws {
    try URLSessionTransport.checkSupported(connection)
    self.init(maximumConnections: maximumConnections)
  }

  /// A transport with the system's TLS trust, for any server (a state backend); nil when this
  /// platform's Foundation does not run on libcurl.
  public init?(maximumConnections: Int = 16) {
    guard let curl = CurlLibrary.shared else { return nil }
    self.curl = curl
    maximumIdle = max(1, maximumConnections)
  }

  deinit {
    for handle in idle { curl.easyCleanup(handle) }
  }

  public func send(_ request: GitLabRequest) throws -> GitLabResponse {
    let reusable = request.reusesConnection
    guard let handle = reusable ? takeIdle() ?? curl.easyInit() : curl.easyInit() else {
      throw TransportFailure(.other, detail: "libcurl could not create a request handle")
    }
    defer {
      curl.easyReset(handle)
      if reusable { giveBack(handle) } else { curl.easyCleanup(handle) }
    }
    return try perform(request, on: handle)
  }

  private func takeIdle() -> CurlLibrary.Handle? {
    lock.withLock { idle.popLast() }
  }

  private func giveBack(_ handle: CurlLibrary.Handle) {
    let kept = lock.withLock { () -> Bool in
      guard idle.count < maximumIdle else { return false }
      idle.append(handle)
      return true
    }
    if !kept { curl.easyCleanup(handle) }
  }

  private func perform(_ request: GitLabRequest, on handle: CurlLibrary.Handle) throws
    -> GitLabResponse
  {
    let received = Received()
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: 256)  // CURL_ERROR_SIZE
    errorBuffer.initialize(repeating: 0, count: 256)
    defer { errorBuffer.deallocate() }
    var headers: OpaquePointer?
    defer { curl.slistFreeAll(headers) }
    var lines = request.headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
    if let token = request.token { lines.append("PRIVATE-TOKEN: \(token.reveal())") }
    if let authorization = request.basicAuthorization {
      lines.append("Authorization: \(authorization)")
    }
    // No `Expect: 100-continue` round trip before a body.
    lines.append("Expect:")
    if !request.reusesConnection { lines.append("Connection: close") }
    for line in lines { headers = curl.slistAppend(headers, line) }

    let timeout = max(request.timeout, 1)
    let set = curl.setLong
    let object = Unmanaged.passUnretained(received).toOpaque()
    _ = curl.setPointer(handle, CurlOption.url, request.url.absoluteString)
    _ = set(handle, CurlOption.noSignal, 1)
    _ = set(handle, CurlOption.followLocation, 0)
    _ = set(handle, CurlOption.sslVerifyPeer, 1)
    _ = set(handle, CurlOption.sslVerifyHost, 2)
    _ = set(
      handle, CurlOption.connectTimeoutMilliseconds,
      Int(min(timeout, CurlTransport.maximumConnectTimeout) * 1000))
    // "Without progress": less than one byte a second for `timeout` seconds.
    _ = set(handle, CurlOption.lowSpeedLimit, 1)
    _ = set(handle, CurlOption.lowSpeedTime, Int(timeout.rounded(.up)))
    _ = set(handle, CurlOption.timeoutMilliseconds, Int(max(timeout * 4, 120) * 1000))
    _ = curl.setPointer(handle, CurlOption.errorBuffer, errorBuffer)
    _ = curl.setPointer(handle, CurlOption.httpHeader, UnsafeRawPointer(headers))
    _ = curl.setPointer(
      handle, CurlOption.writeFunction, unsafeBitCast(CurlTransport.onBody, to: UnsafeRawPointer.self))
    _ = curl.setPointer(handle, CurlOption.writeData, object)
    _ = curl.setPointer(
      handle, CurlOption.headerFunction,
      unsafeBitCast(CurlTransport.onHeader, to: UnsafeRawPointer.self))
    _ = curl.setPointer(handle, CurlOption.headerData, object)
    if !request.reusesConnection {
      _ = set(handle, CurlOption.freshConnect, 1)
      _ = set(handle, CurlOption.forbidReuse, 1)
    }
    switch request.method {
    case .get where request.body == nil:
      _ = set(handle, CurlOption.httpGet, 1)
    case .post:
      setBody(request.body ?? Data(), on: handle)
    default:
      // PUT, DELETE, LOCK…: the method as given, with the body when there is one.
      _ = curl.setPointer(handle, CurlOption.customRequest, request.method.rawValue)
      if let body = request.body { setBody(body, on: handle) }
    }

    let code = withExtendedLifetime(received) { curl.easyPerform(handle) }
    guard code == 0 else {
      throw failure(code, detail: String(cString: errorBuffer), handle: handle, url: request.url)
    }
    var status = 0
    _ = curl.getLong(handle, CurlOption.infoResponseCode, &status)
    return GitLabResponse(status: status, headers: received.headers, body: received.body)
  }

  /// A POST-style body of exactly these bytes (libcurl copies them).
  private func setBody(_ body: Data, on handle: CurlLibrary.Handle) {
    _ = curl.setLong(handle, CurlOption.postFieldSize, body.count)
    body.withUnsafeBytes { bytes in
      // An empty body still needs a non-null pointer, or libcurl reads from stdin.
      let empty: [UInt8] = [0]
      if let base = bytes.baseAddress, !bytes.isEmpty {
        _ = curl.setPointer(handle, CurlOption.copyPostFields, base)
      } else {
        empty.withUnsafeBytes { _ = curl.setPointer(handle, CurlOption.copyPostFields, $0.baseAddress) }
      }
    }
  }

  /// Maps libcurl's error codes onto the kinds the client's retry and outcome rules need.
  private func failure(
    _ code: Int32, detail: String, handle: CurlLibrary.Handle, url: URL
  ) -> TransportFailure {
    let words = detail.isEmpty ? curl.message(code) : detail
    if code == 28, url.scheme == "https" {
      // A timeout after the TCP connection but before the TLS handshake finished: the server
      // does not speak TLS (or not to us). Nothing was sent.
      var connected = 0.0
      var secured = 0.0
      _ = curl.getDouble(handle, CurlOption.infoConnectTime, &connected)
      _ = curl.getDouble(handle, CurlOption.infoTLSConnectTime, &secured)
      // libcurl 7.88 records no connect time until every layer (TCP and TLS) is up, but names
      // the TLS layer in its message ("SSL connection timeout").
      if secured == 0 && (connected > 0 || words.contains("SSL") || words.contains("TLS")) {
        return TransportFailure(
          .tlsFailure,
          detail: "the server accepted the connection but did not answer the TLS handshake "
            + "(is it an HTTPS server?): \(words)")
      }
    }
    return TransportFailure(CurlTransport.kind(of: code), detail: words)
  }

  static func kind(of code: Int32) -> TransportFailure.Kind {
    switch code {
    case 5, 6: return .hostNotFound
    case 7: return .couldNotConnect
    case 28: return .timedOut
    case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98: return .tlsFailure
    case 52: return .noResponse
    case 18, 55, 56: return .connectionLost
    default: return .other
    }
  }

  /// What the callbacks collect: the last response's headers (a `100 Continue` or other
  /// interim status line starts them afresh) and the body.
  private final class Received {
    var headers: [String: String] = [:]
    var body = Data()
  }

  private static let onBody: CurlLibrary.DataCallback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let received = Unmanaged<Received>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
      received.body.append($0, count: length)
    }
    return length
  }

  private static let onHeader: CurlLibrary.DataCallback = { pointer, size, count, context in
    guard let pointer, let context else { return 0 }
    let received = Unmanaged<Received>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
      String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
    }.trimmingCharacters(in: .whitespacesAndNewlines)
    if line.hasPrefix("HTTP/") {
      received.headers = [:]
    } else if let colon = line.firstIndex(of: ":") {
      let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
      let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
      received.headers[name] = received.headers[name].map { "\($0), \(value)" } ?? value
    }
    return length
  }
}
