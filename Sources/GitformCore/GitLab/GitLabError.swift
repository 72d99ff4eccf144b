import Foundation

/// Why a GitLab operation failed, with a message that says what failed and how to fix it.
///
/// `code` is for programs (the engine treats `.notFound` on refresh as "gone" and
/// `.outcomeUnknown` as "find out later"); `message` is for people. Messages name the request
/// by method and route template (`POST /users/:user_id/personal_access_tokens`), never by token;
/// the client scrubs every secret it knows from them before they are built.
public struct GitLabError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
  public enum Code: String, Sendable, Equatable {
    /// 400 or 422: GitLab rejected the input; `fieldErrors` holds its validation messages.
    case badRequest
    /// 401: the token is unknown, expired or revoked (or GitLab hides a permission problem).
    case unauthorized
    /// 403: the token's user may not do this (not an administrator, not a Maintainer).
    case forbidden
    /// 403 `insufficient_scope`: the token lacks a scope; `acceptedScopes` lists those that work.
    case insufficientScope
    case notFound
    case conflict
    /// 429 after every allowed retry.
    case rateLimited
    /// 5xx after every allowed retry.
    case serverError
    /// A status the client does not expect here (3xx, 405, 410, 412, …).
    case unexpectedStatus
    /// No HTTP response, and the request certainly had no effect or could be safely retried.
    case transportFailure
    /// A non-idempotent request (create, rotate) was sent but its result is unknown: the
    /// connection dropped, a gateway failed, or the success answer could not be read. It was not
    /// repeated; the engine must look at GitLab to learn whether it happened.
    case outcomeUnknown
    /// The answer was not the JSON GitLab sends.
    case malformedResponse
    /// The connection settings are unusable (bad URL, no token).
    case invalidConfiguration
    /// A setting this platform cannot honour (`insecure`, `cacert_file` on Linux).
    case unsupportedOption
  }

  public var code: Code
  public var message: String
  /// The HTTP status, when GitLab answered.
  public var status: Int?
  /// `METHOD /route/template`, when a request was involved.
  public var request: String?
  /// GitLab's own explanation, flattened to one line.
  public var gitLabMessage: String?
  /// Validation errors by field, as GitLab's `{"message": {"field": ["…"]}}`.
  public var fieldErrors: [String: [String]]
  /// For `.insufficientScope`: the scopes GitLab would accept, e.g. `["api", "read_api"]`.
  public var acceptedScopes: [String]
  /// How many times the request was sent.
  public var attempts: Int
  /// For `.rateLimited`: the last `Retry-After` GitLab sent, in seconds, when it sent one.
  public var retryAfter: TimeInterval?
  /// For `.outcomeUnknown`: what is in doubt and why, without the client's advice (the engine,
  /// which may look at GitLab and send again, gives its own).
  public var doubt: String?
  /// For `.outcomeUnknown`: GitLab may still be working on the request (gitform stopped
  /// waiting, or a gateway timed out), so what it makes may appear only later. Looking now and
  /// finding nothing proves nothing: such a create is never sent again in the same run.
  public var mayStillBeWorking = false

  public init(
    code: Code, message: String, status: Int? = nil, request: String? = nil,
    gitLabMessage: String? = nil, fieldErrors: [String: [String]] = [:],
    acceptedScopes: [String] = [], attempts: Int = 0, retryAfter: TimeInterval? = nil
  ) {
    self.code = code
    self.message = message
    self.status = status
    self.request = request
    self.gitLabMessage = gitLabMessage
    self.fieldErrors = fieldErrors
    self.acceptedScopes = acceptedScopes
    self.attempts = attempts
    self.retryAfter = retryAfter
  }

  public var description: String { message }
  public var errorDescription: String? { message }

  static func invalidConfiguration(_ message: String) -> GitLabError {
    GitLabError(code: .invalidConfiguration, message: message)
  }

  static func unsupportedOption(_ message: String) -> GitLabError {
    GitLabError(code: .unsupportedOption, message: message)
  }

  /// The same error with every occurrence of each secret replaced by `(sensitive value)`.
  ///
  /// A defence in depth behind `ServerText`, which cleans what the server said before a
  /// message is built: GitLab does not echo tokens, but a proxy or a misconfigured server might,
  /// and an error message ends up in CI logs. Secrets too short to replace without mangling
  /// gitform's own words are left to `ServerText`, which withholds server text containing them.
  func redacting(_ secrets: [SecretValue]) -> GitLabError {
    var copy = self
    for secret in secrets where secret.reveal().count >= ServerText.shortestReplaceable {
      let text = secret.reveal()
      func scrub(_ string: String) -> String {
        string.replacingOccurrences(of: text, with: SecretValue.redacted)
      }
      copy.message = scrub(copy.message)
      copy.doubt = copy.doubt.map(scrub)
      copy.gitLabMessage = copy.gitLabMessage.map(scrub)
      var fields: [String: [String]] = [:]
      for (field, messages) in copy.fieldErrors { fields[scrub(field)] = messages.map(scrub) }
      copy.fieldErrors = fields
    }
    return copy
  }
}
