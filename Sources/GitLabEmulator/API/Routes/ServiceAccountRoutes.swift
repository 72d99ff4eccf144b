import Foundation

/// Service accounts (§8 of the users reference): users of type `service_account` created by
/// an administrator for the instance, or for a top-level group. Their tokens are personal
/// access tokens; group service accounts also have token routes under the group.
enum ServiceAccountRoutes {
  static let routes: [Route] = [
    Route("POST", "/api/v4/service_accounts", createForInstance),
    Route("GET", "/api/v4/service_accounts", listForInstance),
    Route("PATCH", "/api/v4/service_accounts/:user_id", updateForInstance),
    Route("POST", "/api/v4/groups/:id/service_accounts", createForGroup),
    Route("GET", "/api/v4/groups/:id/service_accounts", listForGroup),
    Route("PATCH", "/api/v4/groups/:id/service_accounts/:user_id", updateForGroup),
    Route("DELETE", "/api/v4/groups/:id/service_accounts/:user_id", deleteForGroup),
  ] + ServiceAccountTokenRoutes.routes

  static func render(_ user: UserRecord) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("id", .int(user.id)), ("username", .string(user.username)), ("name", .string(user.name)),
      ("email", .string(user.email)),
    ]
    if let pending = user.unconfirmedEmail { fields.append(("unconfirmed_email", .string(pending))) }
    return .object(fields)
  }

  /// Sixteen hex digits, as `SecureRandom.hex(8)` gives for the default username.
  static func randomHex() -> String {
    (0..<8).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
  }

  /// Creates the user; a taken username or address is the service's error as a 400.
  static func create(
    _ request: APIRequest, _ data: inout StoreData, defaultUsername: String, group: Int?
  ) throws -> Reply {
    let params = request.params
    let username = try params.string("username") ?? defaultUsername
    let host = (request.http.header("Host") ?? "127.0.0.1").split(separator: ":").first.map(String.init) ?? ""
    let email = (try params.string("email") ?? "\(username)@noreply.\(host)").lowercased()
    let name = try params.string("name") ?? "Service account user"
    if data.user(named: username) != nil {
      throw APIError.badRequest("Username has already been taken")
    }
    if data.isEmailTaken(email, byOtherThan: nil) {
      throw APIError.badRequest("Email has already been taken")
    }
    if !EmailRoutes.isValid(email) { throw APIError.badRequest("Email is invalid") }
    var user = UserRecord(
      id: data.takeUserID(), username: username, name: name, email: email, isAdmin: false,
      state: "active", createdAt: request.now, namespaceID: data.takeNamespaceID(),
      botResource: nil, createdByID: request.caller?.user.id)
    user.userType = "service_account"
    user.external = true
    user.confirmedAt = .some(request.now)
    user.provisionedByGroupID = group
    data.add(user)
    return .json(render(user), status: 201)
  }

  /// `order_by` id|username, `sort` asc|desc (default id desc).
  static func list(_ accounts: [UserRecord], _ request: APIRequest) throws -> Reply {
    let orderBy = try request.params.choice("order_by", in: ["id", "username"]) ?? "id"
    let ascending = try request.params.choice("sort", in: ["asc", "desc"]) == "asc"
    let sorted = accounts.sorted {
      let before = orderBy == "username" ? $0.username < $1.username : $0.id < $1.id
      return ascending ? before : !before
    }
    return try Pagination.reply(sorted, request, render: render)
  }

  static func update(_ user: UserRecord, _ request: APIRequest, _ data: inout StoreData) throws
    -> Reply
  {
    var changed = user
    if let name = try request.params.string("name") { changed.name = name }
    if let username = try request.params.string("username"), username != user.username {
      if data.user(named: username) != nil {
        throw APIError.message(400, "Username has already been taken")
      }
      data.rename(user.id, to: username)
      changed.username = username
    }
    if let email = try request.params.string("email")?.lowercased(), email != user.email {
      if data.isEmailTaken(email, byOtherThan: user.id) {
        throw APIError.message(400, "Email has already been taken")
      }
      changed.email = email
      data.ensureEmailRow(for: user.id, email, confirmedAt: request.now)
    }
    data.users[user.id] = changed
    return .json(render(changed))
  }

  // MARK: - Instance

  static func createForInstance(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try request.requireAdmin()
    return try create(request, &data, defaultUsername: "service_account_\(randomHex())", group: nil)
  }

  static func listForInstance(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try request.requireAdmin()
    return try list(data.users.values.filter(\.isServiceAccount), request)
  }

  /// `User.find`: an unknown id is RecordNotFound's 404.
  static func updateForInstance(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    try request.requireAdmin()
    guard let id = Int(request.path("user_id")), let user = data.users[id], user.isServiceAccount
    else { throw APIError.recordNotFound }
    return try update(user, request, &data)
  }

  // MARK: - Group

  /// A top-level group the caller may administer service accounts of: an administrator (on
  /// self-managed GitLab, Owners need an instance setting that is off by default).
  static func group(_ request: APIRequest, _ data: StoreData) throws -> GroupRecord {
    _ = try request.requireCaller()
    let group = try ResourceLookup.group(request, data)
    guard request.isAdmin else { throw APIError.forbidden() }
    return group
  }

  static func createForGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    let group = try ResourceLookup.group(request, data)
    guard request.isAdmin, group.parentID == nil else {
      throw APIError.badRequest(
        "User does not have permission to create a service account in this namespace.")
    }
    return try create(
      request, &data, defaultUsername: "service_account_group_\(group.id)_\(randomHex())",
      group: group.id)
  }

  static func listForGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let group = try group(request, data)
    return try list(data.users.values.filter { $0.provisionedByGroupID == group.id }, request)
  }

  /// The group's own service account `:user_id`, else 404 User Not Found.
  static func account(_ request: APIRequest, _ data: StoreData) throws -> (GroupRecord, UserRecord) {
    let group = try group(request, data)
    guard let id = Int(request.path("user_id")), let user = data.users[id],
      user.provisionedByGroupID == group.id
    else { throw APIError.notFound("User") }
    return (group, user)
  }

  static func updateForGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, user) = try account(request, data)
    return try update(user, request, &data)
  }

  static func deleteForGroup(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, user) = try account(request, data)
    guard user.isServiceAccount else {
      throw APIError.badRequest("User is not of type Service Account")
    }
    return try UserAdminRoutes.remove(user, hardDelete: try request.params.bool("hard_delete") ?? false, &data)
  }
}
