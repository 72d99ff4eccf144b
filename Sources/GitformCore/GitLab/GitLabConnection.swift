import Foundation

/// Where and how gitform talks to GitLab: the API base URL, the token and the transport options.
///
/// Built from the `provider "gitlab"` block, falling back to the environment variables the
/// Terraform provider uses (`GITLAB_BASE_URL`, `GITLAB_TOKEN`). The token is a `SecretValue`, so
/// printing or dumping a connection never shows it.
public struct GitLabConnection: Sendable, Equatable {
  /// GitLab.com, the Terraform provider's default when no base URL is given.
  public static let defaultBaseURL = "https://gitlab.com"

  /// The normalised API root, always ending in `/api/v4` and never in `/`.
  public var apiBaseURL: URL
  public var token: SecretValue
  /// Skip TLS certificate verification (`insecure = true`).
  public var insecure: Bool
  /// A PEM file of extra certificate authorities to trust (`cacert_file`).
  public var caCertificateFile: String?
  /// Sent as `User-Agent`, e.g. `gitform/0.1.0`.
  public var userAgent: String
  /// Seconds without progress before a request is abandoned.
  public var requestTimeout: TimeInterval

  /// - Parameters:
  ///   - baseURL: `https://gitlab.example.com`, with or without a trailing `/` or `/api/v4`;
  ///     a GitLab under a relative path (`https://example.com/gitlab`) works too.
  ///   - clientVersion: gitform's version, for the `User-Agent` (`gitform/VERSION`); the caller
  ///     passes it because this layer sits below the CLI that owns the version number.
  /// - Throws: `GitLabError` with code `.invalidConfiguration` for an unusable URL or an empty
  ///   token, saying which value to fix.
  public init(
    baseURL: String, token: SecretValue, clientVersion: String, insecure: Bool = false,
    caCertificateFile: String? = nil, requestTimeout: TimeInterval = 30
  ) throws {
    self.apiBaseURL = try GitLabConnection.normalizedAPIBaseURL(baseURL)
    guard !token.isEmpty else {
      throw GitLabError.invalidConfiguration(
        "no GitLab token: set token in the provider \"gitlab\" block or the GITLAB_TOKEN "
          + "environment variable to a personal access token with the api scope")
    }
    self.token = token
    self.insecure = insecure
    self.caCertificateFile = caCertificateFile
    self.userAgent = "gitform/\(clientVersion)"
    self.requestTimeout = requestTimeout
  }

  /// The connection the provider block asks for, with the environment filling in what it leaves
  /// out (an empty string counts as absent, as in the Terraform provider).
  public static func resolve(
    baseURL: String?, token: String?, insecure: Bool = false, caCertificateFile: String? = nil,
    environment: [String: String], clientVersion: String
  ) throws -> GitLabConnection {
    func given(_ value: String?) -> String? {
      guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
      return value
    }
    let url = given(baseURL) ?? given(environment["GITLAB_BASE_URL"]) ?? defaultBaseURL
    let secret = given(token) ?? given(environment["GITLAB_TOKEN"]) ?? ""
    return try GitLabConnection(
      baseURL: url, token: SecretValue(secret.trimmingCharacters(in: .whitespacesAndNewlines)),
      clientVersion: clientVersion, insecure: insecure, caCertificateFile: caCertificateFile)
  }

  /// The API root for any accepted spelling of a GitLab URL.
  ///
  /// Accepts http and https URLs with a host, an optional port and an optional path prefix; strips
  /// trailing slashes and one `/api/v4` suffix, then appends `/api/v4`. Rejects user info
  /// (credentials belong in the token, and a URL is echoed in messages), queries and fragments.
  public static func normalizedAPIBaseURL(_ text: String) throws -> URL {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    func invalid(_ why: String) -> GitLabError {
      .invalidConfiguration(
        "invalid GitLab base URL \(quoted(trimmed)): \(why); use a URL such as "
          + "https://gitlab.example.com or https://gitlab.example.com/api/v4")
    }
    guard !trimmed.isEmpty else { throw invalid("it is empty") }
    guard let components = URLComponents(string: trimmed) else {
      throw invalid("it is not a URL")
    }
    // Checked first so that no message below echoes a password.
    guard components.user == nil, components.password == nil else {
      throw GitLabError.invalidConfiguration(
        "invalid GitLab base URL: it contains a user name or password; remove them from the URL "
          + "and put the token in the provider's token or GITLAB_TOKEN")
    }
    guard let scheme = components.scheme else { throw invalid("it has no scheme (https://)") }
    guard ["http", "https"].contains(scheme.lowercased()) else {
      throw invalid("the scheme must be http or https")
    }
    guard let host = components.host, !host.isEmpty else { throw invalid("it has no host") }
    guard components.query == nil, components.fragment == nil else {
      throw invalid("it must not have a query (?...) or fragment (#...)")
    }
    var path = components.percentEncodedPath
    while path.hasSuffix("/") { path.removeLast() }
    if path.lowercased().hasSuffix(GitLabREST.pathPrefix) {
      path.removeLast(GitLabREST.pathPrefix.count)
      while path.hasSuffix("/") { path.removeLast() }
    }
    var root = "\(scheme.lowercased())://\(components.percentEncodedHost ?? host)"
    if let port = components.port { root += ":\(port)" }
    guard let url = URL(string: root + path + GitLabREST.pathPrefix) else {
      throw invalid("it cannot be turned into an API URL")
    }
    return url
  }

  /// A user-supplied string in messages: quoted, and cut short so a pasted blob stays readable.
  private static func quoted(_ text: String) -> String {
    let shown = text.count > 100 ? String(text.prefix(100)) + "…" : text
    return "\"\(shown)\""
  }
}
