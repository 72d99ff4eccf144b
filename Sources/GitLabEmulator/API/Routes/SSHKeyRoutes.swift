import Foundation

/// SSH keys (§5 of the users reference): the caller's own under `/user/keys`, anyone's to
/// read (without authentication) and, for administrators, to add and delete under
/// `/users/:id/keys`. Keys cannot be edited.
enum SSHKeyRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/user/keys", scopes: .users, listOwn),
    Route("POST", "/api/v4/user/keys", scopes: .users, addOwn),
    Route("GET", "/api/v4/user/keys/:key_id", scopes: .users, showOwn),
    Route("DELETE", "/api/v4/user/keys/:key_id", scopes: .users, deleteOwn),
    Route("GET", "/api/v4/users/:id/keys", scopes: .users, listForUser),
    Route("POST", "/api/v4/users/:id/keys", scopes: .users, addForUser),
    Route("GET", "/api/v4/users/:id/keys/:key_id", scopes: .users, showForUser),
    Route("DELETE", "/api/v4/users/:id/keys/:key_id", scopes: .users, deleteForUser),
  ]

  static let usageTypes: Set<String> = ["auth", "signing", "auth_and_signing"]

  /// `publishable_key`: type and body, then the owner's name and GitLab's host instead of
  /// the caller's comment.
  static func render(_ key: SSHKeyRecord, _ data: StoreData, _ request: APIRequest) -> JSONValue {
    let host = (request.http.header("Host") ?? "127.0.0.1").split(separator: ":").first.map(String.init) ?? ""
    let body = key.key.split(separator: " ").prefix(2).joined(separator: " ")
    let owner = data.users[key.userID]?.name ?? ""
    return .object([
      ("id", .int(key.id)), ("title", .string(key.title)),
      ("created_at", .string(Timestamp.format(key.createdAt))),
      ("expires_at", .optional(key.expiresAt.map(Timestamp.format))),
      ("key", .string("\(body) \(owner) (\(host))")), ("usage_type", .string(key.usageType)),
    ])
  }

  static func keys(of userID: Int, _ data: StoreData) -> [SSHKeyRecord] {
    data.sshKeys.values.filter { $0.userID == userID }.sorted { $0.id < $1.id }
  }

  /// `find_user`: all digits is an id, anything else a username (case-insensitive).
  static func findUser(_ identifier: String, _ data: StoreData) -> UserRecord? {
    if !identifier.isEmpty, identifier.allSatisfy(\.isNumber) {
      return Int(identifier).flatMap { data.users[$0] }
    }
    return data.user(named: identifier)
  }

  static func listOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    return try Pagination.reply(keys(of: caller.user.id, data), request) { render($0, data, request) }
  }

  static func listForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    guard let user = findUser(request.path("id"), data) else { throw APIError.notFound("User") }
    return try Pagination.reply(keys(of: user.id, data), request) { render($0, data, request) }
  }

  static func showOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let id = try request.pathInt("key_id")
    guard let key = data.sshKeys[id], key.userID == caller.user.id else {
      throw APIError.notFound("Key")
    }
    return .json(render(key, data, request))
  }

  static func showForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    guard let userID = Int(request.path("id")), data.users[userID] != nil else {
      throw APIError.notFound("User")
    }
    guard let id = Int(request.path("key_id")), let key = data.sshKeys[id], key.userID == userID
    else { throw APIError.notFound("Key") }
    return .json(render(key, data, request))
  }

  static func addOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    try checkParameters(request.params)
    return try add(for: caller.user, request, &data)
  }

  static func addForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    _ = try request.requireCaller()
    try checkParameters(request.params)
    let user = try UserAdminRoutes.target(request, data)
    return try add(for: user, request, &data)
  }

  /// Grape's checks, before any lookup: `key`, `title`, `expires_at`, `usage_type`.
  static func checkParameters(_ params: Parameters) throws {
    try params.require(["key", "title"])
    _ = try params.dateTime("expires_at")
    _ = try params.choice("usage_type", in: usageTypes)
  }

  /// The `Key` model's validations, collected as `render_validation_error!` shows them.
  private static func add(for user: UserRecord, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let params = request.params
    let title = try params.string("title") ?? ""
    let text = try params.string("key") ?? ""
    let expiresAt = try params.dateTime("expires_at")
    var errors: [(String, [String])] = []
    if title.trimmingCharacters(in: .whitespaces).isEmpty {
      errors.append(("title", ["can't be blank"]))
    } else if title.count > 255 {
      errors.append(("title", ["is too long (maximum is 255 characters)"]))
    }
    var keyErrors: [String] = []
    var fingerprintErrors: [String] = []
    let parsed = SSHPublicKey(text)
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      keyErrors.append("can't be blank")
    } else if text.count > 5000 {
      keyErrors.append("is too long (maximum is 5000 characters)")
    } else if !SSHPublicKey.hasKnownPrefix(text) {
      keyErrors.append("is invalid")
    }
    let restrictions = KeyRestrictions(data.keyRestrictions)
    if !text.isEmpty, text.count <= 5000 {
      if let parsed {
        if let problem = restrictions.problem(with: parsed) { keyErrors.append(problem) }
        if data.sshKeys.values.contains(where: { $0.fingerprintSHA256 == parsed.fingerprintSHA256 }) {
          fingerprintErrors.append("has already been taken")
        }
      } else {
        keyErrors.append(restrictions.forbiddenMessage)
        fingerprintErrors.append("cannot be generated")
      }
    }
    if let expiresAt, expiresAt <= request.now { keyErrors.append("has expired") }
    if !keyErrors.isEmpty { errors.append(("key", keyErrors)) }
    if !fingerprintErrors.isEmpty { errors.append(("fingerprint_sha256", fingerprintErrors)) }
    guard errors.isEmpty, let parsed else { throw APIError.validation(errors) }
    let key = SSHKeyRecord(
      id: data.takeObjectID(), userID: user.id, title: title, key: parsed.sanitized,
      fingerprintSHA256: parsed.fingerprintSHA256, createdAt: request.now, expiresAt: expiresAt,
      usageType: try params.string("usage_type") ?? "auth_and_signing")
    data.sshKeys[key.id] = key
    return .json(render(key, data, request), status: 201)
  }

  static func deleteOwn(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let id = try request.pathInt("key_id")
    guard let key = data.sshKeys[id], key.userID == caller.user.id else {
      throw APIError.notFound("Key")
    }
    data.sshKeys[key.id] = nil
    return .noContent
  }

  static func deleteForUser(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let user = try UserAdminRoutes.target(request, data)
    guard let id = Int(request.path("key_id")), let key = data.sshKeys[id], key.userID == user.id
    else { throw APIError.notFound("Key") }
    data.sshKeys[key.id] = nil
    return .noContent
  }
}
