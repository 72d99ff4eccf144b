import Foundation

/// `service_account`: a user made for a machine — instance-wide (administrators), or of a
/// top-level group with `group` (its Owners). Its tokens are `user_token`s of its `user_id`.
///
/// Import id `<user-id>` or `<group>:<user-id>`. Every configured attribute forces a
/// replacement, as in the provider's `gitlab_*_service_account`; left out, `name`, `username`
/// and `email` take GitLab's defaults. Deleting it deletes its tokens.
public struct ServiceAccount: ResourceType {
  public init() {}

  public let name = "service_account"
  public let summary = "A service account of the instance or of a group; its tokens are user_tokens."
  public var configOnlyAttributes: Set<String> { ["hard_delete"] }

  public let schema = ResourceSchema(attributes: [
    AttributeSchema(
      "group", .string, .optional, forcesReplacement: true,
      description: "A top-level group's id or full path; left out, the account is instance-wide."),
    AttributeSchema("name", .string, .optionalComputed, forcesReplacement: true, description: "Default: Service account user."),
    AttributeSchema("username", .string, .optionalComputed, forcesReplacement: true, description: "Default: generated."),
    AttributeSchema("email", .string, .optionalComputed, forcesReplacement: true, description: "Default: a no-reply address."),
    AttributeSchema(
      "hard_delete", .bool, .optional, default: .false,
      description: "Delete the account's contributions too instead of moving them to the ghost user."),
    AttributeSchema("user_id", .number, .computed, description: "The account's user id, for its user_tokens."),
    AttributeSchema(
      "created_at", .string, .computed,
      description: "When gitform asked for the account (GitLab's time for an imported one)."),
    AttributeSchema("id", .string, .computed, description: "<user-id> or <group>:<user-id>"),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let email = config.string("email"), !UserChecks.isPlausibleEmail(email) {
      diagnostics.append(.error("Invalid email", detail: "\(Value.quoted(email)) is not an e-mail address.", subject: ranges.range(of: "email")))
    }
    if let username = config.string("username"), !UserChecks.isValidUsername(username) {
      diagnostics.append(
        .error(
          "Invalid username", detail: "\(Value.quoted(username)) is not a username GitLab accepts.",
          subject: ranges.range(of: "username")))
    }
    return diagnostics + DataSourceChecks.notEmpty("group", in: config, ranges: ranges)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .group, attribute: "group")
  }

  public func claim(of planned: Value) -> ObjectClaim? {
    let username = planned[attribute: "username"]
    guard username.isKnown, !username.containsSensitive, let text = username.stringValue else { return nil }
    // The same namespace as `user`: a username names one account, of whatever kind.
    return ObjectClaim(owner: nil, name: "user:" + text.lowercased(), description: "the user \(Value.quoted(text))")
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(accountNeed(planned)) {
      let group = planned.string("group")
      let account = try context.client.createServiceAccount(
        group: group.map(GitLabReference.init), name: planned.string("name"), username: planned.string("username"),
        email: planned.string("email"))
      // As recorded before the send (`intentToCreate`): created_at is when it was asked for.
      return object(account, group: group, base: RequestTime.recorded(planned, at: context.now))
    }
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    try readAll([prior], context: context)[0]
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.string("group").map { "group:\($0)" }
  }

