import Foundation

/// The `provider "gitlab"` block's values as evaluated, before the environment fills the gaps:
/// what `connection` and `retryPolicy` turn into a `GitLabConnection` and a `RetryPolicy`.
///
/// The Terraform provider's names where it has the setting (`base_url`, `token`, `insecure`,
/// `cacert_file`, and its environment variables `GITLAB_BASE_URL`, `GITLAB_TOKEN`); gitform's own
/// names, documented in the README, where it has none: `insecure_http`, `request_timeout`
/// (`GITFORM_REQUEST_TIMEOUT`) and `retries` (`GITFORM_RETRIES`).
public struct GitLabSettings: Sendable, Equatable {
  /// Seconds a request may go without progress, when neither block nor environment says.
  public static let defaultRequestTimeout: TimeInterval = 30
  /// Sends after the first, when neither block nor environment says: enough for a restarting
  /// GitLab, few enough that a dead one fails a CI job in minutes. Four, as go-gitlab (the
  /// Terraform provider's client) retries about as often: with three sends, one request in 125
  /// still fails while a fifth of them do, and an apply of hundreds of objects needs several
  /// runs; with five, about one in 3,000.
  public static let defaultRetries = 4
  /// Bounds on `request_timeout` (seconds) and `retries`, so a typo cannot make a job hang for
  /// days or hammer a struggling GitLab.
  public static let requestTimeoutRange: ClosedRange<TimeInterval> = 1...3600
  public static let retriesRange: ClosedRange<Int> = 0...10

  public var baseURL: String?
  public var token: String?
  public var insecure: Bool
  public var caCertificateFile: String?
  /// Allows `http://` to a host that is not this machine (the token then travels in clear).
  public var insecureHTTP: Bool
  public var requestTimeout: TimeInterval?
  public var retries: Int?

  public init(
    baseURL: String? = nil, token: String? = nil, insecure: Bool = false,
    caCertificateFile: String? = nil, insecureHTTP: Bool = false,
    requestTimeout: TimeInterval? = nil, retries: Int? = nil
  ) {
    self.baseURL = baseURL
    self.token = token
    self.insecure = insecure
    self.caCertificateFile = caCertificateFile
    self.insecureHTTP = insecureHTTP
    self.requestTimeout = requestTimeout
    self.retries = retries
  }

  /// The connection these settings ask for, with the environment filling in what they leave
  /// out (an empty string counts as absent, as in the Terraform provider).
  /// - Throws: `GitLabError` `.invalidConfiguration`, naming the value to fix.
  public func connection(environment: [String: String], clientVersion: String) throws
    -> GitLabConnection
  {
    let url = given(baseURL) ?? given(environment["GITLAB_BASE_URL"]) ?? GitLabConnection.defaultBaseURL
    let secret = given(token) ?? given(environment["GITLAB_TOKEN"]) ?? ""
    return try GitLabConnection(
      baseURL: url, token: SecretValue(secret.trimmingCharacters(in: .whitespacesAndNewlines)),
      clientVersion: clientVersion, insecure: insecure, caCertificateFile: caCertificateFile,
      requestTimeout: try resolvedRequestTimeout(environment), allowPlainHTTP: insecureHTTP)
  }

  /// The retry policy: `retries` retries after the first send.
  public func retryPolicy(environment: [String: String]) throws -> RetryPolicy {
    let count: Int
    if let retries {
      count = try GitLabSettings.checked(retries: retries, source: "retries in the provider \"gitlab\" block")
    } else if let text = given(environment["GITFORM_RETRIES"]) {
      guard let parsed = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw GitLabError.invalidConfiguration(
          "GITFORM_RETRIES must be a whole number of retries from \(GitLabSettings.retriesRange.lowerBound) "
            + "to \(GitLabSettings.retriesRange.upperBound), not \"\(ServerText.printable(text))\"")
      }
      count = try GitLabSettings.checked(retries: parsed, source: "GITFORM_RETRIES")
    } else {
      count = GitLabSettings.defaultRetries
    }
    return RetryPolicy(maximumAttempts: count + 1, baseDelay: 0.25)
  }

  private func resolvedRequestTimeout(_ environment: [String: String]) throws -> TimeInterval {
    if let requestTimeout {
      return try GitLabSettings.checked(
        timeout: requestTimeout, source: "request_timeout in the provider \"gitlab\" block")
    }
    guard let text = given(environment["GITFORM_REQUEST_TIMEOUT"]) else {
      return GitLabSettings.defaultRequestTimeout
    }
    guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite else {
      throw GitLabError.invalidConfiguration(
        "GITFORM_REQUEST_TIMEOUT must be a number of seconds (for example 30), not "
          + "\"\(ServerText.printable(text))\"")
    }
    return try GitLabSettings.checked(timeout: seconds, source: "GITFORM_REQUEST_TIMEOUT")
  }

  static func checked(timeout: TimeInterval, source: String) throws -> TimeInterval {
    guard requestTimeoutRange.contains(timeout) else {
      throw GitLabError.invalidConfiguration(
        "\(source) is \(GitLabSettings.seconds(timeout)); it must be from "
          + "\(GitLabSettings.seconds(requestTimeoutRange.lowerBound)) to "
          + "\(GitLabSettings.seconds(requestTimeoutRange.upperBound)) seconds")
    }
    return timeout
  }

  static func checked(retries: Int, source: String) throws -> Int {
    guard retriesRange.contains(retries) else {
      throw GitLabError.invalidConfiguration(
        "\(source) is \(retries); it must be from \(retriesRange.lowerBound) to "
          + "\(retriesRange.upperBound) (retries after the first attempt)")
    }
    return retries
  }

  /// `30` for whole seconds, `2.5` otherwise.
  static func seconds(_ value: TimeInterval) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  private func given(_ value: String?) -> String? {
    guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    return value
  }
}
