import Foundation

/// A group service account's personal access tokens, managed under the group:
/// `/groups/:id/service_accounts/:user_id/personal_access_tokens[/:token_id[/rotate]]`.
enum ServiceAccountTokenRoutes {
  static let base = "/api/v4/groups/:id/service_accounts/:user_id/personal_access_tokens"
  static let routes: [Route] = [
    Route("GET", base, list),
    Route("POST", base, create),
    Route("DELETE", base + "/:token_id", revoke),
    Route("POST", base + "/:token_id/rotate", rotate),
  ]

  static func list(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, user) = try ServiceAccountRoutes.account(request, data)
    let tokens = try TokenRules.filter(data.tokens(ofUser: user.id), request.params, now: request.now)
    return try Pagination.reply(tokens, request) {
      TokenEntity.render($0, .personalWithIPs, now: request.now)
    }
  }

  static func create(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    try request.params.require(["name", "scopes"])
    let (_, user) = try ServiceAccountRoutes.account(request, data)
    return try PersonalTokenRoutes.issue(for: user, request, &data)
  }

  /// The account's token `:token_id`, else `404 Personal Access Token Not Found`.
  private static func token(_ request: APIRequest, _ data: StoreData) throws -> TokenRecord {
    let (_, user) = try ServiceAccountRoutes.account(request, data)
    guard let id = Int(request.path("token_id")), let token = data.tokens[id],
      token.userID == user.id, !token.impersonation
    else { throw APIError.notFound("Personal Access Token") }
    return token
  }

  static func revoke(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    var token = try token(request, data)
    token.revoked = true
    data.insert(token)
    return .noContent
  }

  /// 200 with the successor; another user's token is `404 Not Found`.
  static func rotate(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, user) = try ServiceAccountRoutes.account(request, data)
    guard let id = Int(request.path("token_id")), let token = data.tokens[id],
      token.userID == user.id
    else { throw APIError.notFound() }
    if token.revoked { throw APIError.badRequest("Token already revoked") }
    let expiresAt = try TokenRules.rotationExpiry(request)
    let successor = data.rotate(token, expiresAt: expiresAt, now: request.now)
    return .json(TokenEntity.render(successor, .personal, now: request.now, withSecret: true))
  }
}
