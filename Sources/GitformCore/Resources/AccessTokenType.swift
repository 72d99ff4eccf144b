import Foundation

/// The lifecycle every GitLab access token kind shares (personal, impersonation, project and
/// group tokens): a value GitLab sends once, rotation in place, the provider's expiry and
/// rotation rules, adoption of a lost answer, and what `gitform expiry` reports.
///
/// This is where the engine's questions about tokens are answered; the engine itself never
/// names a token attribute (`ResourceType`'s contract).
public protocol AccessTokenType: ResourceType {}

extension AccessTokenType {
  public var secret: SecretAttribute? { SecretAttribute(name: "token", noun: "token") }
  public var rotatesOnUpdate: Bool { true }

  public func replacementReason(prior: Value, config: Value, today: CalendarDate) -> ActionReason? {
    TokenAttributes.replacementReason(prior: prior, config: config, today: today)
  }

  public func unrenewable(prior: Value, config: Value, today: CalendarDate) -> Unrenewable? {
    TokenAttributes.unrenewable(prior: prior, config: config, today: today)
  }

  /// The provider's rotation rules (`TokenRotation`): the new expiry is the planned change.
  public func rotation(prior: Value, config: Value, today: CalendarDate) -> PlannedRotation? {
    guard let due = TokenRotation.due(prior: prior, config: config, today: today) else { return nil }
    return PlannedRotation(attributes: ["expires_at": .string(due.expiry.description)], reason: due.reason)
  }

  /// With `rotation_configuration`, a new token's expiry is today + `expiration_days`, decided
  /// at plan time so apply asks GitLab for exactly the date the plan showed.
  public func plannedNew(_ planned: Value, config: Value, today: CalendarDate) -> Value {
    guard config[attribute: "expires_at"].isNull,
      let days = config[attribute: "rotation_configuration"].int("expiration_days"),
      planned.attributes?["expires_at"] != nil
    else { return planned }
    return planned.setting("expires_at", .string(today.adding(days: days).description))
  }

  /// Types rotate when the expiry moves: shown the token without one, they always do.
  public func rotationBase(_ prior: Value) -> Value {
    prior.setting("expires_at", .null(.string))
  }

  public func planDiagnostics(
    _ change: ResourceChange, ranges: AttributeRanges, context: ResourceContext
  ) -> [Diagnostic] {
    TokenPlanChecks.expiryDiagnostics(change, ranges: ranges, now: context.now)
  }

  public func configurationWarnings(_ resource: ResourceAddress, body: Body) -> [Diagnostic] {
    TokenPlanChecks.timestampWarnings(resource, attributes: body.attributes)
  }

  public func changeWarnings(_ change: ResourceChange, context: ResourceContext) -> [Diagnostic] {
    TokenPlanChecks.reuseDetectionWarnings(change, context: context)
  }

  public func importRefusal(_ object: Value) -> String? {
    TokenAttributes.revokedImport(object, type: name, id: id(of: object))
  }

  /// Tokens record when they were asked for (`TokenAttributes.requested`).
  public func intentToCreate(_ planned: Value, at now: Date) -> Value {
    TokenAttributes.requested(planned, at: now)
  }

  /// An interrupted rotation that never happened: the old token stands, its value known.
  public func adopted(_ found: Value, pending: Value) -> Value {
    guard let tokenID = found.int("token_id"), tokenID == pending.int("token_id"),
      pending[attribute: "token"].stringValue != nil
    else { return found }
    return found.setting("token", pending[attribute: "token"])
  }

  /// The configured rotation days win over the recorded ones: they are what apply uses.
  public func expiry(of object: Value, config: Value?) -> ExpiryFacts? {
    // A pending object GitLab made nothing for (no token id) has no expiry to report.
    guard let tokenID = object.int("token_id") else { return nil }
    let configured = config?[attribute: "rotation_configuration"]
    let rotation = configured.flatMap { $0.isNull ? nil : $0 } ?? object[attribute: "rotation_configuration"]
    let expiry = object.string("expires_at").flatMap(CalendarDate.init)
    return ExpiryFacts(
      expiresAt: expiry, rotatesOn: rotation.int("rotate_before_days").flatMap { expiry?.adding(days: -$0) },
      revoked: object.bool("revoked") == true, listedID: tokenID)
  }

  /// Every token of the object's owner: a user's personal and impersonation tokens, a project's
  /// or group's access tokens.
  public func expiryListing(of object: Value) -> ExpiryListing? {
    guard let owner = owner(of: object) else { return nil }
    let reference = owner.reference
    switch owner.kind {
    case .user:
      guard let user = Int(reference) else { return nil }
      return ExpiryListing(key: "user \(user)", rank: 0, order: user) { context in
        TokenPlanChecks.listed(try context.client.personalAccessTokens(userID: user), owner: "user \(user)", kind: "personal")
          + TokenPlanChecks.listed(try context.client.impersonationTokens(userID: user), owner: "user \(user)", kind: "impersonation")
      }
    case .project, .group:
      let isGroup = owner.kind == .group
      let key = "\(owner.kind.rawValue) \(reference)"
      return ExpiryListing(key: key, rank: isGroup ? 2 : 1, order: 0) { context in
        let gitLabReference = GitLabReference(reference)
        let records = try context.client.resourceAccessTokens(
          of: isGroup ? .group(gitLabReference) : .project(gitLabReference))
        return TokenPlanChecks.listed(records, owner: key, kind: owner.kind.rawValue)
      }
    }
  }
}
