import Foundation

/// The words for a long wait of the GitLab client, one line on standard error so a person
/// watching a CI log knows why nothing moves (machine-read standard output stays clean).
extension GitLabWait: CustomStringConvertible {
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
