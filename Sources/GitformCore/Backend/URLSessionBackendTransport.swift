import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// The production `BackendTransport`: Foundation's URLSession (libcurl underneath on Linux).
///
/// No cache, no cookies, no redirects followed (a redirect could carry the Basic credentials to
/// another host; the backend reports it instead). Every request gets a fresh connection
/// (`Connection: close`): state requests are few, and libcurl silently re-sends a request when a
/// reused keep-alive connection closes without an answer, which would turn one lock or write
/// into two. `send` blocks the calling thread until the answer arrives.
public final class URLSessionBackendTransport: BackendTransport, @unchecked Sendable {
  // @unchecked: the configuration is immutable after init and URLSession is thread-safe.
  private let configuration: URLSessionConfiguration

  public init(requestTimeout: TimeInterval = 30) {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
    configuration.urlCache = nil
    configuration.httpCookieStorage = nil
    configuration.httpShouldSetCookies = false
    configuration.httpCookieAcceptPolicy = .never
    configuration.timeoutIntervalForRequest = requestTimeout
    configuration.timeoutIntervalForResource = max(requestTimeout * 4, 120)
    self.configuration = configuration
  }

  public func send(_ request: BackendRequest) throws(BackendTransportFailure) -> BackendResponse {
    var urlRequest = URLRequest(url: request.url)
    urlRequest.httpMethod = request.method
    urlRequest.timeoutInterval = request.timeout
    urlRequest.cachePolicy = .reloadIgnoringLocalCacheData
    urlRequest.httpShouldHandleCookies = false
    for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
      urlRequest.setValue(value, forHTTPHeaderField: name)
    }
    if let authorization = request.basicAuthorization {
      urlRequest.setValue(authorization, forHTTPHeaderField: "Authorization")
    }
    urlRequest.setValue("close", forHTTPHeaderField: "Connection")
    urlRequest.httpBody = request.body

    let session = URLSession(
      configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    defer { session.finishTasksAndInvalidate() }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    let task = session.dataTask(with: urlRequest) { data, response, error in
      outcome.set(data: data, response: response, error: error)
      done.signal()
    }
    task.resume()
    done.wait()
    return try outcome.result()
  }

  /// Maps URLSession's errors onto the kinds the retry rules need.
  static func failure(for error: Error) -> BackendTransportFailure {
    guard let urlError = error as? URLError else {
      return BackendTransportFailure(.other, detail: String(describing: error))
    }
    let detail = urlError.localizedDescription
    switch urlError.code {
    case .cannotConnectToHost, .notConnectedToInternet, .cannotLoadFromNetwork:
      return BackendTransportFailure(.couldNotConnect, detail: detail)
    case .cannotFindHost, .dnsLookupFailed:
      return BackendTransportFailure(.hostNotFound, detail: detail)
    case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
      .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot,
      .clientCertificateRejected, .clientCertificateRequired:
      return BackendTransportFailure(.tlsFailure, detail: detail)
    case .timedOut:
      return BackendTransportFailure(.timedOut, detail: detail)
    case .networkConnectionLost, .unknown:
      return BackendTransportFailure(.connectionLost, detail: detail)
    case .badServerResponse, .zeroByteResource:
      return BackendTransportFailure(.noResponse, detail: detail)
    default:
      return BackendTransportFailure(.other, detail: detail)
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

    func result() throws(BackendTransportFailure) -> BackendResponse {
      if let error { throw URLSessionBackendTransport.failure(for: error) }
      guard let http = response as? HTTPURLResponse else {
        throw BackendTransportFailure(.other, detail: "the answer was not an HTTP response")
      }
      var headers: [String: String] = [:]
      for (name, value) in http.allHeaderFields {
        headers[String(describing: name)] = String(describing: value)
      }
      return BackendResponse(status: http.statusCode, headers: headers, body: data ?? Data())
    }
  }

  /// Hands 3xx responses to the backend instead of following them.
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
