import Foundation

/// What the four token types share: scope lists, checks of `expires_at` and
/// `rotation_configuration`, the mapping of GitLab's token record to attributes, and the
/// drift rule for revoked and expired tokens.
enum TokenAttributes {
  /// Scopes of personal and impersonation tokens (the Terraform provider's list).
  static let personalScopes = [
    "admin_mode", "ai_features", "api", "create_runner", "k8s_proxy", "manage_runner",
    "read_api", "read_registry", "read_repository", "read_service_ping", "read_user",
    "read_virtual_registry", "self_rotate", "sudo", "write_registry", "write_repository",
    "write_virtual_registry",
  ]
  /// Scopes of project access tokens.
  static let projectScopes = [
    "ai_features", "api", "create_runner", "k8s_proxy", "manage_runner", "read_api",
    "read_observability", "read_registry", "read_repository", "self_rotate",
    "write_observability", "write_registry", "write_repository",
  ]
  /// Scopes of group access tokens: the project list plus the virtual registry.
  static let groupScopes = (projectScopes + ["read_virtual_registry", "write_virtual_registry"])
    .sorted()

  /// A nested attribute, as the Terraform provider declares it; the block form is accepted too.
  static let rotationConfiguration = AttributeSchema(
    "rotation_configuration", .dynamic, .optional,
    description: "Expire after a number of days, renewing before then. Excludes expires_at.",
    nested: [
      AttributeSchema(
        "expiration_days", .number, .required,
        description: "Days from creation (or rotation) until the token expires; at least 1."),
      AttributeSchema(
        "rotate_before_days", .number, .required,
        description: "Rotate this many days before expiry; at least 1, less than expiration_days."),
    ])

  /// The computed attributes every token has.
  static let computed: [AttributeSchema] = [
    AttributeSchema("id", .string, .computed, description: "The import id."),
    AttributeSchema("token_id", .number, .computed, description: "GitLab's id of the token."),
    AttributeSchema(
      "token", .string, .computed, sensitive: true,
      description: "The secret. Known only after create; absent after import."),
    AttributeSchema("active", .bool, .computed, description: "Neither revoked nor expired."),
    AttributeSchema("revoked", .bool, .computed, description: "Revoked in GitLab."),
    AttributeSchema("created_at", .string, .computed, description: "RFC 3339 creation time."),
  ]

  static let validatePastExpiration = AttributeSchema(
    "validate_past_expiration_date", .bool, .optional,
    description: "Refuse an expires_at that is not in the future (the default); false allows it.")

  // MARK: - Checks

  /// Scopes known and valid for the kind; at least one.
  static func checkScopes(
    _ config: Value, allowed: [String], kind: String, ranges: AttributeRanges
  ) -> [Diagnostic] {
    let list = config[attribute: "scopes"]
    guard let scopes = config.strings("scopes"), let elements = list.elements else { return [] }
    let range = ranges.range(of: "scopes")
    if scopes.isEmpty {
      return [.error("Invalid scopes", detail: "A \(kind) needs at least one scope.", subject: range)]
    }
    // A sensitive scope is described, never quoted, and gets no suggestion (which would hint at it).
    let secret = Set(zip(scopes, elements).filter { list.isSensitive || $0.1.containsSensitive }.map(\.0))
    return scopes.filter { !allowed.contains($0) }.sorted().map { scope in
      var detail = (secret.contains(scope) ? "(sensitive value)" : "\"\(scope)\"") + " is not a scope of a \(kind)."
      if secret.contains(scope) {
        detail += " Valid scopes: " + allowed.joined(separator: ", ") + "."
      } else if let suggestion = NameSuggestion.suggest(scope, among: allowed) {
        detail += " Did you mean \"\(suggestion)\"?"
      } else {
        detail += " Valid scopes: " + allowed.joined(separator: ", ") + "."
      }
      return .error("Invalid scope", detail: detail, subject: range)
    }
  }

  // MARK: - Create and read

  /// The expiry to ask GitLab for: the configured date, or today + `expiration_days`.
  static func expiry(of planned: Value, today: CalendarDate) -> CalendarDate? {
    if let text = planned.string("expires_at"), let date = CalendarDate(text) { return date }
    if let days = planned[attribute: "rotation_configuration"].int("expiration_days") {
      return today.adding(days: days)
    }
    return nil
  }

  /// `base` (the planned or prior object) updated from GitLab's record. The token value is
  /// `token` — the create answer's, or the prior object's on read.
  static func object(
    from record: GitLabAccessToken, base: Value, id: String, token: Value
  ) -> Value {
    var object = base
    object = object.setting("id", .string(id))
    object = object.setting("token_id", .number(record.id))
    object = object.setting("name", .string(record.name))
    object = object.setting("description", .string(record.description ?? ""))
    object = object.setting("scopes", .stringSet(record.scopes))
    object = object.setting("expires_at", .optionalString(record.expiresAt?.description))
    object = object.setting("active", .bool(record.active))
    object = object.setting("revoked", .bool(record.revoked))
    object = object.setting("created_at", .string(timestamp(record.createdAt)))
    object = object.setting("token", token)
    return object
  }

