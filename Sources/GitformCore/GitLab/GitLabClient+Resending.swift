import Foundation

/// Sending a create again after its outcome was left in doubt.
///
/// The client never repeats a create (POST) by itself: a second send could make a second token.
/// The engine can do better — it looks at GitLab for what the first send made before it sends
/// again — and asks the client two things for that: whether a failure leaves the outcome in
/// doubt (`leavesCreateInDoubt`), and to wait before the next send, with the same count and
/// back-off as every other retry (`pauseBeforeResending`).
extension GitLabClient {
  /// True when a failed create may have been made, or failed for a passing reason, so that
  /// looking at GitLab and sending again is worth it: an unknown outcome (a dropped connection,
  /// a gateway error, a timeout, an unreadable answer), GitLab's own 500 or 503, or a
  /// connection that failed before the request went out. A refusal (4xx, a 429 after every
  /// allowed retry) is final: sending the same request again would be refused again.
  public static func leavesCreateInDoubt(_ error: Error) -> Bool {
    guard let error = error as? GitLabError else { return false }
    switch error.code {
    case .outcomeUnknown, .transportFailure: return true
    case .serverError: return error.status.map { [500, 502, 503, 504].contains($0) } ?? true
    default: return false
    }
  }

  /// True when a create in doubt may be looked for and sent again now. Not after a timeout or
  /// a gateway's 504: GitLab may still be working on the first send, so a search finds nothing
  /// yet and a second send would make a second token when the first one lands. Such a create
  /// stays pending, and a later run adopts what GitLab made.
  public static func mayResendCreate(_ error: Error) -> Bool {
    guard leavesCreateInDoubt(error) else { return false }
    if let error = error as? GitLabError, error.mayStillBeWorking || error.status == 504 { return false }
    return true
  }

  /// Waits before send number `attempt + 1` of a create whose send number `attempt` failed in
  /// doubt, as `retryPolicy` waits before any retry (announced when long). False, without
  /// waiting, when the policy allows no further send.
  public func pauseBeforeResending(afterAttempt attempt: Int, request: String, reason: String) -> Bool {
    guard attempt < retryPolicy.maximumAttempts else { return false }
    let wait = retryPolicy.backoff(attempt)
    if let waitObserver, wait >= GitLabWait.announceRetriesFrom {
      waitObserver(
        GitLabWait(
          .retry(
            seconds: wait, reason: reason, nextAttempt: attempt + 1,
            maximumAttempts: retryPolicy.maximumAttempts),
          request: request))
    }
    sleep(wait)
    return true
  }
}
