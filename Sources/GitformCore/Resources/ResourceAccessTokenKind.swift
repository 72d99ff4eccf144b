import Foundation

/// Project and group access tokens: one behaviour, two owners.
///
/// GitLab serves both from one implementation (`/{projects|groups}/:id/access_tokens`,
/// gitlab-api.md §4), and so does gitform: `project_token` and `group_token` (one `ResourceAccessToken`) differ only in the
/// facts held here (the owner attribute, the scope list, the wording). The owner is kept as the
/// user wrote it (id or full path); two spellings of one owner are `equivalent`, so switching
/// between them never replaces a token.
struct ResourceAccessTokenKind: Sendable {
  /// `project` or `group`: the attribute naming the owner, and the import id's first part.
  let owner: String
  let isGroup: Bool
  let scopes: [String]
  /// `project access token`, for messages.
  let noun: String

  static let project = ResourceAccessTokenKind(
    owner: "project", isGroup: false, scopes: TokenAttributes.projectScopes,
    noun: "project access token")
  static let group = ResourceAccessTokenKind(
    owner: "group", isGroup: true, scopes: TokenAttributes.groupScopes, noun: "group access token")

  /// What a rotation (the only in-place update) renews; the bot user stays.
  static let changedByRotation: Set<String> = [
    "id", "token_id", "token", "created_at", "active", "revoked",
  ]
  /// Settings that steer gitform only and are never sent to GitLab.
  static let configOnly: Set<String> = ["validate_past_expiration_date", "rotation_configuration"]

  func resource(_ owner: String) -> AccessTokenResource {
    isGroup ? .group(GitLabReference(owner)) : .project(GitLabReference(owner))
  }

  /// The owner as `ParentAccess` names it, to tell a deleted token from a hidden owner.
  func parent(_ owner: String) -> ParentAccess.Parent {
    isGroup ? .group(owner) : .project(owner)
  }

  var schema: ResourceSchema {
    ResourceSchema(
      attributes: [
        AttributeSchema(
          owner, .string, .required, forcesReplacement: true,
          description: "The \(owner)'s id or full path; either spelling names the same \(owner)."),
        AttributeSchema(
          "name", .string, .required, forcesReplacement: true,
          description: "The token's name, as GitLab lists it."),
        AttributeSchema(
          "description", .string, .optional, forcesReplacement: true, default: .string(""),
          description: "What the token is for; at most 255 characters."),
        AttributeSchema(
          "scopes", .set(.string), .required, forcesReplacement: true,
          description: "What the token may do: " + scopes.joined(separator: ", ") + "."),
        AttributeSchema(
          "access_level", .string, .optional, forcesReplacement: true,
          default: .string("maintainer"),
          description: "The bot user's role: " + TokenChecks.accessLevelNames.joined(separator: ", ")
            + "."),
        AttributeSchema(
          "expires_at", .string, .optionalComputed,
          description: "YYYY-MM-DD; changing it rotates the token in place. Excludes "
            + "rotation_configuration; one of the two is required."),
        TokenAttributes.validatePastExpiration,
        AttributeSchema(
          "user_id", .number, .computed, description: "The bot user GitLab made for the token."),
      ] + TokenAttributes.computed + [TokenAttributes.rotationConfiguration])
  }

  // MARK: - Checks

