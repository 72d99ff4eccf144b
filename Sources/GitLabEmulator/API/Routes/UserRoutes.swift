import Foundation

/// `/users` and `/user` (§5): listing with filters, lookup, the current user, creation and
/// block/unblock by administrators.
enum UserRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/user", scopes: .users, current),
    Route("GET", "/api/v4/users", scopes: .users, list),
    Route("POST", "/api/v4/users", scopes: .users, create),
    Route("GET", "/api/v4/users/:id", scopes: .users, show),
  ]

  static func current(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    guard caller.user.isAdmin else {
      return .json(UserEntity.render(caller.user, .public, webBase: request.webBase))
    }
    return .json(UserEntity.admin(caller.user, details: false, data, webBase: request.webBase))
  }

  static func list(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let params = request.params
    let username = try params.string("username")
    if request.caller == nil, username == nil {
      throw APIError.forbidden("Not authorized to access /api/v4/users")
    }
    let active = try params.bool("active") ?? false
    let blocked = try params.bool("blocked") ?? false
    let humans = try params.bool("humans") ?? false
    let withoutBots = try params.bool("without_project_bots") ?? false
    let external = try params.bool("external") ?? false
    let excludeExternal = try params.bool("exclude_external") ?? false
    let search = UserSearch(try params.string("search"))
    let isAdmin = request.isAdmin
    // Grape validates these for everyone; `UsersFinder` then drops them for non-admins.
    let orderBy = try params.choice("order_by", in: ["id", "name", "username", "created_at", "updated_at"])
    let sort = try params.choice("sort", in: ["asc", "desc"])
    let createdAfter = try params.dateTime("created_after")
    let createdBefore = try params.dateTime("created_before")
    let admins = try isAdmin && (params.bool("admins") ?? false)
    var users = data.users.values.filter { user in
      // `UsersFinder`: non-admins never see blocked users (`without_forbidden_states`).
      if !isAdmin && user.isBlocked { return false }
      if let username, user.username.lowercased() != username.lowercased() { return false }
      if active && user.state != "active" { return false }
      if blocked && !["blocked", "ldap_blocked"].contains(user.state) { return false }
      if (humans || withoutBots) && user.isBot { return false }
      if humans && user.isServiceAccount { return false }
      if external && user.external != true { return false }
      if excludeExternal && user.external == true { return false }
      if admins && !user.isAdmin { return false }
      if isAdmin, let createdAfter, user.createdAt < createdAfter { return false }
      if isAdmin, let createdBefore, user.createdAt > createdBefore { return false }
      if let search, !search.matches(user, isAdmin: isAdmin, data) { return false }
      return true
    }
    // `reorder_users`: a search keeps `User.search`'s relevance order unless an administrator
    // asks for an order (non-admins' `order_by` and `sort` were dropped); otherwise
    // `order_by ||= 'id'`, `sort ||= 'desc'`.
    if let search, !(isAdmin && (orderBy != nil || sort != nil)) {
      users = search.sorted(users)
    } else {
      let ascending = isAdmin && sort == "asc"
      let key: (UserRecord) -> String? = {
        switch isAdmin ? orderBy : nil {
        case "name"?: return $0.name.lowercased()
        case "username"?: return $0.username.lowercased()
        case "created_at"?, "updated_at"?: return Timestamp.format($0.createdAt)
        default: return nil
        }
      }
      users.sort { first, second in
        let (a, b) = (key(first), key(second))
        if let a, let b, a != b { return ascending ? a < b : a > b }
        return ascending ? first.id < second.id : first.id > second.id
      }
    }
    return try Pagination.reply(users, request) {
      isAdmin
        ? UserEntity.admin($0, details: false, data, webBase: request.webBase)
        : UserEntity.render($0, .basic, webBase: request.webBase)
    }
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let id = try UserAdminRoutes.numericID(request)
    guard request.caller != nil else { throw APIError.forbidden("Not authorized!") }
    guard let user = data.users[id] else {
      throw APIError.notFound("User")
    }
    guard request.isAdmin else {
      return .json(UserEntity.render(user, .profile, webBase: request.webBase))
    }
    return .json(UserEntity.admin(user, details: true, data, webBase: request.webBase))
  }

  static func create(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireAdmin()
    let params = request.params
    try params.require(["email", "name", "username"])
    if !["password", "reset_password", "force_random_password"].contains(where: params.has) {
      throw APIError.parameter(
        "password, reset_password, force_random_password are missing, "
          + "at least one parameter must be provided")
    }
    let email = try params.string("email") ?? ""
    let username = try params.string("username") ?? ""
    let name = try params.string("name") ?? ""
    // E-mail first: a request colliding on both gets the e-mail message.
    if data.isEmailTaken(email, byOtherThan: nil) {
      throw APIError.message(409, "Email has already been taken")
    }
    if data.user(named: username) != nil {
      throw APIError.message(409, "Username has already been taken")
    }
    var errors: [(String, [String])] = []
    if name.isEmpty { errors.append(("name", ["can't be blank"])) }
    if username.isEmpty || !username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }) {
      errors.append(("username", ["can contain only letters, digits, '_', '-' and '.'."]))
    }
    if !EmailRoutes.isValid(email) { errors.append(("email", ["is invalid"])) }
    errors += try UserAdminRoutes.attributeErrors(params)
    if !errors.isEmpty { throw APIError.validation(errors) }
    let confirmed = try params.bool("skip_confirmation") == true
    var user = UserRecord(
      id: data.takeUserID(), username: username, name: name, email: email.lowercased(),
      isAdmin: try params.bool("admin") ?? false, state: "active", createdAt: request.now,
      namespaceID: data.takeNamespaceID(), botResource: nil, createdByID: caller.user.id)
    user.confirmedAt = .some(confirmed ? request.now : nil)
    try UserAdminRoutes.applyAttributes(params, to: &user)
    data.add(user)
    return .json(UserEntity.admin(user, details: false, data, webBase: request.webBase), status: 201)
  }

}
