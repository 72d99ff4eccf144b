import Foundation

/// The expiry rules every token kind shares: checks of `expires_at` and
/// `rotation_configuration` at validate time, and the tokens a plan cannot renew or import.
extension TokenAttributes {
  /// A well-formed date, not together with `rotation_configuration`, rotation days ≥ 1.
  static func checkExpiry(_ config: Value, ranges: AttributeRanges, requireOne: Bool)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    let expires = config[attribute: "expires_at"]
    let rotation = config[attribute: "rotation_configuration"]
    if let text = expires.stringValue, !expires.isSensitive, CalendarDate(text) == nil {
      diagnostics.append(
        .error(
          "Invalid date", detail: "expires_at must be a date as YYYY-MM-DD, not \(Value.quoted(text)).",
          subject: ranges.range(of: "expires_at")))
    }
    // Only values known to be set conflict: `cond ? date : null` beside a rotation that is also
    // conditional is decided per instance, when both are known (as Terraform's ConflictsWith).
    if expires.isKnown && rotation.isKnown && !expires.isNull && !rotation.isNull {
      diagnostics.append(
        .error(
          "Invalid Attribute Combination",
          detail: "expires_at and rotation_configuration exclude each other: set one of them.",
          subject: ranges.range(of: "rotation_configuration")))
    } else if requireOne && expires.isNull && rotation.isNull {
      diagnostics.append(
        .error(
          "Invalid Attribute Combination",
          detail: "Exactly one of expires_at or rotation_configuration must be set.",
          subject: ranges.block))
    }
    for name in ["expiration_days", "rotate_before_days"] {
      if let days = rotation.int(name), days < 1 {
        diagnostics.append(
          .error(
            "Invalid Attribute Value",
            detail: "rotation_configuration.\(name) value must be at least 1, got \(days).",
            subject: ranges.range(of: "rotation_configuration")))
      }
    }
    return diagnostics + checkRotationDays(rotation, ranges: ranges)
  }

  /// GitLab's longest token lifetime in days (gitlab-api.md §1.3: `max_lifetime`).
  static let maximumLifetimeDays = 365

  /// Days GitLab would refuse, and days that would rotate on every run: a token rotated
  /// `rotate_before_days` before an expiry only `expiration_days` away is due again at once.
  /// Sensitive days are described, never shown.
  static func checkRotationDays(_ rotation: Value, ranges: AttributeRanges) -> [Diagnostic] {
    guard !rotation.isNull, !rotation.containsSensitive else { return [] }
    var diagnostics: [Diagnostic] = []
    let range = ranges.range(of: "rotation_configuration")
    if let days = rotation.int("expiration_days"), days > maximumLifetimeDays {
      diagnostics.append(
        .error(
          "Invalid Attribute Value",
          detail: "rotation_configuration.expiration_days is \(days), beyond GitLab's maximum token "
            + "lifetime of \(maximumLifetimeDays) days: GitLab would refuse to make the token.",
          subject: range))
    }
    if let days = rotation.int("expiration_days"), let before = rotation.int("rotate_before_days"),
      days >= 1, before >= 1, before >= days
    {
      diagnostics.append(
        .error(
          "Invalid Attribute Combination",
          detail: "rotation_configuration.rotate_before_days (\(before)) must be less than "
            + "expiration_days (\(days)): a token that expires in \(days) days and is renewed "
            + "\(before) days before would be due for rotation again the day it is made, and "
            + "rotate on every apply.",
          subject: range))
    }
    return diagnostics
  }

  // MARK: - Tokens left as they are

  /// A revoked token is not imported: GitLab never accepts it again and refuses to rotate it,
  /// so the state would hold a dead token that the next plan replaces with a new one — what
  /// planning without the import does, minus the pretence that something was adopted.
  static func revokedImport(_ object: Value, type: String, id: String) -> String? {
    guard object.bool("revoked") == true else { return nil }
    return "The \(type) \(Value.quoted(id)) is revoked in GitLab: it will never work again and cannot be "
      + "rotated, so there is nothing to adopt. Remove the import and let gitform create the token, or "
      + "import a token that is still active."
  }

  /// Why a token that expired (or was revoked) is left as it is, or nil: its configured
  /// `expires_at` is a fixed date that has passed and no `rotation_configuration` renews it, so
  /// any token gitform made would be born expired (`replacementReason` leaves it, as the
  /// provider does). The plan warns with this on every run until the configuration changes,
  /// and `gitform expiry` gives the same advice.
  static func unrenewable(prior: Value, config: Value, today: CalendarDate) -> Unrenewable? {
    let configured = config[attribute: "expires_at"]
    guard config[attribute: "rotation_configuration"].isNull, !configured.containsSensitive,
      let fixed = configured.stringValue.flatMap(CalendarDate.init), fixed <= today
    else { return nil }
    let expiry = prior.string("expires_at").flatMap(CalendarDate.init)
    let what: String
    let state: String
    if prior.bool("revoked") == true {
      (what, state) = ("was revoked", "is revoked")
    } else if let expiry, expiry <= today {
      (what, state) = ("expired on \(expiry)", "has expired")
    } else {
      return nil
    }
    return Unrenewable(
      state: state,
      advice: "The token \(what), and its expires_at is the fixed date \(fixed), which has passed: "
        + "gitform cannot renew it, because a new token with that date would be born expired. "
        + "Change expires_at to a future date (the token is then replaced), or use "
        + "rotation_configuration to renew it automatically.")
  }
}

/// An expired or revoked object the plan leaves as it is, and what the user can do instead.
public struct Unrenewable: Equatable, Sendable {
  /// "has expired", "is revoked": completes "user_token.ci … and cannot be renewed".
  public var state: String
  /// Why, and what to change.
  public var advice: String
}
