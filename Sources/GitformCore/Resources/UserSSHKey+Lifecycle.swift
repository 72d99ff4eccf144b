import Foundation

/// What the engine asks of an SSH key beyond its GitLab calls: its fingerprint known at plan
/// time, an expiry GitLab would refuse, why a replacement by the same key text must delete
/// first, and when it expires.
extension UserSSHKey {
  /// The fingerprint follows from the configured key, so the plan shows it instead of
  /// "(known after apply)".
  public func plannedNew(_ planned: Value, config: Value, today: CalendarDate) -> Value {
    guard let key = planned.string("key"), case .success(let parsed) = SSHPublicKeyText.parse(key) else {
      return planned
    }
    return planned.setting("fingerprint_sha256", .string(parsed.fingerprintSHA256))
  }

  /// GitLab refuses to add a key whose `expires_at` has passed (on create only; an existing key
  /// stays listed after it). A replacement deletes the old key first, so such a date would
  /// leave the user with no key at all: refused before anything changes.
  public func planDiagnostics(_ change: ResourceChange, ranges: AttributeRanges, context: ResourceContext) -> [Diagnostic] {
    guard change.action == .create || change.action.isReplace, let text = change.after?.string("expires_at"),
      let instant = KeyExpiry.instant(text), instant <= context.now
    else { return [] }
    return [
      .error(
        "Key already expired",
        detail: "expires_at (\(Value.quoted(text))) has passed: GitLab refuses to add a key that has already expired. "
          + "Set a later expires_at, or remove it for a key that does not expire.",
        subject: ranges.range(of: "expires_at"))
    ]
  }

  /// GitLab keeps one copy of a key text in the whole instance.
  public func createBeforeDestroyProblem(prior: Value, planned: Value) -> String? {
    guard let old = prior.string("key"), let new = planned.string("key"), SSHPublicKeyText.sameKey(old, new) else {
      return nil
    }
    return "the new key has the same key text, and GitLab keeps one copy of a key text in the whole instance:"
  }

  /// A key expires at its `expires_at` (GitLab still lists it afterwards); nothing renews it but
  /// a change of the configuration, which replaces it.
  public func expiry(of object: Value, config: Value?) -> ExpiryFacts? {
    guard let keyID = object.int("key_id"), let text = object.string("expires_at"),
      let instant = KeyExpiry.instant(text)
    else { return nil }
    return ExpiryFacts(expiresAt: CalendarDate(utcDayOf: instant), rotatesOn: nil, revoked: false, listedID: keyID)
  }
}
