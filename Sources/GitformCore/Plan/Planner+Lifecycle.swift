import Foundation

/// The planner's token-lifecycle checks, made at plan time so that a bad expiry stops the run
/// before any request that changes GitLab (the Terraform provider finds these only at apply):
/// past or same-day expiry dates, dates beyond GitLab's maximum lifetime, `timestamp()` in
/// `expires_at`, and the hint when automatic reuse detection probably revoked a token.
extension Planner {
  /// GitLab's maximum token lifetime in days (gitlab-api.md §1.3).
  static let maximumLifetimeDays = TokenAttributes.maximumLifetimeDays

  /// Errors and warnings for one planned change of a token.
  ///
  /// Only a token gitform is about to make — create, replace, or a rotation that moves its
  /// expiry — is checked: a token left as it is never trips the past-expiry check.
  func lifecycleDiagnostics(_ change: ResourceChange, _ instance: InstanceConfig) -> [Diagnostic] {
    guard let after = change.after, after.attributes?["token_id"] != nil else { return [] }
    let today = resourceContext.today
    let range = instance.ranges.attributes["expires_at"]
      ?? instance.ranges.attributes["rotation_configuration"] ?? instance.ranges.block
    var diagnostics: [Diagnostic] = []
    let makesToken: Bool
    switch change.action {
    case .create, .replace: makesToken = true
    case .update: makesToken = after.string("expires_at") != change.before?.string("expires_at")
    case .noOp, .read, .delete: makesToken = false
    }
    if makesToken, let text = after.string("expires_at"), let expiry = CalendarDate(text) {
      // A sensitive expires_at (computed from a secret) is described, never shown.
      let shown = after[attribute: "expires_at"].containsSensitive ? "(sensitive value)" : "\(expiry)"
      if expiry <= today, after.bool("validate_past_expiration_date") != false {
        diagnostics.append(
          .error(
            "Expiry date in the past",
            detail: "\(change.address): expiry date \(shown) must be in the future. Current time is "
              + "\(TokenAttributes.timestamp(resourceContext.now)). A token stops working at 00:00 UTC "
              + "on its expiry day, so GitLab would make a token that is already expired. Choose a "
              + "later expires_at, or set validate_past_expiration_date = false to allow it.",
            subject: range))
      }
      let latest = today.adding(days: Planner.maximumLifetimeDays)
      if latest < expiry {
        diagnostics.append(
          .error(
            "Expiry date too far away",
            detail: "\(change.address): expiry date \(shown) is beyond GitLab's maximum token "
              + "lifetime of \(Planner.maximumLifetimeDays) days. The latest allowed date is \(latest).",
            subject: range))
      }
    }
    return diagnostics
  }

  /// A warning for every resource block whose `expires_at` calls `timestamp()`: its value is
  /// unknown until apply and new on every run, so the token would rotate on every apply.
  func timestampWarnings() -> [Diagnostic] {
    configuration.resources.filter { $0.mode == .managed }.sorted { $0.address < $1.address }
      .compactMap { resource in
        guard let attribute = resource.block.body.attributes.first(where: { $0.name == "expires_at" }),
          ExpressionCalls.calls("timestamp", in: attribute.expression)
        else { return nil }
        return .warning(
          "timestamp() in expires_at changes the token on every run",
          detail: "\(resource.address).expires_at uses timestamp(), which is only known during apply "
            + "and is different every time, so every plan would rotate this token. Use plantimestamp() "
            + "(fixed for one plan), a fixed date, or rotation_configuration { expiration_days, "
            + "rotate_before_days } to renew it on a schedule.",
          subject: attribute.expression.range)
      }
  }

  /// Configuration-only settings (`rotation_configuration`, `validate_past_expiration_date`)
  /// of instances that need no change are written into the state apply starts from, so the
  /// next plan compares against them. Without this, `{20,30}` → `{20,1}` would look changed
  /// forever and rotate again on a later day.
  func recordConfigOnlySettings(_ changes: [ResourceChange], into state: inout StateSnapshot) {
    for change in changes where change.action == .noOp {
      guard let after = change.after, let type = ResourceCatalog.managed(change.address.resource.type),
        var object = state.objects[change.address]
      else { continue }
      var value = object.value
      for name in type.configOnlyAttributes.sorted() where value.attributes?[name] != nil || after.attributes?[name] != nil {
        value = value.setting(name, after[attribute: name])
      }
      object.value = value
      state.objects[change.address] = object
    }
  }

  /// For every token planned to be replaced because it was revoked: when GitLab holds a newer
  /// token of the same owner and name (its family), automatic reuse detection is the likely
  /// cause — a rotated-away value was used to call a rotate endpoint (gitlab-api.md §2.9).
  func reuseDetectionWarnings(_ changes: [ResourceChange]) -> [Diagnostic] {
    changes.compactMap { change -> Diagnostic? in
      guard change.action == .replace, change.reason == TokenAttributes.revokedReason,
        let before = change.before, let tokenID = before.int("token_id"),
        let newer = try? TokenFamily.newer(than: before, type: change.address.resource.type, context: resourceContext),
        !newer.isEmpty
      else { return nil }
      let ids = newer.map { "\($0.id) (\($0.revoked ? "revoked" : "active"))" }.joined(separator: ", ")
      if let active = newer.last(where: { !$0.revoked }) {
        return .warning(
          "\(change.address) was rotated outside gitform",
          detail: "Token \(tokenID) is revoked, and newer tokens of its family exist: \(ids). Someone "
            + "rotated it outside gitform. gitform will replace it with a new token and leave token "
            + "\(active.id) as it is; to manage token \(active.id) instead, remove \(change.address) "
            + "from the state and import it (gitform import). Whoever still holds the value of token "
            + "\(tokenID) and rotates with it makes GitLab revoke the whole family (automatic reuse "
            + "detection).")
      }
      return .warning(
        "\(change.address) was revoked by GitLab's automatic reuse detection, probably",
        detail: "Token \(tokenID) is revoked, and newer tokens of its family exist: \(ids). GitLab "
          + "revokes a whole token family when an old, rotated-away value of it is used to call a "
          + "rotate endpoint. Check which CI jobs, scripts or people still hold an old value of "
          + "\(change.address) and rotate with it, and stop them; gitform itself never sends a "
          + "rotated-away value. gitform will replace the token with a new one.")
    }
  }
}
