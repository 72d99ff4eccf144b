import Foundation

/// A long wait the client is in, told to whoever built it so a person watching a CI log knows
/// why nothing moves: a 429 or 5xx back-off before sending again, or an answer slow to come.
///
/// The client never prints (it sits below the CLI); it calls `GitLabClient.waitObserver`, from
/// whichever thread is waiting, with the wait as data, and CLI/Views words it
/// (`GitLabWait.description`).
public struct GitLabWait: Sendable, Equatable {
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
}
