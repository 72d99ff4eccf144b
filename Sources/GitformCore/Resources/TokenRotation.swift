import Foundation

/// A rotation the plan decides for a token although its configured attributes did not change:
/// its rotation date has come, or its `rotation_configuration` days changed.
///
/// The rules are the Terraform provider's (terraform-gitlab-provider.md §1 and §9): rotate when
/// today ≥ `expires_at` − `rotate_before_days` (the expiry day starts at 00:00 UTC); the new
/// expiry is today + `expiration_days`, decided once at plan time and carried into apply;
/// changed days rotate at once; and nothing happens when the new date is the date the token
/// already has, which is what keeps `{20,30}` → `{20,1}` from rotating again (no perpetual diff).
public struct TokenRotation: Equatable, Sendable {
  /// The new token's expiry day.
  public var expiry: CalendarDate
  /// Why: its date came (`expires 2026-12-01, within rotate_before_days = 7`), or its days changed.
  public var reason: ActionReason

  /// The rotation due for `prior` under `config`'s `rotation_configuration`, or nil.
  /// A prior without recorded days (an imported token) only rotates by date.
  public static func due(prior: Value, config: Value, today: CalendarDate) -> TokenRotation? {
    let configured = config[attribute: "rotation_configuration"]
    guard !configured.isNull, let days = configured.int("expiration_days"), days >= 1,
      let before = configured.int("rotate_before_days"), before >= 1
    else { return nil }
    let next = today.adding(days: days)
    let expiry = prior.string("expires_at").flatMap(CalendarDate.init)
    let recorded = prior[attribute: "rotation_configuration"]
    if !recorded.isNull,
      recorded.int("expiration_days") != days || recorded.int("rotate_before_days") != before
    {
      guard expiry != next else { return nil }
      return TokenRotation(
        expiry: next,
        reason: .rotationDaysChanged(expirationDays: days, beforeDays: before))
    }
    guard let expiry else {
      return TokenRotation(expiry: next, reason: .rotationGivesExpiry)
    }
    guard today >= expiry.adding(days: -before), next != expiry else { return nil }
    return TokenRotation(
      expiry: next, reason: .rotationDue(expiry: expiry, beforeDays: before))
  }
}
