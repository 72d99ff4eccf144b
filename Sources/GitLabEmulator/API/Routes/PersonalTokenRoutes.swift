import Foundation

/// Personal access tokens (§2): create for a user (admin), list, get, revoke and rotate, by id
/// or `self`. The `self` routes come first so `self` never reaches `:id`.
enum PersonalTokenRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/personal_access_tokens/self", scopes: .any, showSelf),
    Route("DELETE", "/api/v4/personal_access_tokens/self", scopes: .any, revokeSelf),
    Route("POST", "/api/v4/personal_access_tokens/self/rotate", scopes: .selfRotate, rotateSelf),
    Route("GET", "/api/v4/personal_access_tokens", list),
    Route("GET", "/api/v4/personal_access_tokens/:id", show),
    Route("DELETE", "/api/v4/personal_access_tokens/:id", revoke),
    Route("POST", "/api/v4/personal_access_tokens/:id/rotate", rotate),
    Route("POST", "/api/v4/users/:user_id/personal_access_tokens", scopes: .users, create),
    Route("POST", "/api/v4/user/personal_access_tokens", scopes: .users, createOwn),
  ]

  /// 19.x self-service creation: any user, but only the `k8s_proxy` and `self_rotate` scopes.
  static let selfServiceScopes: Set<String> = ["k8s_proxy", "self_rotate"]

  static func create(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try request.requireAdmin()
    try request.params.require(["name", "scopes"])
    try TokenRules.checkScopes(try request.params.strings("scopes") ?? [], allowed: StoreData.allScopes)
    _ = try request.params.day("expires_at")
    guard let userID = Int(request.path("user_id")), let user = data.users[userID] else {
      throw APIError.notFound("User")
    }
    return try issue(for: user, request, &data)
  }

  static func createOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    try request.params.require(["name", "scopes"])
    try TokenRules.checkScopes(try request.params.strings("scopes") ?? [], allowed: selfServiceScopes)
    // A project or group bot holds exactly the token its resource issued; the create
    // service's permission refusal is `render_api_error!('Not permitted to create', 422)`.
    if caller.user.isBot { throw APIError.message(422, "Not permitted to create") }
    return try issue(for: caller.user, request, &data)
  }

  /// The create service: default expiry today + 365, model validations as one 422 sentence.
  static func issue(for user: UserRecord, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let params = request.params
    let scopes = try params.strings("scopes") ?? []
    let requestedExpiry = try params.day("expires_at")
    let name = try params.string("name") ?? ""
    let description = try params.string("description")
    let expiresAt = requestedExpiry ?? TokenRules.maximumExpiry(request)
    var messages = TokenRules.validationMessages(
      name: name, scopes: scopes, description: description, expiresAt: expiresAt, request
    ).map(TokenRules.fullMessage)
    if scopes.contains("sudo") && !user.isAdmin {
      messages.append("Sudo can only be enabled for administrators")
    }
    if !messages.isEmpty { throw APIError.message(422, TokenRules.sentence(messages)) }
    let token = data.issueToken(
      userID: user.id, name: name, description: description, scopes: scopes,
      expiresAt: expiresAt, impersonation: false, previousID: nil, now: request.now)
    return .json(TokenEntity.render(token, .personal, now: request.now, withSecret: true), status: 201)
  }

  static func list(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    // Non-admins only ever see their own, non-impersonation tokens.
    var owner: Int? = caller.user.isAdmin ? nil : caller.user.id
    if request.params.has("user_id") {
      guard let userID = try? request.params.int("user_id") else {
        if case .string(let text)? = request.params["user_id"], text.isEmpty, caller.user.isAdmin {
          throw APIError.notFound()
        }
        throw APIError.parameter("user_id is invalid")
      }
      if caller.user.isAdmin {
        guard data.users[userID] != nil else { throw APIError.notFound() }
      } else if userID != caller.user.id {
        throw APIError.unauthorized
      }
      owner = userID
    }
    var candidates = owner.map(data.tokens(ofUser:)) ?? Array(data.tokens.values)
    if !caller.user.isAdmin { candidates.removeAll { $0.impersonation } }
    let tokens = try TokenRules.filter(candidates, request.params, now: request.now)
    return try Pagination.reply(tokens, request) {
      TokenEntity.render($0, .personalWithIPs, now: request.now)
    }
  }

  /// The token `:id` if the caller may see it; admins get 404, others 401, either way.
  static func visibleToken(_ request: APIRequest, _ data: StoreData) throws -> TokenRecord {
    let caller = try request.requireCaller()
    let id = try request.pathInt("id")
    guard let token = data.tokens[id], caller.user.isAdmin || token.userID == caller.user.id
    else { throw caller.user.isAdmin ? APIError.notFound() : APIError.unauthorized }
    return token
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let token = try visibleToken(request, data)
    return .json(TokenEntity.render(token, .personalWithIPs, now: request.now))
  }

  static func showSelf(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    return .json(TokenEntity.render(try caller.token(), .personalWithIPs, now: request.now))
  }

  static func revoke(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    guard let token = data.tokens[try request.pathInt("id")] else { throw APIError.recordNotFound }
    return try revoke(token, by: caller, &data)
  }

  static func revokeSelf(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    return try revoke(try caller.token(), by: caller, &data)
  }

  /// `revoke!` is idempotent: an already-revoked token answers 204 again.
  private static func revoke(_ token: TokenRecord, by caller: Caller, _ data: inout StoreData)
    throws -> Reply
  {
    let permitted =
      caller.user.isAdmin || (token.userID == caller.user.id && !token.impersonation)
    guard permitted else { throw APIError.badRequest("Not permitted to revoke") }
    var revoked = token
    revoked.revoked = true
    data.insert(revoked)
    return .noContent
  }

  static func rotate(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try rotate(try visibleToken(request, data), request, &data)
  }

  static func rotateSelf(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try rotate(try request.requireCaller().token(), request, &data)
  }

  private static func rotate(_ token: TokenRecord, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    if token.revoked { throw APIError.badRequest("Token already revoked") }
    let expiresAt = try TokenRules.rotationExpiry(request)
    let successor = data.rotate(token, expiresAt: expiresAt, now: request.now)
    return .json(TokenEntity.render(successor, .personal, now: request.now, withSecret: true))
  }
}