  /// A group's accounts come from its list (its Owners may not read `/users/:id`); an instance
  /// account from `GET /users/:id`.
  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    return try RequiredAccess.explaining(accountNeed(priors.first ?? .null(.string))) {
      guard let first = priors.first else { return [] }
      guard let group = first.string("group") else {
        return try priors.map { prior in
          guard let userID = prior.int("user_id") else { return nil }
          do {
            let user = try context.client.userAccount(id: userID)
            let account = GitLabServiceAccount(id: user.id, username: user.username, name: user.name, email: user.email)
            return object(account, group: nil, base: prior, createdAt: user.createdAt)
          } catch let error as GitLabError where error.code == .notFound {
            try ParentAccess.confirmGone(in: .user(userID), context: context)
            return nil
          }
        }
      }
      let accounts: [GitLabServiceAccount]
      do {
        accounts = try context.client.groupServiceAccounts(group: GitLabReference(group))
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .group(group), context: context)
        return priors.map { _ in nil }
      }
      return priors.map { prior in
        accounts.first { $0.id == prior.int("user_id") }.map { object($0, group: group, base: prior) }
      }
    }
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    planned  // Every configured attribute forces replacement; hard_delete is config-only.
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    try RequiredAccess.explaining(accountNeed(prior)) {
      guard let userID = prior.int("user_id") else { return }
      let hardDelete = prior.bool("hard_delete") ?? false
      do {
        if let group = prior.string("group") {
          try context.client.deleteGroupServiceAccount(group: GitLabReference(group), userID: userID, hardDelete: hardDelete)
        } else {
          try context.client.deleteUser(id: userID, hardDelete: hardDelete)
        }
      } catch let error as GitLabError where error.code == .notFound {
        if let group = prior.string("group") {
          try ParentAccess.confirmGone(in: .group(group), context: context)
        } else {
          try ParentAccess.confirmGone(in: .user(userID), context: context)
        }
      }
    }
  }

  /// The request time, recorded before the create is sent: an account whose username GitLab
  /// generates is told from older ones by it (`findCreated`).
  public func intentToCreate(_ planned: Value, at now: Date) -> Value {
    RequestTime.recorded(planned, at: now)
  }

  /// An account whose create answer was lost is found by its configured username; one whose
  /// username GitLab generated, by what was asked for and the request time
  /// (`ServiceAccountSearch`).
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    guard let username = pending.string("username") else {
      return try RequiredAccess.explaining(accountNeed(pending)) {
        try ServiceAccountSearch.generated(pending, claimed: claimed, context: context).map { account, createdAt in
          object(account, group: pending.string("group"), base: pending, createdAt: createdAt)
        }
      }
    }
    let user: GitLabUser
    do {
      user = try context.client.user(username: username)
    } catch let error as GitLabError where error.code == .notFound {
      return nil
    }
    let group = pending.string("group")
    let id = group.map { "\($0):\(user.id)" } ?? String(user.id)
    guard !claimed.contains(id) else { return nil }
    // An account of that name made before the request is someone else's, not this create's.
    // (GitLab shows a user's creation time to administrators only: a group's Owner adopts by
    // name, as before the time was recorded.)
    if pending[attribute: "created_at"].isKnown, pending.string("created_at") != nil,
      let made = try RequiredAccess.explaining(accountNeed(pending), { try context.client.userAccount(id: user.id).createdAt })
    {
      guard RequestTime.mayBeMade(at: made, for: pending) else { return nil }
    }
    let candidate = pending.setting("user_id", .number(user.id)).setting("id", .string(id))
    return try read(candidate, context: context)
  }

  /// An instance account's id is read through `GET /users/:id`, which answers for any user: one
  /// that is not in GitLab's list of service accounts (a person, the administrator) is refused,
  /// or destroying the resource would delete that user. A group's accounts come from the
  /// group's own list, so any id found there is one.
  public func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String? {
    guard partial.string("group") == nil, object != nil, let userID = partial.int("user_id") else { return nil }
    let accounts = try RequiredAccess.explaining(accountNeed(partial)) { try context.client.instanceServiceAccounts() }
    guard !accounts.contains(where: { $0.id == userID }) else { return nil }
    return "User \(userID) is not a service account: import a person's account as a user "
      + "(gitform import user.NAME \(userID)), or give the id of a service account."
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let userText = parts.last ?? ""
    guard (1...2).contains(parts.count), !parts[0].isEmpty, let userID = Int(userText), userID > 0,
      userText.allSatisfy(\.isASCII)
    else {
      return .failure(
        ImportIDError(
          "Unexpected import id \(Value.quoted(id)): expected <user-id> for an instance service account "
            + "or <group>:<user-id> for a group's, for example \"42\" or \"platform:42\"."))
    }
    var values: [String: Value] = ["user_id": .number(userID), "id": .string(id)]
    if parts.count == 2 { values["group"] = .string(parts[0]) }
    return .success(Value.object(schema, values))
  }

  /// Who may manage the account: an administrator; for a group's, also its Owners where the
  /// instance lets them (a setting that is off by default on self-managed GitLab).
  private func accountNeed(_ object: Value) -> String {
    guard let group = object.string("group") else {
      return RequiredAccess.administrator("manage instance service accounts")
    }
    return "Only an administrator, or an Owner of the group (\(group)) where the instance lets Owners manage "
      + "service accounts, can manage the group's service accounts: use such a user's token (token in the provider "
      + "\"gitlab\" block, or GITLAB_TOKEN)."
  }

  /// `base` with GitLab's answer. `created_at` keeps what the state recorded first (the request
  /// time), else GitLab's time when known.
  private func object(_ account: GitLabServiceAccount, group: String?, base: Value, createdAt: Date? = nil) -> Value {
    let recorded = base[attribute: "created_at"].isKnown ? base.string("created_at") : nil
    return base
      .setting("created_at", .optionalString(recorded ?? createdAt.map(TokenAttributes.timestamp)))
      .setting("id", .string(group.map { "\($0):\(account.id)" } ?? String(account.id)))
      .setting("user_id", .number(account.id))
      .setting("group", .optionalString(group))
      .setting("name", .string(account.name))
      .setting("username", .string(account.username))
      .setting("email", account.email.map { .string($0) } ?? base[attribute: "email"])
      .setting("hard_delete", base[attribute: "hard_delete"].isNull ? .false : base[attribute: "hard_delete"])
  }
}
