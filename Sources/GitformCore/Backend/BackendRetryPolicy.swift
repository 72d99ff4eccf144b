import Foundation

/// When a state request is sent again, and how long the backend waits first: the policy of
/// hashicorp/go-retryablehttp, which Terraform's http backend uses with `retry_max`,
/// `retry_wait_min` and `retry_wait_max`.
///
/// Retried, whatever the method: connection failures (not certificate errors), 429, and every
/// 5xx except 501 (including status 0). Never a 4xx: a refused credential or a lock conflict
/// does not heal by asking again. The wait before retry `n` (0-based) is `min · 2^n`, capped at
/// `max`; on 429 and 503 a `Retry-After` (seconds or an HTTP date) wins, still capped at `max`
/// so a server cannot stall a command for an hour.
public struct BackendRetryPolicy: Sendable, Equatable {
  /// Retries after the first attempt (`retry_max`).
  public var retryMax: Int
  public var waitMinimum: TimeInterval
  public var waitMaximum: TimeInterval

  public init(retryMax: Int, waitMinimum: TimeInterval, waitMaximum: TimeInterval) {
    self.retryMax = max(0, retryMax)
    self.waitMinimum = max(0, waitMinimum)
    self.waitMaximum = max(0, waitMaximum)
  }

  /// Whether go-retryablehttp's `DefaultRetryPolicy` retries this status.
  public static func isRetryable(status: Int) -> Bool {
    status == 0 || status == 429 || (status >= 500 && status != 501)
  }

  /// The wait before retry number `retry` (0-based) after `response`, or nil to stop.
  public func delay(beforeRetry retry: Int, after response: GitLabResponse, now: Date = Date())
    -> TimeInterval?
  {
    guard retry < retryMax, BackendRetryPolicy.isRetryable(status: response.status) else {
      return nil
    }
    if response.status == 429 || response.status == 503,
      let seconds = BackendRetryPolicy.retryAfter(response.header("Retry-After"), now: now)
    {
      return min(seconds, waitMaximum)
    }
    return backoff(retry)
  }

  /// The wait before retry number `retry` (0-based) after a failed connection, or nil to stop.
  public func delay(beforeRetry retry: Int, after failure: TransportFailure) -> TimeInterval? {
    guard retry < retryMax, BackendRetryPolicy.isRetryable(failure) else { return nil }
    return backoff(retry)
  }

  /// go-retryablehttp retries every connection error except certificate problems.
  public static func isRetryable(_ failure: TransportFailure) -> Bool {
    failure.kind != .tlsFailure
  }

  /// `min · 2^retry`, capped at `max`.
  func backoff(_ retry: Int) -> TimeInterval {
    min(waitMaximum, waitMinimum * pow(2, Double(min(max(retry, 0), 62))))
  }

  /// `Retry-After` as delay-seconds or as an HTTP date (RFC 9110), as go-retryablehttp reads it.
  static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
    guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    if let seconds = Int(text) { return seconds >= 0 ? TimeInterval(seconds) : nil }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }
}
