// Backend/: where the state lives — the local file, Terraform's http backend, GitLab-managed
// Terraform state — behind one protocol, with locking and lock timeouts.
//
// For: resolving `backend "http"` / `backend "gitlab"` settings (with `TF_HTTP_*` and the CI
// variables), the http backend's wire protocol (Terraform's requests, lock-info JSON, `?ID=` on
// writes while locked, `Content-MD5`, go-retryablehttp's retries), explaining every answer GitLab
// gives, and `-lock-timeout` waiting. Not for: the state's model or file format (State/, which this
// folder uses and which never imports it), GitLab's REST API for tokens (GitLab/), printing (CLI/).
// Nothing here prints; errors carry summary and detail for the CLI and never contain a secret.
// Requests go through GitLab/'s `HTTPTransport`, the one HTTP layer gitform has (libcurl's
// blocking interface: waiting for a slow state server costs no CPU).

/// What a single attempt to take the lock found.
public enum LockAttempt: Equatable, Sendable {
  /// The lock is ours until `unlock()`.
  case acquired
  /// Someone else holds it; their info when the server or lock file told us.
  case held(by: LockInfo?)
  /// This backend does not lock (an http backend without `lock_address`): carry on unlocked,
  /// as Terraform does.
  case unsupported
}

/// Where a state lives and how it is locked: the local file or a remote http/GitLab state.
///
/// One backend object per command. `load` and `persist` are what the engine uses (serial +1 per
/// changed write, nothing written when nothing changed); `pull` and `push` move the stored bytes
/// untouched (`state pull`, `state push`, `init -migrate-state`). Writes go under the lock when
/// this backend holds it (the http backend then sends `?ID=<lock id>`).
public protocol StateBackend: AnyObject, Sendable {
  /// Where the state lives, for people: a file path, or a URL without credentials.
  var location: String { get }

  /// The stored state's bytes, exactly as stored; nil when there is no state yet.
  func pull() throws(BackendError) -> [UInt8]?

  /// Replaces the stored state with `bytes`, exactly; the caller has checked lineage and serial.
  func push(_ bytes: [UInt8]) throws(BackendError)

  /// The state for a command: an empty one with a fresh lineage when none is stored.
  func load() throws(BackendError) -> State

  /// Stores `state` if its content differs from the last one loaded or persisted, with the
  /// serial raised by one; returns the state as stored.
  @discardableResult
  func persist(_ state: State) throws(BackendError) -> State

  /// One attempt to take the lock; `StateBackendLocking.acquire` retries it until a timeout.
  func tryLock(_ info: LockInfo) throws(BackendError) -> LockAttempt

  /// Releases the lock this object holds; harmless when it holds none.
  func unlock() throws(BackendError)

  /// Removes the lock with this ID, whoever holds it (`gitform force-unlock ID`).
  func forceUnlock(id: String) throws(BackendError)

  /// Seconds to wait before the first retry of a held lock; doubled up to `lockRetryMaximum`.
  var lockRetryInitial: Double { get }
  var lockRetryMaximum: Double { get }
}
