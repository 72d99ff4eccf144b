import Foundation

/// `user`: a GitLab user — typically a bot whose tokens, SSH keys and e-mails the same
/// configuration manages (administrators only).
///
/// Import id `<user-id>`. Everything but the creation-time switches changes in place (`PUT
/// /users/:id`); `state` changes through GitLab's block/unblock/deactivate/activate routes, never
/// by deleting. The password is sent, never read back (GitLab does not return it), so the state
/// keeps the configured one and a changed password plans an update. Deleting a user deletes
/// everything it owns in GitLab — its projects, tokens, keys — so configurations should protect
/// it with `lifecycle { prevent_destroy = true }`.
public struct ManagedUser: ResourceType {
  public init() {}

  public let name = "user"
  public let summary =
    "A GitLab user with its profile and state (needs an administrator's token); deleting it deletes what it owns."
  public var requiresAdministrator: Bool { true }
  /// Switches GitLab reads only when the user is made, and what a delete is asked to do.
  public var configOnlyAttributes: Set<String> {
    ["reset_password", "force_random_password", "skip_confirmation", "hard_delete"]
  }

  static let states = ["active", "blocked", "deactivated"]
  /// Who may do anything with users: GitLab's Users API is an administrator's.
  static let need = RequiredAccess.administrator("manage users")

  public let schema = ResourceSchema(attributes: [
    AttributeSchema("username", .string, .required, description: "The login name, unique (case-insensitively)."),
    AttributeSchema("name", .string, .required, description: "The display name."),
    AttributeSchema("email", .string, .required, description: "The primary e-mail; changed without reconfirmation."),
    AttributeSchema(
      "password", .string, .optional, sensitive: true,
      description: "Never read back from GitLab; changing it plans an update that sets it."),
    AttributeSchema(
      "reset_password", .bool, .optional, default: .false,
      description: "At creation, mail the user a reset link instead of setting a password."),
    AttributeSchema(
      "force_random_password", .bool, .optional, default: .false,
      description: "At creation, give the user a random password nobody knows (bots)."),
    AttributeSchema(
      "skip_confirmation", .bool, .optional, default: .true,
      description: "At creation, count the e-mail as confirmed (the provider's default)."),
    AttributeSchema("is_admin", .bool, .optional, default: .false),
    AttributeSchema("can_create_group", .bool, .optional, default: .false),
    AttributeSchema(
      "projects_limit", .number, .optional, default: .number(0),
      description: "How many personal projects the user may make; 0 is none."),
    AttributeSchema("external", .bool, .optional, default: .false),
    AttributeSchema("note", .string, .optional, default: .string(""), description: "An administrator's note."),
    AttributeSchema(
      "state", .string, .optional, default: .string("active"),
      description: "active, blocked or deactivated; changed through GitLab's moderation routes."),
    AttributeSchema(
      "hard_delete", .bool, .optional, default: .false,
      description: "On delete, also remove the user's contributions (instead of moving them to the ghost user) and the groups only it owns."),
    AttributeSchema("user_id", .number, .computed, description: "The user's id, as a number."),
    AttributeSchema("namespace_id", .number, .computed, description: "The user's personal namespace."),
    AttributeSchema("created_at", .string, .computed, description: "When GitLab made the user."),
    AttributeSchema("id", .string, .computed, description: "<user-id>"),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    UserChecks.check(config, ranges: ranges)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  /// One user per username: two instances naming it would fight over the same account.
  public func claim(of planned: Value) -> ObjectClaim? {
    let username = planned[attribute: "username"]
    guard username.isKnown, !username.containsSensitive, let text = username.stringValue else { return nil }
    return ObjectClaim(
      owner: nil, name: "user:" + text.lowercased(), description: "the user \(Value.quoted(text))")
  }

  /// Creates the user, then moves it to the configured state (`ManagedUser+Create.swift`).
  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    try RequiredAccess.explaining(ManagedUser.need) {
      let created = try make(planned, context: context)
      return try moderate(created, planned, context: context)
    }
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    return try RequiredAccess.explaining(ManagedUser.need) {
      guard let userID = prior.int("user_id") ?? prior.string("id").flatMap({ Int($0) }) else { return nil }
      do {
        return object(try context.client.userAccount(id: userID), base: prior)
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .user(userID), context: context)
        return nil
      }
    }
  }

