import Foundation

/// The seam between a state backend and the network: sends one request, returns one response.
///
/// The GitLab client's `HTTPTransport` does not fit state backends: Terraform's http backend
/// sends any method the user configures (`LOCK`, `UNLOCK`, `PUT`…) and authenticates with HTTP
/// Basic, not `PRIVATE-TOKEN`. Implementations neither retry nor follow redirects (the backend
/// decides both) and throw only `BackendTransportFailure`. Tests may put a fake here, and only here.
public protocol BackendTransport: Sendable {
  func send(_ request: BackendRequest) throws(BackendTransportFailure) -> BackendResponse
}

/// One request to a state server. The password travels as a `SecretValue`, so a request can be
/// printed or compared in tests without showing it; the transport builds the `Authorization`
/// header from it.
public struct BackendRequest: Sendable, Equatable {
  /// Any method token: `GET`, `POST`, `LOCK`…
  public var method: String
  public var url: URL
  public var headers: [String: String]
  public var body: Data?
  /// HTTP Basic credentials, sent when the username is not empty (as Terraform does).
  public var username: String
  public var password: SecretValue
  /// Seconds without progress before the transport gives up.
  public var timeout: TimeInterval

  public init(
    method: String, url: URL, headers: [String: String] = [:], body: Data? = nil,
    username: String = "", password: SecretValue = SecretValue(""), timeout: TimeInterval = 30
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.username = username
    self.password = password
    self.timeout = timeout
  }

  /// `Basic base64(username:password)`, or nil without a username.
  public var basicAuthorization: String? {
    guard !username.isEmpty else { return nil }
    return "Basic " + Data("\(username):\(password.reveal())".utf8).base64EncodedString()
  }
}

/// A state server's answer, before any interpretation.
public struct BackendResponse: Sendable, Equatable {
  public var status: Int
  /// Header names lower-cased, so lookups ignore case as HTTP does.
  public private(set) var headers: [String: String]
  public var body: Data

  public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
    self.status = status
    self.body = body
    var lowered: [String: String] = [:]
    for (name, value) in headers { lowered[name.lowercased()] = value }
    self.headers = lowered
  }

  public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Why a request got no HTTP response.
public struct BackendTransportFailure: Error, Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    case couldNotConnect = "connection refused"
    case hostNotFound = "host not found"
    /// Certificate not trusted or handshake failed: retrying cannot help (go-retryablehttp
    /// does not retry certificate errors either).
    case tlsFailure = "TLS handshake failed"
    case timedOut = "timed out"
    case connectionLost = "connection lost"
    case noResponse = "server closed the connection without answering"
    /// An option this platform's HTTP stack cannot honour (`skip_cert_verification`).
    case unsupported = "unsupported option"
    case other = "transport error"
  }

  public var kind: Kind
  public var detail: String

  public init(_ kind: Kind, detail: String = "") {
    self.kind = kind
    self.detail = detail
  }

  /// go-retryablehttp retries every connection error except certificate and scheme problems.
  public var isRetryable: Bool {
    switch kind {
    case .tlsFailure, .unsupported: return false
    case .couldNotConnect, .hostNotFound, .timedOut, .connectionLost, .noResponse, .other:
      return true
    }
  }

  /// False only when the request certainly never reached the server.
  public var requestMayHaveBeenSent: Bool {
    switch kind {
    case .couldNotConnect, .hostNotFound, .tlsFailure, .unsupported: return false
    case .timedOut, .connectionLost, .noResponse, .other: return true
    }
  }

  public var summary: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }
}
