import Foundation

/// `user_token`: a personal access token of any user, made through the admin API.
///
/// Import id `<user-id>:<token-id>`. A changed `expires_at` rotates the token in place (same
/// name and scopes, new id and value); every other configured change replaces it, new token
/// first. Refresh lists each user's tokens once (`GET /personal_access_tokens?user_id=`).
public struct UserToken: AccessTokenType {
  public init() {}

  public let name = "user_token"
  public let summary = "A personal access token of a user (needs an administrator's token)."
  public var requiresAdministrator: Bool { true }
  public var createsBeforeDestroying: Bool { true }
  public var computedChangedByUpdate: Set<String> { ["id", "token_id", "token", "created_at", "active", "revoked"] }
  public var configOnlyAttributes: Set<String> { ["validate_past_expiration_date", "rotation_configuration"] }

  public let schema = ResourceSchema(
    attributes: [
      AttributeSchema(
        "user_id", .number, .required, forcesReplacement: true,
        description: "The id of the user who owns the token."),
      AttributeSchema("name", .string, .required, forcesReplacement: true),
      AttributeSchema(
        "description", .string, .optional, forcesReplacement: true, default: .string("")),
      AttributeSchema(
        "scopes", .set(.string), .required, forcesReplacement: true,
        description: "What the token may do: api, read_api, read_repository, ..."),
      AttributeSchema(
        "expires_at", .string, .optionalComputed,
        description: "YYYY-MM-DD; changing it rotates the token in place."),
      TokenAttributes.validatePastExpiration,
    ] + TokenAttributes.computed + [TokenAttributes.rotationConfiguration])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    TokenChecks.checkName(config, ranges: ranges)
      + TokenChecks.checkDescription(config, ranges: ranges)
      + TokenAttributes.checkScopes(
      config, allowed: TokenAttributes.personalScopes, kind: "personal access token",
      ranges: ranges)
      + TokenAttributes.checkExpiry(config, ranges: ranges, requireOne: false)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .user, attribute: "user_id")
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    let userID = planned.int("user_id") ?? 0
    let created = try context.client.createPersonalAccessToken(
      userID: userID,
      NewAccessToken(
        name: planned.string("name") ?? "", scopes: planned.strings("scopes") ?? [],
        description: planned.string("description"),
        expiresAt: TokenAttributes.expiry(of: planned, today: context.today)))
    return TokenAttributes.object(
      from: created.record, base: planned, id: "\(userID):\(created.record.id)",
      token: TokenAttributes.secret(created.token))
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    guard let tokenID = prior.int("token_id") else { return nil }
    do {
      let record = try context.client.personalAccessToken(id: tokenID)
      return refreshed(prior, from: record)
    } catch let error as GitLabError where error.code == .notFound {
      if let userID = prior.int("user_id") {
        try ParentAccess.confirmGone(in: .user(userID), context: context)
      }
      return nil
    }
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.int("user_id").map { "user:\($0)" }
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    guard let userID = priors.first?.int("user_id") else { return priors.map { _ in nil } }
    let records: [GitLabAccessToken]
    do {
      records = try context.client.personalAccessTokens(userID: userID)
    } catch let error as GitLabError where error.code == .notFound {
      // The user is gone (GitLab's answer to an administrator), and with it every token.
      try ParentAccess.confirmGone(in: .user(userID), context: context)
      return priors.map { _ in nil }
    }
    let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let found = priors.map { prior in
      prior.int("token_id").flatMap { byID[$0] }.map { refreshed(prior, from: $0) }
    }
    // A token missing from the list is gone only if the list could have shown it.
    if found.contains(where: { $0 == nil }) {
      try ParentAccess.confirmGone(in: .user(userID), context: context)
    }
    return found
  }

  /// The newest active token of the user with the asked-for name that no other object claims.
  /// For an interrupted rotation (`pending` holds the old token) only the old token itself or
  /// its successors, with newer ids, count.
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    guard let userID = pending.int("user_id"), let name = pending.string("name") else { return nil }
    try ParentAccess.confirmGone(in: .user(userID), context: context)
    let oldID = pending.int("token_id")
    let records: [GitLabAccessToken]
    do {
      records = try context.client.personalAccessTokens(userID: userID)
    } catch let error as GitLabError where error.code == .notFound {
      return nil  // The user is gone, so nothing was made.
    }
    let candidates = records.filter { record in
      record.name == name && record.active && !claimed.contains("\(userID):\(record.id)")
        && (oldID.map { record.id >= $0 } ?? true) && TokenAttributes.mayBeMadeFor(pending, record)
    }
    guard let newest = candidates.max(by: { $0.id < $1.id }) else { return nil }
    return refreshed(pending, from: newest).setting("token", .null(.string))
  }

  /// The prior object with GitLab's current record; the token value stays the prior's.
  private func refreshed(_ prior: Value, from record: GitLabAccessToken) -> Value {
    TokenAttributes.object(
      from: record, base: prior, id: "\(record.userID):\(record.id)",
      token: prior[attribute: "token"]
    ).setting("user_id", .number(record.userID))
  }

  /// A changed expiry is a rotation: GitLab revokes the old token and returns its successor.
  /// A token with the `self_rotate` scope rotates with its own stored value, as the provider
  /// does; a revoked one never does (reuse detection would revoke its family, §2.9).
  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    guard let tokenID = prior.int("token_id") else { return planned }
    let expiry = TokenAttributes.expiry(of: planned, today: context.today)
    let rotated: GitLabCreatedToken
    if let stored = prior[attribute: "token"].stringValue,
      (prior.strings("scopes") ?? []).contains("self_rotate"), prior.bool("revoked") != true
    {
      rotated = try context.client.authenticating(with: SecretValue(stored))
        .rotateCurrentPersonalAccessToken(expiresAt: expiry)
    } else {
      rotated = try context.client.rotatePersonalAccessToken(id: tokenID, expiresAt: expiry)
    }
    return TokenAttributes.object(
      from: rotated.record, base: planned, id: "\(rotated.record.userID):\(rotated.record.id)",
      token: TokenAttributes.secret(rotated.token))
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    guard let tokenID = prior.int("token_id") else { return }
    do {
      try context.client.revokePersonalAccessToken(id: tokenID)
    } catch let error as GitLabError where error.code == .notFound {
      // Already gone, deleting it is done — unless the token cannot see the user's tokens.
      if let userID = prior.int("user_id") {
        try ParentAccess.confirmGone(in: .user(userID), context: context)
      }
    }
  }

  /// GitLab's `GET /personal_access_tokens/:id` also answers for impersonation tokens without
  /// saying so (gitlab-api.md §1.1); only the impersonation endpoint tells them apart.
  public func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String? {
    guard let object, let userID = object.int("user_id"), let tokenID = object.int("token_id") else {
      return nil
    }
    do {
      _ = try context.client.impersonationToken(userID: userID, id: tokenID)
    } catch let error as GitLabError where error.code == .notFound {
      return TokenAttributes.ownerMismatch(partial, object)
    }
    return "Token \(tokenID) of user \(userID) is an impersonation token, not a personal access token. "
      + "Import it as an impersonation_token instead."
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    TokenAttributes.parseTwoPartID(id, first: "user-id").flatMap { owner, tokenID in
      guard let userID = Int(owner), userID > 0 else {
        return .failure(
          ImportIDError(
            "Unexpected import id \(Value.quoted(id)): expected <user-id>:<token-id> with a "
              + "numeric user id, for example \"12:345\"."))
      }
      return .success(
        Value.object(
          schema,
          ["user_id": .number(userID), "token_id": .number(tokenID), "id": .string(id)]))
    }
  }
}
