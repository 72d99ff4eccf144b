import Foundation

/// `-rate-limit N`: at most N API requests per token per minute, in fixed one-minute windows
/// of the emulator's clock. Over the limit answers like Rack::Attack (§8): 429, plain text
/// `Retry later\n`, `Retry-After` and the `RateLimit-*` headers.
final class RateLimiter: @unchecked Sendable {
  private let lock = NSLock()
  private let limit: Int
  private var windows: [String: (start: Date, count: Int)] = [:]

  init(limit: Int) { self.limit = limit }

  /// Counts a request for `key`; returns the 429 response when it is over the limit.
  func admit(_ key: String, now: Date) -> HTTPResponse? {
    lock.lock()
    defer { lock.unlock() }
    var window = windows[key] ?? (start: now, count: 0)
    if now.timeIntervalSince(window.start) >= 60 || now < window.start {
      window = (start: now, count: 0)
    }
    window.count += 1
    windows[key] = window
    guard window.count > limit else { return nil }
    let reset = window.start.addingTimeInterval(60)
    let retryAfter = max(Int(reset.timeIntervalSince(now).rounded(.up)), 1)
    return HTTPResponse(
      status: 429,
      headers: [
        ("Content-Type", "text/plain"),
        ("RateLimit-Name", "throttle_authenticated_api"),
        ("RateLimit-Limit", String(limit)),
        ("RateLimit-Observed", String(window.count)),
        ("RateLimit-Remaining", "0"),
        ("RateLimit-Reset", String(Int(reset.timeIntervalSince1970.rounded(.up)))),
        ("RateLimit-ResetTime", Timestamp.httpDate(reset)),
        ("Retry-After", String(retryAfter)),
      ],
      body: Data("Retry later\n".utf8))
  }
}
