/// Why the state could not be read, written, locked or unlocked where it lives, in words that
/// say what the server answered and what to do about it.
///
/// Messages never contain a password or token: they are built from statuses, GitLab's error
/// text and addresses without credentials, and `init` scrubs the configured secrets out of the
/// text as a last line of defence (a server could echo anything back).
public struct BackendError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Code: String, Equatable, Sendable {
    /// The backend block or `TF_HTTP_*` variables are unusable.
    case invalidConfiguration
    /// 401: no credentials, wrong credentials, an expired or revoked token, a finished job.
    case unauthorized
    /// 403: the credentials are valid but lack a role or scope.
    case forbidden
    /// Another holder has the lock (409/423), still, after any `-lock-timeout`.
    case locked
    /// An unlock or force-unlock named an ID the server does not hold.
    case lockMismatch
    /// A write was refused because the stored state already has that serial (GitLab's 422).
    case staleSerial
    /// The state is larger than the server accepts (413).
    case tooLarge
    /// The state is scheduled for deletion (GitLab's 422 `StateDeletedError`).
    case deleted
    /// The project or the route does not exist (404 where "no state" is not the meaning).
    case notFound
    /// A 5xx after every retry, or any other status gitform cannot interpret.
    case serverError
    case unexpectedStatus
    /// No HTTP answer at all, after every retry.
    case transport
    /// The server answered with something that is not a state gitform can read.
    case invalidState
    /// A state push or migration would replace an unrelated or newer state (without -force).
    case conflictingState
    /// The local state file or lock failed (`StateError` / `StateLockError` underneath).
    case local
  }

  public var code: Code
  /// One line, for the CLI's `Error: …` heading.
  public var summary: String
  /// What happened, where, and what to do.
  public var detail: String
  /// The lock holder's info for `.locked`, as the server reported it.
  public var holder: LockInfo?
  /// The HTTP status behind the error, when there was one.
  public var status: Int?

  public init(
    code: Code, summary: String, detail: String, holder: LockInfo? = nil, status: Int? = nil,
    secrets: [SecretValue] = []
  ) {
    self.code = code
    self.summary = BackendError.scrub(summary, secrets)
    self.detail = BackendError.scrub(detail, secrets)
    self.holder = holder
    self.status = status
  }

  public var description: String { "\(summary)\n\n\(detail)" }

  /// `text` with every non-trivial secret replaced by `(sensitive value)` — raw, JSON-escaped or
  /// percent-encoded, as the GitLab client scrubs server text — and without terminal controls.
  /// Very short values are left alone: no real token is that short, and replacing them would
  /// blank out ordinary words of gitform's own explanation.
  static func scrub(_ text: String, _ secrets: [SecretValue]) -> String {
    ServerText(secrets: secrets.filter { $0.reveal().count >= ServerText.shortestReplaceable }).clean(text)
  }

  static func invalidConfiguration(_ detail: String) -> BackendError {
    BackendError(
      code: .invalidConfiguration, summary: "Invalid backend configuration", detail: detail)
  }

  static func local(_ error: StateError) -> BackendError {
    BackendError(code: .local, summary: error.summary, detail: error.detail)
  }

  static func local(_ error: StateLockError) -> BackendError {
    let code: Code
    switch error.code {
    case .held: code = .locked
    case .idMismatch, .notLocked: code = .lockMismatch
    case .holderRunning, .fileSystem: code = .local
    }
    return BackendError(
      code: code, summary: error.summary, detail: error.detail, holder: error.holder)
  }
}
