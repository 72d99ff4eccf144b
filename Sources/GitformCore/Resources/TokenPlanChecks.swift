import Foundation

/// The plan-time checks every token kind shares, made before any request that changes GitLab
/// (the Terraform provider finds these only at apply): past or same-day expiry dates, dates
/// beyond GitLab's maximum lifetime, `timestamp()` in `expires_at`, and the hint when automatic
/// reuse detection probably revoked a token.
enum TokenPlanChecks {
  /// Errors for one planned change of a token. Only a token gitform is about to make — create,
  /// replace, or a rotation that moves its expiry — is checked: a token left as it is never
  /// trips the past-expiry check.
  static func expiryDiagnostics(_ change: ResourceChange, ranges: AttributeRanges, now: Date) -> [Diagnostic] {
    guard let after = change.after else { return [] }
    let today = CalendarDate(utcDayOf: now)
    let range = ranges.attributes["expires_at"] ?? ranges.attributes["rotation_configuration"] ?? ranges.block
    let makesToken: Bool
    switch change.action {
    case .create, .deleteThenCreate, .createThenDelete: makesToken = true
    case .update: makesToken = after.string("expires_at") != change.before?.string("expires_at")
    case .noOp, .read, .delete, .forget: makesToken = false
    }
    guard makesToken, let text = after.string("expires_at"), let expiry = CalendarDate(text) else { return [] }
    var diagnostics: [Diagnostic] = []
    // A sensitive expires_at (computed from a secret) is described, never shown.
    let shown = after[attribute: "expires_at"].containsSensitive ? "(sensitive value)" : "\(expiry)"
    if expiry <= today, after.bool("validate_past_expiration_date") != false {
      diagnostics.append(
        .error(
          "Expiry date in the past",
          detail: "\(change.address): expiry date \(shown) must be in the future. Current time is "
            + "\(TokenAttributes.timestamp(now)). A token stops working at 00:00 UTC "
            + "on its expiry day, so GitLab would make a token that is already expired. Choose a "
            + "later expires_at, or set validate_past_expiration_date = false to allow it.",
          subject: range))
    }
    let maximum = TokenAttributes.maximumLifetimeDays
    let latest = today.adding(days: maximum)
    if latest < expiry {
      diagnostics.append(
        .error(
          "Expiry date too far away",
          detail: "\(change.address): expiry date \(shown) is beyond GitLab's maximum token "
            + "lifetime of \(maximum) days. The latest allowed date is \(latest).",
          subject: range))
    }
    return diagnostics
  }

  /// A warning when the block's `expires_at` calls `timestamp()`: its value is unknown until
  /// apply and new on every run, so the token would rotate on every apply.
  static func timestampWarnings(_ resource: ResourceAddress, attributes: [Attribute]) -> [Diagnostic] {
    guard let attribute = attributes.first(where: { $0.name == "expires_at" }),
      ExpressionCalls.calls("timestamp", in: attribute.expression)
    else { return [] }
    return [
      .warning(
        "timestamp() in expires_at changes the token on every run",
        detail: "\(resource).expires_at uses timestamp(), which is only known during apply "
          + "and is different every time, so every plan would rotate this token. Use plantimestamp() "
          + "(fixed for one plan), a fixed date, or rotation_configuration { expiration_days, "
          + "rotate_before_days } to renew it on a schedule.",
        subject: attribute.expression.range)
    ]
  }

  /// For a token planned to be replaced because it was revoked: when GitLab holds a newer
  /// token of the same owner and name (its family), automatic reuse detection is the likely
  /// cause — a rotated-away value was used to call a rotate endpoint (gitlab-api.md §2.9).
  static func reuseDetectionWarnings(_ change: ResourceChange, context: ResourceContext) -> [Diagnostic] {
    guard change.action.isReplace, change.reason == .revokedOutside,
      let before = change.before, let tokenID = before.int("token_id"),
      let newer = try? TokenFamily.newer(than: before, type: change.address.resource.type, context: context),
      !newer.isEmpty
    else { return [] }
    let ids = newer.map { "\($0.id) (\($0.revoked ? "revoked" : "active"))" }.joined(separator: ", ")
    if let active = newer.last(where: { !$0.revoked }) {
      return [
        .warning(
          "\(change.address) was rotated outside gitform",
          detail: "Token \(tokenID) is revoked, and newer tokens of its family exist: \(ids). Someone "
            + "rotated it outside gitform. gitform will replace it with a new token and leave token "
            + "\(active.id) as it is; to manage token \(active.id) instead, remove \(change.address) "
            + "from the state and import it (gitform import). Whoever still holds the value of token "
            + "\(tokenID) and rotates with it makes GitLab revoke the whole family (automatic reuse "
            + "detection).")
      ]
    }
    return [
      .warning(
        "\(change.address) was revoked by GitLab's automatic reuse detection, probably",
        detail: "Token \(tokenID) is revoked, and newer tokens of its family exist: \(ids). GitLab "
          + "revokes a whole token family when an old, rotated-away value of it is used to call a "
          + "rotate endpoint. Check which CI jobs, scripts or people still hold an old value of "
          + "\(change.address) and rotate with it, and stop them; gitform itself never sends a "
          + "rotated-away value. gitform will replace the token with a new one.")
    ]
  }

  /// GitLab's token records as `gitform expiry -all` lists them.
  static func listed(_ records: [GitLabAccessToken], owner: String, kind: String) -> [ExpiringObject] {
    records.map { record in
      ExpiringObject(
        owner: owner, kind: record.impersonation == true ? "impersonation" : kind, id: record.id,
        name: record.name, expiresAt: record.expiresAt, revoked: record.revoked)
    }
  }
}