  /// A token value from GitLab, marked sensitive.
  static func secret(_ value: SecretValue) -> Value {
    Value.string(value.reveal()).marked(sensitive: true)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, as `ISO8601DateFormatter` writes it (the instant rounded to
  /// the millisecond, then the seconds truncated).
  /// Written by hand for 1970–9999: a refresh stamps every token, and building a formatter
  /// (ICU underneath) for each was 40% of a 1,000-token refresh. Other years keep the formatter.
  static func timestamp(_ date: Date) -> String {
    // The formatter's own arithmetic (CFDateFormatter): milliseconds since 1970 plus a half,
    // rounded down; ICU then takes the whole seconds of that.
    let milliseconds = (date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down)
    if milliseconds >= 0, milliseconds < 253_402_300_800_000 {
      let seconds = Int(milliseconds) / 1000
      let day = CalendarDate(utcDayOf: Date(timeIntervalSince1970: TimeInterval(seconds / 86_400 * 86_400)))
      let time = seconds % 86_400
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
      return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))Z"
    }
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  // MARK: - Interrupted creates

  /// How far this machine's clock may run ahead of GitLab's and a token made by a lost create
  /// still be recognised as made after the request.
  static let clockTolerance: TimeInterval = 3_600

  /// The pending record of a token create: `planned` with `created_at` set to the time of the
  /// request, so the search after a lost answer never takes an older token of the same name
  /// (someone's unmanaged one) for the one GitLab made.
  static func requested(_ planned: Value, at now: Date) -> Value {
    guard planned[attribute: "created_at"].stringValue == nil else { return planned }
    return planned.setting("created_at", .string(timestamp(now)))
  }

  /// Whether `record` can be what GitLab made for the pending create (or rotation) `pending`:
  /// made no earlier than the request (less `clockTolerance`); a rotation's successor always is.
  static func mayBeMadeFor(_ pending: Value, _ record: GitLabAccessToken) -> Bool {
    guard pending.int("token_id") == nil, let text = pending.string("created_at"),
      let requested = GitLabJSON.parseTimestamp(text)
    else { return true }
    return record.createdAt >= requested.addingTimeInterval(-clockTolerance)
  }

  // MARK: - Drift

  /// Revoked or expired outside gitform → replace, except (as the provider does) a token whose
  /// fixed `expires_at` has already passed with no rotation configured: replacing it would
  /// create a token that is born expired.
  static func replacementReason(prior: Value, config: Value, today: CalendarDate) -> ActionReason? {
    let revoked = prior.bool("revoked") == true
    let expiry = prior.string("expires_at").flatMap(CalendarDate.init)
    let expired = prior.bool("active") == false && !revoked && (expiry.map { $0 <= today } ?? false)
    guard revoked || expired else { return nil }
    if config[attribute: "rotation_configuration"].isNull,
      let fixed = config.string("expires_at").flatMap(CalendarDate.init), fixed <= today
    {
      return nil
    }
    return revoked ? .revokedOutside : .expired(date: expiry)
  }

  /// The owner `attribute` names, when known and not secret (a secret owner is not looked up:
  /// its name would appear in the error).
  static func owner(_ planned: Value, _ kind: ObjectOwner.Kind, attribute: String) -> ObjectOwner? {
    let value = planned[attribute: attribute]
    guard value.isKnown, !value.containsSensitive else { return nil }
    if let text = value.stringValue, !text.isEmpty { return ObjectOwner(kind, text, attribute: attribute) }
    if let number = planned.int(attribute) { return ObjectOwner(kind, String(number), attribute: attribute) }
    return nil
  }

  /// Why a user's token the import id names cannot be imported under it: it belongs to another
  /// user than the id says. Nil when the owners agree.
  static func ownerMismatch(_ partial: Value, _ object: Value) -> String? {
    guard let asked = partial.int("user_id"), let owner = object.int("user_id"), asked != owner,
      let tokenID = object.int("token_id")
    else { return nil }
    return "Token \(tokenID) belongs to user \(owner), not to user \(asked). To import it, use the "
      + "import id \(Value.quoted("\(owner):\(tokenID)"))."
  }

  /// Splits `a:b` at the first colon into a non-empty first part and an integer token id.
  static func parseTwoPartID(_ id: String, first: String) -> Result<(String, Int), ImportIDError> {
    let parts = id.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, let tokenID = Int(parts[1]), tokenID > 0 else {
      return .failure(
        ImportIDError(
          "Unexpected import id \(Value.quoted(id)): expected <\(first)>:<token-id>, "
            + "for example \"12:345\", where <token-id> is a positive integer."))
    }
    return .success((String(parts[0]), tokenID))
  }
}
