import Foundation

/// A user's e-mail addresses (§7 of the users reference): the caller's own under `/user`,
/// anyone's under `/users/:id` for administrators. The primary address is a confirmed row,
/// listed first; there is no update route and no single-address GET under `/users/:id`.
enum EmailRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/user/emails", scopes: .users, listOwn),
    Route("POST", "/api/v4/user/emails", scopes: .users, addOwn),
    Route("GET", "/api/v4/user/emails/:email_id", scopes: .users, showOwn),
    Route("DELETE", "/api/v4/user/emails/:email_id", scopes: .users, deleteOwn),
    Route("GET", "/api/v4/users/:id/emails", scopes: .users, listForUser),
    Route("POST", "/api/v4/users/:id/emails", scopes: .users, addForUser),
    Route("DELETE", "/api/v4/users/:id/emails/:email_id", scopes: .users, deleteForUser),
  ]

  /// Devise's e-mail format, loosely: one `@`, something on both sides, no spaces.
  static func isValid(_ email: String) -> Bool {
    let parts = email.split(separator: "@", omittingEmptySubsequences: false)
    return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
      && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
      && !email.contains(where: \.isWhitespace)
  }

  static func render(_ email: EmailRecord) -> JSONValue {
    .object([
      ("id", .int(email.id)), ("email", .string(email.email)),
      ("confirmed_at", .optional(email.confirmedAt.map(Timestamp.format))),
    ])
  }

  /// The user's rows, the primary first, then by id.
  static func rows(of user: UserRecord, _ data: StoreData) -> [EmailRecord] {
    data.emails.values.filter { $0.userID == user.id }.sorted {
      ($0.email == user.email.lowercased() ? 0 : 1, $0.id) < ($1.email == user.email.lowercased() ? 0 : 1, $1.id)
    }
  }

  static func listOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    return try Pagination.reply(rows(of: caller.user, data), request, render: render)
  }

  static func listForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try UserAdminRoutes.target(request, data)
    return try Pagination.reply(rows(of: user, data), request, render: render)
  }

  static func showOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let id = try request.pathInt("email_id")
    guard let email = data.emails[id], email.userID == caller.user.id else {
      throw APIError.notFound("Email")
    }
    return .json(render(email))
  }

  static func addOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    try request.params.require(["email"])
    return try add(request.params.string("email") ?? "", to: caller.user, confirmed: false, request, &data)
  }

  static func addForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    try request.params.require(["email"])  // Grape validates before the admin check
    let user = try UserAdminRoutes.target(request, data)
    let confirmed = try request.params.bool("skip_confirmation") ?? false
    return try add(request.params.string("email") ?? "", to: user, confirmed: confirmed, request, &data)
  }

  /// Downcased and stripped; any existing row or primary address, the user's own included,
  /// is "has already been taken" (400, never 409).
  private static func add(
    _ text: String, to user: UserRecord, confirmed: Bool, _ request: APIRequest,
    _ data: inout StoreData
  ) throws -> Reply {
    let address = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    if !isValid(address) { throw APIError.validation([("email", ["is invalid"])]) }
    let taken =
      data.emails.values.contains { $0.email == address }
      || data.users.values.contains { $0.email.lowercased() == address }
    if taken { throw APIError.validation([("email", ["has already been taken"])]) }
    let id = data.takeObjectID()
    let row = EmailRecord(
      id: id, userID: user.id, email: address, confirmedAt: confirmed ? request.now : nil)
    data.emails[id] = row
    return .json(render(row), status: 201)
  }

  static func deleteOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    return try remove(try request.pathInt("email_id"), of: caller.user, &data)
  }

  static func deleteForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try UserAdminRoutes.target(request, data)
    return try remove(try request.pathInt("email_id"), of: user, &data)
  }

  /// `Emails::DestroyService` raises on the primary row, unrescued by the API: a 500.
  private static func remove(_ id: Int, of user: UserRecord, _ data: inout StoreData) throws
    -> Reply
  {
    guard let email = data.emails[id], email.userID == user.id else {
      throw APIError.notFound("Email")
    }
    if email.email == user.email.lowercased() {
      throw APIError.message(500, "500 Internal Server Error")
    }
    data.emails[id] = nil
    if data.users[user.id]?.unconfirmedEmail == email.email { data.users[user.id]?.unconfirmedEmail = nil }
    return .noContent
  }
}
