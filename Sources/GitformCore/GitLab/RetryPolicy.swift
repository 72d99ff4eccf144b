import Foundation

/// When the client sends a request again, and how long it waits first.
///
/// A pure value: `delay(afterAttempt:…)` decides, the client sleeps. Only idempotent requests
/// (GET, PUT, DELETE) are retried on 502/503/504 and on broken connections; a 429 is retried for
/// every method, because GitLab's rate limiters refuse a request before doing any of its work.
/// A 500 is retried only for reads and revocations (GET, DELETE), as go-retryablehttp does for the
/// Terraform provider: repeating them is harmless, and a transient 500 should not fail a plan.
/// Backoff doubles from `baseDelay` up to `maximumDelay`; a `Retry-After` is honoured up to
/// `maximumRetryAfter`, so a server asking for an hour cannot stall an apply for an hour.
public struct RetryPolicy: Sendable, Equatable {
  /// Total sends of one request, the first included; 1 disables retries.
  public var maximumAttempts: Int
  public var baseDelay: TimeInterval
  public var maximumDelay: TimeInterval
  public var maximumRetryAfter: TimeInterval

  public init(
    maximumAttempts: Int = 5, baseDelay: TimeInterval = 0.5, maximumDelay: TimeInterval = 8,
    maximumRetryAfter: TimeInterval = 60
  ) {
    self.maximumAttempts = max(1, maximumAttempts)
    self.baseDelay = max(0, baseDelay)
    self.maximumDelay = max(0, maximumDelay)
    self.maximumRetryAfter = max(0, maximumRetryAfter)
  }

  /// No retries at all.
  public static let never = RetryPolicy(maximumAttempts: 1)

  /// The wait before sending again after `attempt` (1-based) got `response`, or nil to stop.
  public func delay(
    afterAttempt attempt: Int, response: GitLabResponse, method: GitLabRequest.Method
  ) -> TimeInterval? {
    guard attempt < maximumAttempts else { return nil }
    switch response.status {
    case 429:
      if let seconds = RetryPolicy.retryAfterSeconds(response.header("Retry-After")) {
        return min(seconds, maximumRetryAfter)
      }
      return backoff(attempt)
    case 500:
      return method == .get || method == .delete ? backoff(attempt) : nil
    case 502, 503, 504:
      return method.isIdempotent ? backoff(attempt) : nil
    default:
      return nil
    }
  }

  /// The wait before sending again after `attempt` failed without a response, or nil to stop.
  public func delay(
    afterAttempt attempt: Int, failure: TransportFailure, method: GitLabRequest.Method
  ) -> TimeInterval? {
    guard attempt < maximumAttempts, method.isIdempotent, failure.isTransient else { return nil }
    return backoff(attempt)
  }

  /// `baseDelay · 2^(attempt−1)`, capped.
  func backoff(_ attempt: Int) -> TimeInterval {
    let exponent = Double(min(max(attempt - 1, 0), 30))
    return min(maximumDelay, baseDelay * pow(2, exponent))
  }

  /// `Retry-After` as delay-seconds (RFC 9110 also allows an HTTP date; GitLab sends seconds, and
  /// a date falls back to the exponential backoff).
  static func retryAfterSeconds(_ value: String?) -> TimeInterval? {
    guard let value, let seconds = Int(value.trimmingCharacters(in: .whitespaces)), seconds >= 0
    else { return nil }
    return TimeInterval(seconds)
  }
}
