import Foundation

/// `user_ssh_key`: an SSH key of a user (`user_id`), or of the token's own user when
/// `user_id` is left out.
///
/// Import id `<user-id>:<key-id>`. GitLab cannot edit a key, so every configured change
/// replaces it — old key first, because GitLab refuses a second copy of the same key text
/// (its fingerprint is unique across the instance). The key is checked at plan time as GitLab
/// checks it, and its SHA256 fingerprint is recorded. GitLab echoes a key with its own comment,
/// so a key differing only in its comment is the same key. Refresh lists each user's keys once.
public struct UserSSHKey: ResourceType {
  public init() {}

  public let name = "user_ssh_key"
  public let summary = "An SSH key of a user; every change replaces it."

  static let usageTypes = ["auth", "signing", "auth_and_signing"]

  public let schema = ResourceSchema(attributes: [
    AttributeSchema(
      "user_id", .number, .optionalComputed, forcesReplacement: true,
      description: "The user's id; left out, the key is added to the token's own user."),
    AttributeSchema("title", .string, .required, forcesReplacement: true),
    AttributeSchema(
      "key", .string, .required, forcesReplacement: true,
      description: "The public key line; its comment is not compared (GitLab replaces it)."),
    AttributeSchema(
      "expires_at", .string, .optional, forcesReplacement: true,
      description: "YYYY-MM-DD or an RFC 3339 time; the key stops working then."),
    AttributeSchema(
      "usage_type", .string, .optional, forcesReplacement: true, default: .string("auth_and_signing"),
      description: "auth, signing or auth_and_signing."),
    AttributeSchema("key_id", .number, .computed, description: "GitLab's id of the key."),
    AttributeSchema("created_at", .string, .computed),
    AttributeSchema(
      "fingerprint_sha256", .string, .computed, description: "SHA256:…, as ssh-keygen -l and GitLab show it."),
    AttributeSchema("id", .string, .computed, description: "<user-id>:<key-id>"),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let key = config.string("key"), case .failure(let problem) = SSHPublicKeyText.parse(key) {
      diagnostics.append(
        .error("Invalid SSH key", detail: "GitLab would refuse this key: \(problem.message)", subject: ranges.range(of: "key")))
    }
    if let title = config.string("title"), title.trimmingCharacters(in: .whitespaces).isEmpty || title.count > 255 {
      diagnostics.append(
        .error("Invalid title", detail: "title must not be empty and at most 255 characters long.", subject: ranges.range(of: "title")))
    }
    if let expiry = config.string("expires_at"), KeyExpiry.instant(expiry) == nil {
      diagnostics.append(
        .error(
          "Invalid expires_at",
          detail: "\(Value.quoted(expiry)) is neither a date (YYYY-MM-DD) nor an RFC 3339 time such as \"2027-01-31T00:00:00Z\".",
          subject: ranges.range(of: "expires_at")))
    }
    if let usage = config.string("usage_type"), !UserSSHKey.usageTypes.contains(usage) {
      diagnostics.append(
        .error(
          "Invalid usage_type", detail: "usage_type must be \"auth\", \"signing\" or \"auth_and_signing\", not \(Value.quoted(usage)).",
          subject: ranges.range(of: "usage_type")))
    }
    return diagnostics
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .user, attribute: "user_id")
  }

  /// GitLab holds one copy of a key text in the whole instance.
  public func claim(of planned: Value) -> ObjectClaim? {
    guard let key = planned.string("key"), case .success(let parsed) = SSHPublicKeyText.parse(key) else { return nil }
    return ObjectClaim(owner: nil, name: "ssh-key:" + parsed.fingerprintSHA256, description: "the SSH key \(parsed.fingerprintSHA256)")
  }

