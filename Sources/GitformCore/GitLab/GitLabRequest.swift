import Foundation

/// One HTTP request to GitLab's API, as the client hands it to an `HTTPTransport`.
///
/// The token travels separately from the ordinary headers, as a `SecretValue` the transport sends
/// as `PRIVATE-TOKEN`: a request can be printed, dumped or compared in tests without showing it.
public struct GitLabRequest: Sendable, Equatable {
  /// An HTTP method. GitLab's API needs the four named ones; a server speaking Terraform's http
  /// backend protocol may be configured with any token (`LOCK`, `UNLOCK`), so the set is open.
  public struct Method: RawRepresentable, Hashable, Sendable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let get = Method(rawValue: "GET")
    public static let post = Method(rawValue: "POST")
    public static let put = Method(rawValue: "PUT")
    public static let delete = Method(rawValue: "DELETE")

    /// Whether sending the request twice has the same effect as once (RFC 9110 §9.2.2).
    /// GitLab's DELETEs here are revocations and deletions (a second revoke answers 204 again)
    /// and its PUTs set values, so of GitLab's four only POST (create, rotate) is unsafe to
    /// repeat; an unknown method (`LOCK`) is treated as unsafe.
    public var isIdempotent: Bool {
      ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"].contains(rawValue)
    }
  }

  /// HTTP Basic credentials, as a Terraform http-backend server (and GitLab's state routes)
  /// take them. The password is a `SecretValue`, like the token.
  public struct BasicCredentials: Sendable, Equatable {
    public var username: String
    public var password: SecretValue

    public init(username: String, password: SecretValue) {
      self.username = username
      self.password = password
    }
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
  /// Sent as `Authorization: Basic …` (state servers); GitLab's token APIs use `token`.
  public var basicCredentials: BasicCredentials?
  public var body: Data?
  /// The secrets inside `body` (a variable's value): never shown, and scrubbed from any error
  /// text built from the answer, since a server may echo the request it got.
  public var secrets: [SecretValue]
  /// Seconds without progress before the transport gives up.
  public var timeout: TimeInterval
  /// Whether the transport may send this request on a kept-alive connection. False means a
  /// fresh connection, closed afterwards: libcurl silently sends a request again when a reused
  /// connection closes without an answer, and a resent create makes a second token (a resent
  /// lock or state write is refused as a conflict with itself). Defaults to `isIdempotent`.
  public var reusesConnection: Bool

  public init(
    method: Method, url: URL, route: String, headers: [String: String] = [:],
    token: SecretValue? = nil, body: Data? = nil, secrets: [SecretValue] = [],
    timeout: TimeInterval = 30, basicCredentials: BasicCredentials? = nil,
    reusesConnection: Bool? = nil
  ) {
    self.method = method
    self.url = url
    self.route = route
    self.headers = headers
    self.token = token
    self.body = body
    self.secrets = secrets
    self.timeout = timeout
    self.basicCredentials = basicCredentials
    self.reusesConnection = reusesConnection ?? method.isIdempotent
  }

  /// Every secret the request carries: its token and the secrets of its body.
  public var sensitiveValues: [SecretValue] {
    (token.map { [$0] } ?? []) + (basicCredentials.map { [$0.password] } ?? []) + secrets
  }

  /// The `Authorization` header for `basicCredentials`: `Basic base64(username:password)`.
  public var basicAuthorization: String? {
    guard let basicCredentials else { return nil }
    let pair = "\(basicCredentials.username):\(basicCredentials.password.reveal())"
    return "Basic " + Data(pair.utf8).base64EncodedString()
  }

  /// `METHOD /route`, the request's name in messages.
  public var name: String { "\(method.rawValue) \(route)" }
}
