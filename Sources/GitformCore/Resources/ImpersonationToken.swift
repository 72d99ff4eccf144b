import Foundation

/// `impersonation_token`: a token that acts as a user, made by an administrator.
///
/// Import id `<user-id>:<token-id>`. A changed `expires_at`, or a rotation due by
/// `rotation_configuration`, rotates it in place through the personal access token rotate
/// route, which serves impersonation tokens too (gitlab-api.md §2.7–2.8) — the Terraform
/// provider cannot do this. Every other configured change replaces it, new token first. One of
/// `expires_at` and `rotation_configuration` is required because GitLab gives these tokens no
/// default expiry (gitlab-api.md §3.2). Refresh lists each user's impersonation tokens
/// once (`GET /users/:user_id/impersonation_tokens?state=all`).
public struct ImpersonationToken: AccessTokenType {
  public init() {}

  public let name = "impersonation_token"
  public let summary =
    "An impersonation token of a user: API and Git access as that user (needs an administrator's token)."
  public var requiresAdministrator: Bool { true }
  public var createsBeforeDestroying: Bool { true }
  public var computedChangedByUpdate: Set<String> {
    ["id", "token_id", "token", "created_at", "active", "revoked"]
  }
  public var configOnlyAttributes: Set<String> {
    ["validate_past_expiration_date", "rotation_configuration"]
  }

  public let schema = ResourceSchema(
    attributes: [
      AttributeSchema(
        "user_id", .number, .required, forcesReplacement: true,
        description: "The id of the user the token acts as."),
      AttributeSchema(
        "name", .string, .required, forcesReplacement: true,
        description: "The token's name, as GitLab lists it."),
      AttributeSchema(
        "description", .string, .optional, forcesReplacement: true, default: .string(""),
        description: "What the token is for; at most 255 characters."),
      AttributeSchema(
        "scopes", .set(.string), .required, forcesReplacement: true,
        description: "What the token may do: api, read_api, read_repository, ..."),
      AttributeSchema(
        "expires_at", .string, .optionalComputed,
        description: "YYYY-MM-DD; the token stops working at 00:00 UTC on that day. Changing it "
          + "rotates the token in place. Excludes rotation_configuration; one of the two is required."),
      TokenAttributes.validatePastExpiration,
      AttributeSchema(
        "impersonation", .bool, .computed, description: "Always true for these tokens."),
    ] + TokenAttributes.computed + [TokenAttributes.rotationConfiguration])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    TokenChecks.checkName(config, ranges: ranges)
      + TokenChecks.checkDescription(config, ranges: ranges)
      + TokenChecks.checkPositive("user_id", in: config, ranges: ranges)
      + TokenAttributes.checkScopes(
        config, allowed: TokenAttributes.personalScopes, kind: "user's impersonation token",
        ranges: ranges)
      + TokenAttributes.checkExpiry(config, ranges: ranges, requireOne: true)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .user, attribute: "user_id")
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    let userID = planned.int("user_id") ?? 0
    let expiry = TokenAttributes.expiry(of: planned, today: context.today)
    try PastExpirationError.check(planned, expiry: expiry, now: context.now)
    let created = try context.client.createImpersonationToken(
      userID: userID,
      NewAccessToken(
        name: planned.string("name") ?? "", scopes: planned.strings("scopes") ?? [],
        description: planned.string("description"), expiresAt: expiry))
    return object(from: created.record, base: planned, token: TokenAttributes.secret(created.token))
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    guard let userID = prior.int("user_id"), let tokenID = prior.int("token_id") else { return nil }
    do {
      let record = try context.client.impersonationToken(userID: userID, id: tokenID)
      return object(from: record, base: prior, token: prior[attribute: "token"])
    } catch let error as GitLabError where error.code == .notFound {
      try ParentAccess.confirmGone(in: .user(userID), context: context)
      return nil
    }
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.int("user_id").map { "impersonation_token:user:\($0)" }
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    guard let userID = priors.first?.int("user_id") else { return priors.map { _ in nil } }
    let records: [GitLabAccessToken]
    do {
      records = try context.client.impersonationTokens(userID: userID)
    } catch let error as GitLabError where error.code == .notFound {
      // The user is gone, and with it every token — if the token could have seen it.
      try ParentAccess.confirmGone(in: .user(userID), context: context)
      return priors.map { _ in nil }
    }
    let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return priors.map { prior in
      prior.int("token_id").flatMap { byID[$0] }.map {
        object(from: $0, base: prior, token: prior[attribute: "token"])
      }
    }
  }

  /// A rotation, the only in-place update: GitLab revokes the old token and returns its
  /// successor (same user, name and scopes; still an impersonation token). With the
  /// `self_rotate` scope the token rotates with its own value, never once it is revoked
  /// (reuse detection would revoke its family, §2.9).
  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    guard let tokenID = prior.int("token_id") else { return planned }
    let expiry = TokenAttributes.expiry(of: planned, today: context.today)
    try PastExpirationError.check(planned, expiry: expiry, now: context.now)
    let rotated: GitLabCreatedToken
    if let stored = prior[attribute: "token"].stringValue,
      (prior.strings("scopes") ?? []).contains("self_rotate"), prior.bool("revoked") != true
    {
      rotated = try context.client.authenticating(with: SecretValue(stored))
        .rotateCurrentPersonalAccessToken(expiresAt: expiry)
    } else {
      rotated = try context.client.rotatePersonalAccessToken(id: tokenID, expiresAt: expiry)
    }
    return object(from: rotated.record, base: planned, token: TokenAttributes.secret(rotated.token))
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    guard let userID = prior.int("user_id"), let tokenID = prior.int("token_id") else { return }
    do {
      try context.client.revokeImpersonationToken(userID: userID, id: tokenID)
    } catch let error as GitLabError where error.code == .notFound {
      // Already gone (or its user is), deleting it is done — if the token could have seen it.
      try ParentAccess.confirmGone(in: .user(userID), context: context)
    }
  }

  /// The impersonation endpoint answers 404 for any other token; say what the token is instead.
  public func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String? {
    if let object { return TokenAttributes.ownerMismatch(partial, object) }
    guard let asked = partial.int("user_id"), let tokenID = partial.int("token_id") else {
      return nil
    }
    let record: GitLabAccessToken
    do {
      record = try context.client.personalAccessToken(id: tokenID)
    } catch let error as GitLabError where error.code == .notFound {
      return nil
    }
    guard record.userID == asked else {
      return "Token \(tokenID) belongs to user \(record.userID), not to user \(asked)."
    }
    return "Token \(tokenID) of user \(asked) is not an impersonation token. "
      + "Import a personal access token as a user_token instead."
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    TokenChecks.parseUserTokenID(id).map { userID, tokenID in
      Value.object(
        schema,
        ["user_id": .number(userID), "token_id": .number(tokenID), "id": .string(id)])
    }
  }

  /// `base` updated from GitLab's record; `token` is the create answer's value or the prior's.
  private func object(from record: GitLabAccessToken, base: Value, token: Value) -> Value {
    TokenAttributes.object(
      from: record, base: base, id: "\(record.userID):\(record.id)", token: token
    )
    .setting("user_id", .number(record.userID))
    .setting("impersonation", .bool(record.impersonation ?? true))
  }
}
