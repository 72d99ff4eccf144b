import Foundation

/// `validate_past_expiration_date`: the refusal (on unless set to false) of an expiry that is not in the future.
///
/// GitLab itself accepts a past (or today's) `expires_at` and issues a token that is born
/// expired (gitlab-api.md §1.3); the Terraform provider lets users ask for an error instead,
/// checked when the token is made, with its wording. A date stops working at 00:00 UTC, so
/// today already counts as the past.
struct PastExpirationError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
  var expiry: CalendarDate
  var now: Date
  /// A sensitive `expires_at` is described, never shown.
  var isSensitive = false

  var description: String {
    "Expiry date \(isSensitive ? "(sensitive value)" : expiry.description) must be in the future. Current time is "
      + "\(TokenAttributes.timestamp(now)). Choose a later expires_at, or set "
      + "validate_past_expiration_date = false to allow it."
  }

  var errorDescription: String? { description }

  /// Throws when `expiry` is not after `now`'s day, unless `planned` turns the check off
  /// (gitform checks by default; the plan has already said so before any request).
  static func check(_ planned: Value, expiry: CalendarDate?, now: Date) throws {
    guard planned.bool("validate_past_expiration_date") != false, let expiry,
      expiry.startOfDayUTC <= now
    else { return }
    throw PastExpirationError(
      expiry: expiry, now: now, isSensitive: planned[attribute: "expires_at"].containsSensitive)
  }
}
