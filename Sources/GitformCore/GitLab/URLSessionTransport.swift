import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The `HTTPTransport` over Foundation's URLSession: production where `CurlTransport` is not
/// available (a Foundation that does not run on libcurl). On Linux it is not used: its libcurl
/// driver spins a core while a request waits (see `CurlLibrary`).
///
/// No cache, no cookies, no redirects followed (a redirect could carry the token to another
/// host; the client reports it instead), a per-request idle timeout. `send` blocks the calling
/// thread until the response or failure arrives; several threads may send at once.
///
/// Requests that must not reuse a connection (`GitLabRequest.reusesConnection` false: POST —
/// create, rotate — and every state-backend request) each get a fresh connection from a session
/// of their own. libcurl silently sends a request again when a reused keep-alive connection closes
/// without an answer — measured against the emulator: a rotate sent twice, the first new token
/// lost and a misleading "Token already revoked" reported. On a fresh connection that cannot
/// happen, and a dropped POST surfaces as `.noResponse`, which the client reports as
/// `outcomeUnknown`. Idempotent requests share one session and its kept-alive connections.
public final class URLSessionTransport: HTTPTransport, @unchecked Sendable {
  // @unchecked: URLSession and the configuration are thread-safe and never replaced.
  private let session: URLSession
  private let configuration: URLSessionConfiguration

  /// - Throws: `GitLabError` `.unsupportedOption` for TLS options this platform's URLSession
  ///   cannot honour, rather than silently connecting with the default trust.
  public convenience init(connection: GitLabConnection, maximumConnections: Int = 16) throws {
    try URLSessionTransport.checkSupported(connection)
    self.init(requestTimeout: connection.requestTimeout, maximumConnections: maximumConnections)
  }

  /// A transport with the system's TLS trust, for any server (a state backend).
  public init(requestTimeout: TimeInterval = 30, maximumConnections: Int = 16) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.httpMaximumConnectionsPerHost = maximumConnections
    configuration.timeoutIntervalForRequest = requestTimeout
    configuration.timeoutIntervalForResource = max(requestTimeout * 4, 120)
    self.configuration = configuration
    session = URLSession(
      configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
  }

  deinit {
    session.finishTasksAndInvalidate()
  }

  /// Rejects `insecure` and `cacert_file`: swift-corelibs-foundation's URLSession (Linux) exposes
  /// no way to change certificate trust. It offers no server-trust challenge to delegates, and
  /// the `URLSessionCertificateAuthorityInfoFile` escape hatch exists only in its Android build.
  static func checkSupported(_ connection: GitLabConnection) throws {
    if connection.insecure {
      throw GitLabError.unsupportedOption(
        "insecure = true is not supported: gitform's HTTP stack (Foundation's URLSession) cannot "
          + "turn off TLS certificate verification on this platform. Give GitLab a certificate "
          + "the system trusts, or remove insecure from the provider \"gitlab\" block")
    }
    if let file = connection.caCertificateFile {
      throw GitLabError.unsupportedOption(
        "cacert_file = \"\(file)\" is not supported: gitform's HTTP stack (Foundation's "
          + "URLSession) cannot add trusted certificate authorities on this platform. Add the CA "
          + "to the system trust store instead (for example copy it to "
          + "/usr/local/share/ca-certificates/ and run update-ca-certificates), then remove "
          + "cacert_file from the provider \"gitlab\" block")
    }
  }

  public func send(_ request: GitLabRequest) throws -> GitLabResponse {
    var urlRequest = URLRequest(url: request.url)
    urlRequest.httpMethod = request.method.rawValue
    urlRequest.timeoutInterval = request.timeout
    urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
    urlRequest.httpShouldHandleCookies = false
    for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    if let token = request.token {
      urlRequest.setValue(token.reveal(), forHTTPHeaderField: "PRIVATE-TOKEN")
    }
    if let authorization = request.basicAuthorization {
      urlRequest.setValue(authorization, forHTTPHeaderField: "Authorization")
    }
    urlRequest.httpBody = request.body

    let sender: URLSession
    if request.reusesConnection {
      sender = session
    } else {
      sender = URLSession(
        configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
      urlRequest.setValue("close", forHTTPHeaderField: "Connection")
    }
    defer {
      if sender !== session { sender.finishTasksAndInvalidate() }
    }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    let task = sender.dataTask(with: urlRequest) { data, response, error in
      outcome.set(data: data, response: response, error: error)
      done.signal()
    }
    task.resume()
    done.wait()
    return try outcome.result()
  }

  /// Maps URLSession's errors onto the kinds the client's retry and outcome rules need.
  static func failure(for error: Error) -> TransportFailure {
    guard let urlError = error as? URLError else {
      return TransportFailure(.other, detail: String(describing: error))
    }
    let detail = urlError.localizedDescription
    switch urlError.code {
    case .cannotConnectToHost, .notConnectedToInternet, .cannotLoadFromNetwork:
      return TransportFailure(.couldNotConnect, detail: detail)
    case .cannotFindHost, .dnsLookupFailed:
      return TransportFailure(.hostNotFound, detail: detail)
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot,
      .clientCertificateRejected, .clientCertificateRequired:
      return TransportFailure(.tlsFailure, detail: detail)
    case .timedOut:
      return TransportFailure(.timedOut, detail: detail)
    case .networkConnectionLost, .unknown:
      // libcurl's "transfer closed with N bytes remaining" arrives as .unknown: a response cut
      // off mid-way, i.e. a lost connection.
      return TransportFailure(.connectionLost, detail: detail)
    case .badServerResponse, .zeroByteResource:
      // libcurl's "Empty reply from server": the peer closed the connection without a response.
      return TransportFailure(.noResponse, detail: detail)
    default:
      return TransportFailure(.other, detail: detail)
    }
  }

  /// The completion handler's results, handed from URLSession's queue to the waiting thread.
  private final class Outcome: @unchecked Sendable {
    // @unchecked: written once before the semaphore is signalled, read after it is awaited.
    private var data: Data?
    private var response: URLResponse?
    private var error: Error?

    func set(data: Data?, response: URLResponse?, error: Error?) {
      self.data = data
      self.response = response
      self.error = error
    }

    func result() throws -> GitLabResponse {
      if let error { throw URLSessionTransport.failure(for: error) }
      guard let http = response as? HTTPURLResponse else {
        throw TransportFailure(.other, detail: "the answer was not an HTTP response")
      }
      var headers: [String: String] = [:]
      for (name, value) in http.allHeaderFields {
        headers[String(describing: name)] = String(describing: value)
      }
      return GitLabResponse(status: http.statusCode, headers: headers, body: data ?? Data())
    }
  }

  /// Hands 3xx responses to the client instead of following them.
  private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
      _ session: URLSession, task: URLSessionTask,
      willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
      completionHandler: @escaping (URLRequest?) -> Void
    ) {
      completionHandler(nil)
    }
  }
}
