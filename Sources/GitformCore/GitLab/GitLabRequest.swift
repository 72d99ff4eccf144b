import Foundation

/// One HTTP request to GitLab's API, as the client hands it to an `HTTPTransport`.
///
/// The token travels separately from the ordinary headers, as a `SecretValue` the transport sends
/// as `PRIVATE-TOKEN`: a request can be printed, dumped or compared in tests without showing it.
public struct GitLabRequest: Sendable, Equatable {
  public enum Method: String, Sendable, Equatable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"

    /// Whether sending the request twice has the same effect as once. GitLab's DELETEs here are
    /// revocations and deletions (a second revoke answers 204 again) and its PUTs set values, so
    /// only POST (create, rotate) is unsafe to repeat.
    public var isIdempotent: Bool { self != .post }
  }

  public var method: Method
  /// The full URL, path segments and query already percent-encoded.
  public var url: URL
  /// The route template, e.g. `/users/:user_id/personal_access_tokens`: names the request in
  /// errors without ids, paths or values.
  public var route: String
  /// Headers other than the token: `Accept`, `User-Agent`, `Content-Type`.
  public var headers: [String: String]
  /// Sent as `PRIVATE-TOKEN`.
  public var token: SecretValue?
  public var body: Data?
  /// The secrets inside `body` (a variable's value): never shown, and scrubbed from any error
  /// text built from the answer, since a server may echo the request it got.
  public var secrets: [SecretValue]
  /// Seconds without progress before the transport gives up.
  public var timeout: TimeInterval

  public init(
    method: Method, url: URL, route: String, headers: [String: String] = [:],
    token: SecretValue? = nil, body: Data? = nil, secrets: [SecretValue] = [],
    timeout: TimeInterval = 30
  ) {
    self.method = method
    self.url = url
    self.route = route
    self.headers = headers
    self.token = token
    self.body = body
    self.secrets = secrets
    self.timeout = timeout
  }

  /// Every secret the request carries: its token and the secrets of its body.
  public var sensitiveValues: [SecretValue] {
    (token.map { [$0] } ?? []) + secrets
  }

  /// `METHOD /route`, the request's name in messages.
  public var name: String { "\(method.rawValue) \(route)" }
}
