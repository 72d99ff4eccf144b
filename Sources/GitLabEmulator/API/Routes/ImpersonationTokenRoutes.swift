import Foundation

/// Impersonation tokens (§3): admin only; list with a state filter, create, get, revoke.
enum ImpersonationTokenRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/users/:user_id/impersonation_tokens", scopes: .users, list),
    Route("POST", "/api/v4/users/:user_id/impersonation_tokens", scopes: .users, create),
    Route(
      "GET", "/api/v4/users/:user_id/impersonation_tokens/:impersonation_token_id",
      scopes: .users, show),
    Route(
      "DELETE", "/api/v4/users/:user_id/impersonation_tokens/:impersonation_token_id",
      scopes: .users, revoke),
  ]

  private static func user(_ request: APIRequest, _ data: StoreData) throws -> UserRecord {
    try request.requireAdmin()
    guard let id = Int(request.path("user_id")), let user = data.users[id] else {
      throw APIError.notFound("User")
    }
    return user
  }

  private static func token(_ request: APIRequest, _ data: StoreData) throws -> TokenRecord {
    let owner = try user(request, data)
    guard let id = Int(request.path("impersonation_token_id")), let token = data.tokens[id],
      token.userID == owner.id, token.impersonation
    else { throw APIError.notFound("Impersonation Token") }
    return token
  }

  static func list(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let owner = try user(request, data)
    let state = try request.params.choice("state", in: ["all", "active", "inactive"]) ?? "all"
    let tokens = data.tokens(ofUser: owner.id).filter { token in
      guard token.impersonation else { return false }
      return state == "all" || token.isActive(at: request.now) == (state == "active")
    }.sorted { $0.id < $1.id }
    return try Pagination.reply(tokens, request) {
      TokenEntity.render($0, .impersonation, now: request.now)
    }
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    .json(TokenEntity.render(try token(request, data), .impersonation, now: request.now))
  }

  static func revoke(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    var found = try token(request, data)
    found.revoked = true
    data.insert(found)
    return .noContent
  }

  /// No default expiry here (unlike personal tokens): a missing `expires_at` fails validation.
  static func create(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let owner = try user(request, data)
    let params = request.params
    try params.require(["name"])
    let name = try params.string("name") ?? ""
    let scopes = try params.strings("scopes") ?? []
    let description = try params.string("description")
    let expiresAt = try params.day("expires_at")
    var errors = TokenRules.validationMessages(
      name: name, scopes: scopes, description: description, expiresAt: expiresAt, request)
    if !scopes.isEmpty, !scopes.allSatisfy(StoreData.allScopes.contains) {
      errors.append(("scopes", "can only contain available scopes"))
    }
    if !errors.isEmpty {
      var grouped: [(String, [String])] = []
      for error in errors {
        if let index = grouped.firstIndex(where: { $0.0 == error.attribute }) {
          grouped[index].1.append(error.message)
        } else {
          grouped.append((error.attribute, [error.message]))
        }
      }
      throw APIError.validation(grouped)
    }
    let token = data.issueToken(
      userID: owner.id, name: name, description: description, scopes: scopes,
      expiresAt: expiresAt, impersonation: true, previousID: nil, now: request.now)
    return .json(
      TokenEntity.render(token, .impersonation, now: request.now, withSecret: true), status: 201)
  }
}
