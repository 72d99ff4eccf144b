import Foundation

/// `POST /{projects|groups}/:id/access_tokens` (§4.4): checks in GitLab's order, then a bot
/// user `<kind>_<id>_bot_<32 hex>` made a member at the token's access level.
enum ResourceTokenCreation {
  static func create(_ kind: ResourceReference.Kind, _ request: APIRequest,
    _ data: inout StoreData) throws -> Reply
  {
    let caller = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    let params = request.params
    try params.require(["name", "scopes"])
    let scopes = try params.strings("scopes") ?? []
    try TokenRules.checkScopes(scopes, allowed: StoreData.resourceScopes)
    let level = try params.int("access_level") ?? StoreData.maintainer
    guard StoreData.tokenAccessLevels.contains(level) else {
      throw APIError.parameter("access_level does not have a valid value")
    }
    let expiresAt = try params.day("expires_at") ?? TokenRules.maximumExpiry(request)
    let noun = ResourceLookup.noun(kind)

    guard ResourceTokenRoutes.canManage(resource, request, data) else {
      throw APIError.badRequest("User does not have permission to create \(noun) access token")
    }
    let callerLevel = ResourceLookup.level(request, resource, data)
    if kind == .project, level == StoreData.owner, callerLevel < StoreData.owner {
      throw APIError.badRequest("Could not provision owner access to project access token")
    }
    if level > callerLevel, callerLevel < StoreData.owner {
      throw APIError.badRequest(
        "Access level of the token can't be greater the access level of the user who created the token")
    }
    let name = try params.string("name") ?? ""
    let description = try params.string("description")
    let messages = TokenRules.validationMessages(
      name: name, scopes: scopes, description: description, expiresAt: expiresAt, request
    ).map(TokenRules.fullMessage)
    if !messages.isEmpty { throw APIError.badRequest(TokenRules.sentence(messages)) }

    let bot = makeBot(for: resource, name: name, level: level, caller: caller, request, &data)
    let token = data.issueToken(
      userID: bot.id, name: name, description: description, scopes: scopes,
      expiresAt: expiresAt, impersonation: false, previousID: nil, now: request.now)
    return .json(
      ResourceTokenRoutes.render(token, resource, request, data, withSecret: true), status: 201)
  }

  private static func makeBot(for resource: ResourceReference, name: String, level: Int,
    caller: Caller, _ request: APIRequest, _ data: inout StoreData) -> UserRecord
  {
    var username = "\(resource.kind.rawValue)_\(resource.id)_bot_\(StoreData.newHex())"
    while data.user(named: username) != nil {
      username = "\(resource.kind.rawValue)_\(resource.id)_bot_\(StoreData.newHex())"
    }
    let host = (request.http.header("Host") ?? "localhost").split(separator: ":").first ?? ""
    let bot = UserRecord(
      id: data.takeUserID(), username: username, name: name,
      email: "\(username)@noreply.\(host)", isAdmin: false, state: "active",
      createdAt: request.now, namespaceID: data.takeNamespaceID(), botResource: resource,
      createdByID: caller.user.id)
    data.add(bot)
    MemberRoutes.setMembership(
      MembershipRecord(
        accessLevel: level, createdAt: request.now, createdByID: caller.user.id, expiresAt: nil),
      of: bot.id, in: resource, &data)
    return bot
  }
}