  /// Sends only what changed, then moves the state from what GitLab has to what is planned.
  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(ManagedUser.need) {
      guard let userID = prior.int("user_id") else { return planned }
      let wanted = settings(from: planned)
      let had = settings(from: prior)
      var changes = UserSettings()
      if wanted.username != had.username { changes.username = wanted.username }
      if wanted.name != had.name { changes.name = wanted.name }
      if wanted.email?.lowercased() != had.email?.lowercased() { changes.email = wanted.email }
      if wanted.password != had.password { changes.password = wanted.password }
      if wanted.isAdmin != had.isAdmin { changes.isAdmin = wanted.isAdmin }
      if wanted.canCreateGroup != had.canCreateGroup { changes.canCreateGroup = wanted.canCreateGroup }
      if wanted.projectsLimit != had.projectsLimit { changes.projectsLimit = wanted.projectsLimit }
      if wanted.external != had.external { changes.external = wanted.external }
      if wanted.note != had.note { changes.note = wanted.note }
      var account =
        changes == UserSettings()
        ? try context.client.userAccount(id: userID) : try context.client.updateUser(id: userID, changes)
      let state = planned.string("state") ?? "active"
      if account.state != state {
        try UserStateChange.apply(from: account.state, to: state, userID: userID, client: context.client)
        account = try context.client.userAccount(id: userID)
      }
      return object(account, base: planned)
    }
  }

  /// GitLab answers 204 and deletes in the background; a user already gone counts as deleted.
  public func delete(_ prior: Value, context: ResourceContext) throws {
    try RequiredAccess.explaining(ManagedUser.need) {
      guard let userID = prior.int("user_id") else { return }
      let hardDelete = prior.bool("hard_delete") ?? false
      do {
        try context.client.deleteUser(id: userID, hardDelete: hardDelete)
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .user(userID), context: context)
      } catch var error as GitLabError where error.code == .conflict && !hardDelete {
        // GitLab refuses to orphan a group; its message does not say how to go ahead.
        error.message += " To delete the user together with the groups only it owns, set hard_delete = true "
          + "and apply before destroying it."
        throw error
      }
    }
  }

  /// A user whose create answer was lost is found by its username, if no other object has it
  /// and GitLab made it after the request.
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    return try RequiredAccess.explaining(ManagedUser.need) {
      guard let username = pending.string("username") else { return nil }
      let found: GitLabUser
      do {
        found = try context.client.user(username: username)
      } catch let error as GitLabError where error.code == .notFound {
        return nil
      }
      guard !claimed.contains(String(found.id)) else { return nil }
      let account = try context.client.userAccount(id: found.id)
      // A user of that name made before the request is someone else's, not this create's.
      guard RequestTime.mayBeMade(at: account.createdAt, for: pending) else { return nil }
      return object(account, base: pending)
    }
  }

  /// The request time, recorded before the create is sent, for `findCreated`.
  public func intentToCreate(_ planned: Value, at now: Date) -> Value {
    RequestTime.recorded(planned, at: now)
  }

  /// A bot user — a project or group access token's, which GitLab manages with the token, or
  /// (where GitLab counts them as bots) a service account — is not a person's account: managed
  /// as a user, its profile would be changed and its deletion would revoke its tokens.
  public func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String? {
    guard object != nil, let userID = partial.int("user_id") else { return nil }
    let account = try RequiredAccess.explaining(ManagedUser.need) { try context.client.userAccount(id: userID) }
    guard account.isBot else { return nil }
    return "User \(userID) (\(account.username)) is a bot user: a project or group access token's (manage the token "
      + "as a project_token or group_token) or a service account (import it as a service_account)."
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    guard let userID = Int(id), userID > 0, id.allSatisfy(\.isASCII) else {
      return .failure(
        ImportIDError("Unexpected import id \(Value.quoted(id)): expected <user-id>, a number such as \"42\"."))
    }
    return .success(Value.object(schema, ["id": .string(id), "user_id": .number(userID)]))
  }

  /// `base`'s string `name` when it is known (a planned object's computed values are not).
  private func known(_ base: Value, _ name: String) -> String? {
    base[attribute: name].isKnown ? base.string(name) : nil
  }

  func settings(from object: Value) -> UserSettings {
    UserSettings(
      username: object.string("username"), name: object.string("name"), email: object.string("email"),
      password: object.string("password").map(SecretValue.init), isAdmin: object.bool("is_admin"),
      canCreateGroup: object.bool("can_create_group"), projectsLimit: object.int("projects_limit"),
      external: object.bool("external"), note: object.string("note"))
  }

  /// `base` with GitLab's values; the password (never returned) and the switches stay the
  /// base's. GitLab lowercases nothing but compares e-mails case-insensitively, so a configured
  /// spelling that differs only in case is kept.
  func object(_ account: GitLabUserAccount, base: Value) -> Value {
    var email = account.email.map { Value.string($0) } ?? base[attribute: "email"]
    if let configured = base.string("email"), configured.lowercased() == account.email?.lowercased() {
      email = .string(configured)
    }
    var result = base
    for name in configOnlyAttributes where result[attribute: name].isNull {
      result = result.setting(name, schema.attribute(name)?.defaultValue ?? .null(.bool))
    }
    return result
      .setting("id", .string(String(account.id)))
      .setting("user_id", .number(account.id))
      .setting("username", .string(account.username))
      .setting("name", .string(account.name))
      .setting("email", email)
      .setting("password", base[attribute: "password"].isNull ? .null(.string) : base[attribute: "password"].marked(sensitive: true))
      .setting("is_admin", .bool(account.isAdmin))
      .setting("can_create_group", .bool(account.canCreateGroup))
      .setting("projects_limit", .number(account.projectsLimit))
      .setting("external", .bool(account.external))
      .setting("note", .string(account.note ?? ""))
      .setting("state", .string(account.state))
      .setting("namespace_id", account.namespaceID.map { .number($0) } ?? .null(.number))
      .setting("created_at", .optionalString(account.createdAt.map(TokenAttributes.timestamp) ?? known(base, "created_at")))
  }
}