  /// A different comment, or another spelling of the same expiry instant, changes nothing.
  public func equivalent(_ attribute: String, configured: Value, prior: Value, context: ResourceContext) -> Bool {
    guard let a = configured.stringValue, let b = prior.string(attribute) else { return false }
    switch attribute {
    case "key": return SSHPublicKeyText.sameKey(a, b)
    case "expires_at": return KeyExpiry.sameInstant(a, b)
    default: return false
    }
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    // Whose key it is, asked before the add: a failure after it would lose a key GitLab made.
    let caller = try context.currentUser()
    let owner = planned.int("user_id") ?? caller.id
    let key: GitLabSSHKey
    do {
      // Only administrators may use another user's route; anyone adds to their own.
      key = try RequiredAccess.explaining(RequiredAccess.administrator("add an SSH key to another user (user \(owner))")) {
        try context.client.addSSHKey(
          userID: caller.isAdmin || owner != caller.id ? owner : nil,
          NewSSHKey(
            title: planned.string("title") ?? "", key: planned.string("key") ?? "",
            expiresAt: planned.string("expires_at"), usageType: planned.string("usage_type")))
      }
    } catch var error as GitLabError
      where error.fieldErrors["fingerprint_sha256"]?.contains("has already been taken") == true
    {
      error.message += " GitLab keeps one copy of a key in the whole instance, whichever user has it. When this "
        + "create replaces the same key (lifecycle create_before_destroy), remove create_before_destroy: the old "
        + "key must go first."
      throw error
    }
    return object(key, userID: owner, base: planned)
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    guard let userID = prior.int("user_id"), let keyID = prior.int("key_id") else { return nil }
    do {
      return object(try context.client.sshKey(userID: userID, id: keyID), userID: userID, base: prior)
    } catch let error as GitLabError where error.code == .notFound {
      return nil  // GitLab shows every user's keys to anyone: a 404 is a gone key or user.
    }
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.int("user_id").map { "user:\($0)" }
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    guard let userID = priors.first?.int("user_id") else { return priors.map { _ in nil } }
    let keys: [GitLabSSHKey]
    do {
      keys = try context.client.sshKeys(userID: userID)
    } catch let error as GitLabError where error.code == .notFound {
      return priors.map { _ in nil }  // The user is gone, and its keys with it.
    }
    return priors.map { prior in
      keys.first { $0.id == prior.int("key_id") }.map { object($0, userID: userID, base: prior) }
    }
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    planned  // Every configured attribute forces replacement; nothing changes in place.
  }

  /// An administrator deletes through the user's route, anyone else through their own.
  public func delete(_ prior: Value, context: ResourceContext) throws {
    guard let userID = prior.int("user_id"), let keyID = prior.int("key_id") else { return }
    let caller = try context.currentUser()
    do {
      try RequiredAccess.explaining(RequiredAccess.administrator("delete an SSH key of another user (user \(userID))")) {
        try context.client.deleteSSHKey(userID: caller.isAdmin || caller.id != userID ? userID : nil, id: keyID)
      }
    } catch let error as GitLabError where error.code == .notFound {
      if caller.isAdmin || caller.id == userID { return }
      throw error
    }
  }

  /// A key whose add answer was lost is the user's key with the same text (GitLab keeps one).
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    guard let text = pending.string("key") else { return nil }
    let userID = try pending.int("user_id") ?? context.currentUser().id
    let keys: [GitLabSSHKey]
    do {
      keys = try context.client.sshKeys(userID: userID)
    } catch let error as GitLabError where error.code == .notFound {
      return nil
    }
    // A key the user already had before the request is not this create's (GitLab keeps one).
    guard let key = keys.first(where: { SSHPublicKeyText.sameKey($0.key, text) }),
      !claimed.contains("\(userID):\(key.id)"), RequestTime.mayBeMade(at: key.createdAt, for: pending)
    else { return nil }
    return object(key, userID: userID, base: pending)
  }

  /// The request time, recorded before the add is sent, for `findCreated`.
  public func intentToCreate(_ planned: Value, at now: Date) -> Value {
    RequestTime.recorded(planned, at: now)
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    TwoPartID.parse(id, type: name, second: "key-id").map { userID, keyID in
      Value.object(schema, ["user_id": .number(userID), "key_id": .number(keyID), "id": .string(id)])
    }
  }

  /// `base` with GitLab's answer. The configured key line and expiry spelling are kept when
  /// they say the same as GitLab's echo; an imported key takes GitLab's.
  private func object(_ key: GitLabSSHKey, userID: Int, base: Value) -> Value {
    let configuredKey = base.string("key")
    let text = configuredKey.flatMap { SSHPublicKeyText.sameKey($0, key.key) ? $0 : nil } ?? key.key
    let served = key.expiresAt.map(KeyExpiry.format)
    var expiry = served.map { Value.string($0) } ?? .null(.string)
    if let served, let configured = base.string("expires_at"), KeyExpiry.sameInstant(configured, served) {
      expiry = .string(configured)
    }
    let fingerprint = (try? SSHPublicKeyText.parse(text).get())?.fingerprintSHA256
    return base
      .setting("id", .string("\(userID):\(key.id)"))
      .setting("user_id", .number(userID))
      .setting("key_id", .number(key.id))
      .setting("title", .string(key.title))
      .setting("key", .string(text))
      .setting("expires_at", expiry)
      .setting("usage_type", .string(key.usageType))
      .setting("created_at", key.createdAt.map { .string(KeyExpiry.format($0)) } ?? .null(.string))
      .setting("fingerprint_sha256", .optionalString(fingerprint))
  }
}
