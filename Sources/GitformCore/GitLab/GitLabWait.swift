import Foundation

/// A long wait the client is in, told to whoever built it so a person watching a CI log knows
/// why nothing moves: a 429 or 5xx back-off before sending again, or an answer slow to come.
///
/// The client never prints (it sits below the CLI); it calls `GitLabClient.waitObserver`, from
/// whichever thread is waiting, and the CLI turns the wait into a line via `description`.
public struct GitLabWait: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    /// About to sleep `seconds` before sending attempt `nextAttempt` of `maximumAttempts`,
    /// because of `reason` (e.g. `HTTP 429 (rate limited)`, `timed out`).
    case retry(seconds: TimeInterval, reason: String, nextAttempt: Int, maximumAttempts: Int)
    /// No answer yet after `seconds`; the request is abandoned after `timeout` without progress.
    case slowAnswer(seconds: TimeInterval, timeout: TimeInterval)
  }

  /// Waits shorter than this pass unannounced: a quarter-second back-off is not news.
  public static let announceRetriesFrom: TimeInterval = 1
  /// How often a request still without an answer is announced.
  public static let slowAnswerInterval: TimeInterval = 10

  public var kind: Kind
  /// `METHOD /route/template`: never an id, a path or a value.
  public var request: String

  public init(_ kind: Kind, request: String) {
    self.kind = kind
    self.request = request
  }

  /// One line, e.g. `Waiting 8s for GitLab before retrying GET /projects/:id (attempt 2 of 3):
  /// HTTP 429 (rate limited).`
  public var description: String {
    switch kind {
    case .retry(let seconds, let reason, let next, let maximum):
      return "Waiting \(GitLabWait.format(seconds)) for GitLab before retrying \(request) "
        + "(attempt \(next) of \(maximum)): \(reason)."
    case .slowAnswer(let seconds, let timeout):
      return "Still waiting for GitLab to answer \(request) after \(GitLabWait.format(seconds)) "
        + "(gives up after \(GitLabWait.format(timeout)) without progress; request_timeout sets "
        + "this)."
    }
  }

  /// `8s`, `1.5s`, `2m30s`.
  static func format(_ seconds: TimeInterval) -> String {
    if seconds < 60 {
      let tenths = (seconds * 10).rounded() / 10
      return tenths == tenths.rounded() ? "\(Int(tenths))s" : "\(tenths)s"
    }
    let whole = Int(seconds.rounded())
    return whole % 60 == 0 ? "\(whole / 60)m" : "\(whole / 60)m\(whole % 60)s"
  }
}
