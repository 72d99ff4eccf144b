import Foundation

/// The time a create was asked for, recorded in the pending object's `created_at` before it is
/// sent (`intentToCreate`), and what it rules out when a lost answer is looked for.
///
/// A look at GitLab after a create in doubt finds objects by what was asked for (a username, a
/// key's text). One that already existed before the request — another user's account of that
/// name, a key the user had — matches too, and adopting it would hand gitform an object it never
/// made: to change (a stranger's password) and one day to delete. GitLab's creation time tells
/// them apart, give or take `TokenAttributes.clockTolerance` for the clocks of two machines.
enum RequestTime {
  /// `planned` with the request time, unless it has one (the same rule as tokens').
  static func recorded(_ planned: Value, at now: Date) -> Value {
    TokenAttributes.requested(planned, at: now)
  }

  /// Whether an object GitLab made at `made` may be what `pending` asked for. True when the
  /// request time is unknown (a state written before it was recorded); false when it is known
  /// and GitLab's time is not.
  static func mayBeMade(at made: Date?, for pending: Value) -> Bool {
    guard pending[attribute: "created_at"].isKnown, let text = pending.string("created_at"),
      let requested = GitLabJSON.parseTimestamp(text)
    else { return true }
    guard let made else { return false }
    return made >= requested.addingTimeInterval(-TokenAttributes.clockTolerance)
  }
}
