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
  /// `http://` to a host that is not this machine was explicitly allowed (`insecure_http`).
  public var allowsPlainHTTP: Bool

  /// - Parameters:
  ///   - baseURL: `https://gitlab.example.com`, with or without a trailing `/` or `/api/v4`;
  ///     a GitLab under a relative path (`https://example.com/gitlab`) works too.
  ///   - clientVersion: gitform's version, for the `User-Agent` (`gitform/VERSION`); the caller
  ///     passes it because this layer sits below the CLI that owns the version number.
  ///   - allowPlainHTTP: permits `http://` to a host other than loopback (`insecure_http`).
  /// - Throws: `GitLabError` with code `.invalidConfiguration` for an unusable URL, an empty
  ///   token, or plain HTTP to another machine without `allowPlainHTTP`, saying which value to
  ///   fix.
  public init(
    baseURL: String, token: SecretValue, clientVersion: String, insecure: Bool = false,
    caCertificateFile: String? = nil, requestTimeout: TimeInterval = 30,
    allowPlainHTTP: Bool = false
  ) throws {
    self.apiBaseURL = try GitLabConnection.normalizedAPIBaseURL(baseURL)
    try GitLabConnection.checkTransportSecurity(apiBaseURL, allowPlainHTTP: allowPlainHTTP)
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
    self.allowsPlainHTTP = allowPlainHTTP
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
        "invalid GitLab base URL \(quoted(echoable(trimmed))): \(why); use a URL such as "
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

  /// Refuses `http://` to another machine unless allowed: the token would cross the network in
  /// clear, readable (and replayable) by anyone on the path, and so would every token value
  /// GitLab answers a create with. Loopback never leaves the machine (the emulator, a tunnel).
  static func checkTransportSecurity(_ apiBaseURL: URL, allowPlainHTTP: Bool) throws {
    guard apiBaseURL.scheme == "http", !allowPlainHTTP else { return }
    let host = apiBaseURL.host ?? ""
    guard !isLoopback(host) else { return }
    throw GitLabError.invalidConfiguration(
      "refusing to send the GitLab token over plain HTTP to \(host): base_url "
        + "\(apiBaseURL.absoluteString) is not encrypted, so the API token (and every token "
        + "value GitLab answers with) would travel in clear text, readable by anyone on the "
        + "network path. Use https://, or, only on a network you trust, set insecure_http = true "
        + "in the provider \"gitlab\" block")
  }

  /// True for `localhost`, 127.0.0.0/8 and ::1 (also IPv4-mapped): addresses that never leave
  /// this machine. Other names are not resolved: what a name resolves to can change.
  static func isLoopback(_ host: String) -> Bool {
    var name = host.lowercased()
    if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
    if name == "localhost" || name == "localhost." { return true }
    var v4 = in_addr()
    if inet_pton(AF_INET, name, &v4) == 1 {
      return UInt32(bigEndian: v4.s_addr) >> 24 == 127
    }
    var v6 = in6_addr()
    guard inet_pton(AF_INET6, name, &v6) == 1 else { return false }
    let bytes = withUnsafeBytes(of: v6) { Array($0) }
    if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }
    // ::ffff:127.x.y.z
    return bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF
      && bytes[12] == 127
  }

  /// The part of a base URL that may be shown: without a query or fragment (a `?private_token=`
  /// is a secret) and without user info, even when the text is too broken to parse.
  static func echoable(_ text: String) -> String {
    var shown = Substring(text)
    if let cut = shown.firstIndex(where: { $0 == "?" || $0 == "#" }) { shown = shown[..<cut] }
    let authorityStart = shown.range(of: "://")?.upperBound ?? shown.startIndex
    let authorityEnd = shown[authorityStart...].firstIndex(of: "/") ?? shown.endIndex
    if let at = shown[authorityStart..<authorityEnd].lastIndex(of: "@") {
      shown = shown[..<authorityStart] + shown[shown.index(after: at)...]
    }
    return String(shown)
  }

  /// A user-supplied string in messages: quoted as Go's `%q` (so no control character reaches
  /// the terminal), and cut short so a pasted blob stays readable.
  private static func quoted(_ text: String) -> String {
    StringQuoting.quote(text.count > 100 ? String(text.prefix(100)) + "…" : text, .go)
  }
}
