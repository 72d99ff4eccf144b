import Foundation

/// Project and group access tokens (§4): tokens of bot users that are members of one project
/// or group. One implementation serves both kinds, as `lib/api/resource_access_tokens.rb` does.
enum ResourceTokenRoutes {
  static let routes: [Route] = [ResourceReference.Kind.project, .group].flatMap { kind in
    let base = "/api/v4/\(kind.rawValue)s/:id/access_tokens"
    return [
      Route("POST", base + "/self/rotate", scopes: .selfRotate) { try rotateSelf(kind, $0, &$1) },
      Route("GET", base) { try list(kind, $0, &$1) },
      Route("POST", base) { try ResourceTokenCreation.create(kind, $0, &$1) },
      Route("GET", base + "/:token_id") { try show(kind, $0, &$1) },
      Route("DELETE", base + "/:token_id") { try revoke(kind, $0, &$1) },
      Route("POST", base + "/:token_id/rotate") { try rotate(kind, $0, &$1) },
    ]
  }

  /// Maintainer for projects, Owner for groups (`admin_project` / `admin_group`).
  static func neededLevel(_ kind: ResourceReference.Kind) -> Int {
    kind == .project ? StoreData.maintainer : StoreData.owner
  }

  /// May the caller manage (create, rotate) tokens here? Bots never may.
  static func canManage(_ resource: ResourceReference, _ request: APIRequest, _ data: StoreData)
    -> Bool
  {
    guard let caller = request.caller else { return false }
    if caller.user.isAdmin { return true }
    return !caller.user.isBot
      && ResourceLookup.level(request, resource, data) >= neededLevel(resource.kind)
  }

  /// The bot's membership level on the resource, shown as the token's `access_level`.
  static func accessLevel(of token: TokenRecord, _ resource: ResourceReference, _ data: StoreData)
    -> Int
  {
    MemberRoutes.directMembers(resource, data)[token.userID]?.accessLevel ?? 0
  }

  static func render(_ token: TokenRecord, _ resource: ResourceReference, _ request: APIRequest,
    _ data: StoreData, withSecret: Bool = false) -> JSONValue
  {
    TokenEntity.render(
      token, .resource(resource, accessLevel: accessLevel(of: token, resource, data)),
      now: request.now, withSecret: withSecret)
  }

  /// The token `:token_id` of this resource's bots, else `404 <kind> Access Token Not Found`.
  static func token(_ resource: ResourceReference, _ request: APIRequest, _ data: StoreData)
    throws -> TokenRecord
  {
    guard let id = Int(request.path("token_id")), let token = data.tokens[id],
      data.users[token.userID]?.botResource == resource
    else { throw APIError.notFound("\(ResourceLookup.noun(resource.kind)) Access Token") }
    return token
  }

  private static func readable(_ kind: ResourceReference.Kind, _ request: APIRequest,
    _ data: StoreData) throws -> ResourceReference
  {
    _ = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    guard ResourceLookup.level(request, resource, data) >= neededLevel(kind) else {
      throw APIError.unauthorized
    }
    return resource
  }

  static func list(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let resource = try readable(kind, request, data)
    let found = try TokenRules.filter(data.tokens(of: resource), request.params, now: request.now)
    let snapshot = data
    return try Pagination.reply(found, request) { render($0, resource, request, snapshot) }
  }

  static func show(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let resource = try readable(kind, request, data)
    return .json(render(try token(resource, request, data), resource, request, data))
  }

  static func revoke(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let caller = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    var found = try token(resource, request, data)
    guard ResourceLookup.level(request, resource, data) >= neededLevel(kind) else {
      let botName = data.users[found.userID]?.name ?? ""
      throw APIError.badRequest("\(caller.user.name) cannot delete \(botName)")
    }
    found.revoked = true
    data.insert(found)
    return .noContent
  }

  static func rotate(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    _ = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    let denied = request.isAdmin ? APIError.notFound() : APIError.unauthorized
    guard canManage(resource, request, data), let found = try? token(resource, request, data)
    else { throw denied }
    if kind == .project, !request.isAdmin,
      accessLevel(of: found, resource, data) > ResourceLookup.level(request, resource, data)
    {
      throw APIError.badRequest("Not eligible to rotate token with access level higher than the user")
    }
    return try rotate(found, resource, request, &data)
  }

  static func rotateSelf(
    _ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData
  ) throws -> Reply {
    let caller = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    guard caller.user.isBot else { throw APIError.message(405, "405 Method Not Allowed") }
    guard caller.user.botResource == resource else { throw APIError.unauthorized }
    return try rotate(try caller.token(), resource, request, &data)
  }

  private static func rotate(_ token: TokenRecord, _ resource: ResourceReference,
    _ request: APIRequest, _ data: inout StoreData) throws -> Reply
  {
    if token.revoked { throw APIError.badRequest("Token already revoked") }
    let expiresAt = try TokenRules.rotationExpiry(request)
    let successor = data.rotate(token, expiresAt: expiresAt, now: request.now)
    return .json(render(successor, resource, request, data, withSecret: true))
  }
}
