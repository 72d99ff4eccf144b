import Foundation

/// Administering users (§4.5–4.7 and §2.1 of the users reference): `PUT` and `DELETE
/// /users/:id`, the moderation routes with their bare-literal bodies, and
/// `GET /user/activities`.
enum UserAdminRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/user/activities", scopes: .users, activities),
    Route("PUT", "/api/v4/users/:id", scopes: .users, update),
    Route("DELETE", "/api/v4/users/:id", scopes: .users, delete),
    Route("POST", "/api/v4/users/:id/block", scopes: .users, block),
    Route("POST", "/api/v4/users/:id/unblock", scopes: .users, unblock),
    Route("POST", "/api/v4/users/:id/deactivate", scopes: .users, deactivate),
    Route("POST", "/api/v4/users/:id/activate", scopes: .users, activate),
  ]

  /// `deactivate_dormant_users_period`'s default.
  static let dormancyDays = 90

  /// `requirements: { id: /[0-9]*/ }`: a non-numeric id matches no route at all.
  static func numericID(_ request: APIRequest) throws -> Int {
    let text = request.path("id")
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw APIError.noRoute }
    return Int(text) ?? 0
  }

  static func target(_ request: APIRequest, _ data: StoreData) throws -> UserRecord {
    let id = try numericID(request)
    try request.requireAdmin()
    guard let user = data.users[id] else {
      throw APIError.notFound("User")
    }
    return user
  }

  /// Validation messages for the optional attributes POST and PUT share.
  static func attributeErrors(_ params: Parameters) throws -> [(String, [String])] {
    var errors: [(String, [String])] = []
    if let password = try params.string("password"), !password.isEmpty, password.count < 8 {
      errors.append(("password", ["is too short (minimum is 8 characters)"]))
    }
    if let limit = try params.int("projects_limit"), limit < 0 {
      errors.append(("projects_limit", ["must be greater than or equal to 0"]))
    }
    if let note = try params.string("note"), note.count > 1000 {
      errors.append(("note", ["is too long (maximum is 1000 characters)"]))
    }
    return errors
  }

  static func applyAttributes(_ params: Parameters, to user: inout UserRecord) throws {
    if let flag = try params.bool("admin") { user.isAdmin = flag }
    if let flag = try params.bool("external") { user.external = flag }
    if let flag = try params.bool("can_create_group") { user.canCreateGroup = flag }
    if let limit = try params.int("projects_limit") { user.projectsLimit = limit }
    if params.has("note") { user.note = try params.string("note") }
  }

  static func update(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    var user = try target(request, data)
    let params = request.params
    let email = try params.string("email")
    let username = try params.string("username")
    if let email, data.isEmailTaken(email, byOtherThan: user.id) {
      throw APIError.message(409, "Email has already been taken")
    }
    if let username, let other = data.user(named: username), other.id != user.id {
      throw APIError.message(409, "Username has already been taken")
    }
    var errors: [(String, [String])] = []
    if let name = try params.string("name"), name.isEmpty { errors.append(("name", ["can't be blank"])) }
    if let username, !isValidUsername(username) {
      errors.append(("username", ["can contain only letters, digits, '_', '-' and '.'. Cannot start with '-' or end in '.', '.git' or '.atom'."]))
    }
    if let email, !EmailRoutes.isValid(email) { errors.append(("email", ["is invalid"])) }
    errors += try attributeErrors(params)
    if !errors.isEmpty { throw APIError.validation(errors) }
    if let name = try params.string("name") { user.name = name }
    try applyAttributes(params, to: &user)
    if let email, email.lowercased() != user.email.lowercased() {
      let lower = email.lowercased()
      let verified = data.emails.values.contains {
        $0.userID == user.id && $0.email == lower && $0.confirmedAt != nil
      }
      if try params.bool("skip_reconfirmation") == true || verified {
        // The old primary stays as a confirmed secondary address.
        data.ensureEmailRow(for: user.id, user.email, confirmedAt: user.confirmationTime ?? request.now)
        data.ensureEmailRow(for: user.id, lower, confirmedAt: request.now)
        user.email = lower
        user.unconfirmedEmail = nil
      } else {
        user.unconfirmedEmail = lower
      }
    }
    data.users[user.id] = user
    if let username, username != user.username { data.rename(user.id, to: username) }
    let updated = data.users[user.id] ?? user
    return .json(UserEntity.admin(updated, details: false, data, webBase: request.webBase))
  }

  static func isValidUsername(_ name: String) -> Bool {
    NamespaceEditing.isValidPath(name, group: true)
  }

  /// 204 at once; GitLab deletes in a worker, the emulator synchronously.
  static func delete(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try target(request, data)
    return try remove(user, hardDelete: try request.params.bool("hard_delete") ?? false, &data)
  }

  /// `Users::DestroyService`: refused for a group's sole Owner unless `hard_delete`, which
  /// also deletes the groups only this user owns.
  static func remove(_ user: UserRecord, hardDelete: Bool, _ data: inout StoreData) throws -> Reply {
    let soleOwned = data.groups.values.filter { group in
      let owners = group.members.filter { $0.value.accessLevel >= StoreData.owner }
      return owners.count == 1 && owners[user.id] != nil
    }
    if !soleOwned.isEmpty && !hardDelete {
      throw APIError.message(409, "User cannot be removed while is the sole-owner of a group")
    }
    for group in soleOwned.sorted(by: { $0.id < $1.id }) where data.groups[group.id] != nil {
      data.removeGroup(group.id)
    }
    data.removeUser(user.id)
    return .noContent
  }

  static func block(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try target(request, data)
    if user.state == "ldap_blocked" {
      throw APIError.forbidden("LDAP blocked users cannot be modified by the API")
    }
    if user.id == request.caller?.user.id {
      throw APIError.forbidden("The API initiating user cannot be blocked by the API")
    }
    if user.isBlocked { return .json(.null, status: 201) }
    data.users[user.id]?.state = "blocked"
    return .json(.bool(true), status: 201)
  }

  static func unblock(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try target(request, data)
    switch user.state {
    case "ldap_blocked": throw APIError.forbidden("LDAP blocked users cannot be unblocked by the API")
    case "deactivated": throw APIError.forbidden("Deactivated users cannot be unblocked by the API")
    case "active": return .json(.bool(false), status: 201)
    default:
      data.users[user.id]?.state = "active"
      return .json(.bool(true), status: 201)
    }
  }

  static func deactivate(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try target(request, data)
    if user.state == "deactivated" { return .json(.null, status: 201) }
    if user.isBlocked {
      throw APIError.message(403, "Error occurred. A blocked user cannot be deactivated")
    }
    if let last = user.lastActivityOn, last > CalendarDay(containing: request.now).adding(days: -dormancyDays) {
      throw APIError.message(403,
        "The user you are trying to deactivate has been active in the past \(dormancyDays) days and cannot be deactivated")
    }
    data.users[user.id]?.state = "deactivated"
    return .json(.bool(true), status: 201)
  }

  static func activate(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try target(request, data)
    if user.isBlocked {
      throw APIError.message(403, "Error occurred. A blocked user must be unblocked to be activated")
    }
    data.users[user.id]?.state = "active"
    return .json(.bool(true), status: 201)
  }

  /// Users active on or after `from` (default six months ago), least recent first.
  static func activities(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    let from = try request.params.dateTime("from")
      ?? Calendar(identifier: .gregorian).date(byAdding: .month, value: -6, to: request.now)
      ?? request.now
    let fromDay = CalendarDay(containing: from)
    let active = data.users.values.compactMap { user -> (UserRecord, CalendarDay)? in
      guard let day = user.lastActivityOn, day >= fromDay else { return nil }
      return (user, day)
    }.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
    return try Pagination.reply(active, request) { user, day in
      .object([
        ("username", .string(user.username)), ("last_activity_on", .string(day.description)),
        ("last_activity_at", .string(day.description)),
      ])
    }
  }
}