  func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    checkOwner(config, ranges: ranges)
      + TokenChecks.checkName(config, ranges: ranges)
      + TokenChecks.checkDescription(config, ranges: ranges)
      + TokenAttributes.checkScopes(config, allowed: scopes, kind: noun, ranges: ranges)
      + TokenChecks.checkAccessLevel(config, ranges: ranges)
      + TokenAttributes.checkExpiry(config, ranges: ranges, requireOne: true)
  }

  /// GitLab finds a project by numeric id or by a full path with a slash; a bare name is never
  /// found (gitlab-api.md §0.5). A top-level group's path has no slash, so groups only need one.
  private func checkOwner(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    let value = config[attribute: owner]
    guard let text = value.stringValue, !value.isSensitive else { return [] }
    var problem: String?
    if text.isEmpty {
      problem = "\(owner) must name a \(owner) by id or full path; it is empty."
    } else if !isGroup, case .path(let path) = GitLabReference(text), !path.contains("/") {
      problem =
        "\(Value.quoted(text)) is neither a project id nor a full path: GitLab finds a project "
        + "by its number or by \"namespace/project\"."
    }
    guard let problem else { return [] }
    return [.error("Invalid \(owner)", detail: problem, subject: ranges.range(of: owner))]
  }

  // MARK: - Operations

  func create(_ planned: Value, context: ResourceContext) throws -> Value {
    let ownerText = planned.string(owner) ?? ""
    let expiry = TokenAttributes.expiry(of: planned, today: context.today)
    try PastExpirationError.check(planned, expiry: expiry, now: context.now)
    let created = try context.client.createResourceAccessToken(
      of: resource(ownerText),
      NewAccessToken(
        name: planned.string("name") ?? "", scopes: planned.strings("scopes") ?? [],
        description: planned.string("description"), expiresAt: expiry,
        accessLevel: TokenChecks.accessLevel(planned)))
    return object(
      from: created.record, base: planned, owner: ownerText,
      token: TokenAttributes.secret(created.token))
  }

  func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    guard let ownerText = prior.string(owner), let tokenID = prior.int("token_id") else {
      return nil
    }
    do {
      let record = try context.client.resourceAccessToken(of: resource(ownerText), id: tokenID)
      return object(
        from: record, base: prior, owner: current(ownerText, context), token: prior[attribute: "token"])
    } catch let error as GitLabError where error.code == .notFound {
      if located(ownerText, [prior], context) { return try read(prior, context: context) }
      try ParentAccess.confirmGone(in: parent(ownerText), context: context)
      return nil
    }
  }

  func refreshKey(of prior: Value) -> String? {
    prior.string(owner).map { "\(owner)_token:\($0)" }
  }

  /// One list per owner (and page) instead of one GET per token.
  func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    guard let ownerText = priors.first?.string(owner) else { return priors.map { _ in nil } }
    let records: [GitLabAccessToken]
    do {
      records = try context.client.resourceAccessTokens(of: resource(ownerText))
    } catch let error as GitLabError where error.code == .notFound {
      if located(ownerText, priors, context) { return try readAll(priors, context: context) }
      // The owner is gone, and with it every token — if the token could have seen it.
      try ParentAccess.confirmGone(in: parent(ownerText), context: context)
      return priors.map { _ in nil }
    }
    let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let currentOwner = current(ownerText, context)
    return priors.map { prior in
      prior.int("token_id").flatMap { byID[$0] }.map {
        object(from: $0, base: prior, owner: currentOwner, token: prior[attribute: "token"])
      }
    }
  }

  /// A new expiry (or new rotation days) rotates the token: same bot user, new id and value.
  /// The `self_rotate` scope rotates with the token itself, as the provider does. Anything
  /// else that may change in place is gitform's own setting and needs no request.
  func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    let ownerText = prior.string(owner) ?? ""
    var expiry = TokenAttributes.expiry(of: planned, today: context.today)
    // New rotation days rotate at once, as the provider does. A prior without them (an
    // imported token, which GitLab cannot tell them for) rotates only when the expiry moves.
    let priorRotation = prior[attribute: "rotation_configuration"]
    let plannedRotation = planned[attribute: "rotation_configuration"]
    let rotationChanged =
      !priorRotation.isNull && !plannedRotation.isNull && plannedRotation != priorRotation
    if rotationChanged, expiry?.description == prior.string("expires_at"),
      let days = plannedRotation.int("expiration_days")
    {
      // The planned date is the old token's: the new one lives the new number of days.
      expiry = context.today.adding(days: days)
    }
    guard let tokenID = prior.int("token_id"),
      expiry?.description != prior.string("expires_at") || rotationChanged
    else {
      return prior
        .setting(
          "validate_past_expiration_date", planned[attribute: "validate_past_expiration_date"])
        .setting("rotation_configuration", planned[attribute: "rotation_configuration"])
    }
    try PastExpirationError.check(planned, expiry: expiry, now: context.now)
    let rotated: GitLabCreatedToken
    let storedToken = prior[attribute: "token"].stringValue
    // A revoked token is never presented to a rotate endpoint: GitLab takes that for a stolen
    // token and revokes the whole family, the live successor included (gitlab-api.md §2.9).
    if let storedToken, (prior.strings("scopes") ?? []).contains("self_rotate"),
      prior.bool("revoked") != true
    {
      rotated = try context.client.authenticating(with: SecretValue(storedToken))
        .rotateCurrentResourceAccessToken(of: resource(ownerText), expiresAt: expiry)
    } else {
      rotated = try context.client.rotateResourceAccessToken(
        of: resource(ownerText), id: tokenID, expiresAt: expiry)
    }
    return object(
      from: rotated.record, base: planned.setting(owner, .string(ownerText)), owner: ownerText,
      token: TokenAttributes.secret(rotated.token))
  }

  /// Revokes; a token already revoked (GitLab answers 204) or gone (404) counts as deleted.
  func delete(_ prior: Value, context: ResourceContext) throws {
    guard let ownerText = prior.string(owner), let tokenID = prior.int("token_id") else { return }
    do {
      try context.client.revokeResourceAccessToken(of: resource(ownerText), id: tokenID)
    } catch let error as GitLabError where error.code == .notFound {
      // Already gone, deleting it is done — unless the token cannot see the owner at all.
      try ParentAccess.confirmGone(in: parent(ownerText), context: context)
    }
  }

  func equivalent(_ attribute: String, configured: Value, prior: Value, context: ResourceContext)
    -> Bool
  {
    guard attribute == owner, let a = configured.stringValue, let b = prior.string(owner) else {
      return false
    }
    if context.sameNamespace(a, b, isGroup: isGroup) { return true }
    // The configuration may still name a group by the path it had before a rename.
    return located(a, [prior], context) && context.sameNamespace(a, b, isGroup: isGroup)
  }

  func importObject(id: String) -> Result<Value, ImportIDError> {
    TokenAttributes.parseTwoPartID(id, first: owner).map { ownerText, tokenID in
      Value.object(
        schema,
        [owner: .string(ownerText), "token_id": .number(tokenID), "id": .string(id)])
    }
  }

  /// The owner's path now, when this run found that it moved; else as written.
  private func current(_ ownerText: String, _ context: ResourceContext) -> String {
    context.movedPath(ownerText, isGroup: isGroup) ?? ownerText
  }

  /// A group's 404 may be a rename: true when the tokens' bot users show where it went.
  private func located(_ ownerText: String, _ priors: [Value], _ context: ResourceContext) -> Bool {
    isGroup && MovedGroup.locate(ownerText, botUserIDs: priors.compactMap { $0.int("user_id") }, context: context)
  }

  /// `base` updated from GitLab's record: the owner as written (or as it is now, once moved),
  /// the bot user, the level.
  private func object(
    from record: GitLabAccessToken, base: Value, owner ownerText: String, token: Value
  ) -> Value {
    var object = TokenAttributes.object(
      from: record, base: base.setting(owner, .string(ownerText)), id: "\(ownerText):\(record.id)", token: token
    ).setting("user_id", .number(record.userID))
    if let level = record.accessLevel.flatMap(GitLabAccessLevel.init(rawValue:)) {
      object = object.setting("access_level", .string(level.name))
    }
    return object
  }
}
