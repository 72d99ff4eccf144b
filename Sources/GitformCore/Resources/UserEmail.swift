import Foundation

/// `user_email`: an extra e-mail address of a user (administrators only).
///
/// Import id `<user-id>:<email-id>`. GitLab cannot edit an address, so a changed one replaces
/// it, old first (an address exists once in the instance). GitLab stores addresses lowercased;
/// a configured spelling differing only in case is the same address. GitLab has no route for
/// one address of another user, so refresh and read list the user's addresses (one request per
/// user and page).
public struct UserEmail: ResourceType {
  public init() {}

  public let name = "user_email"
  public let summary = "An e-mail address of a user (needs an administrator's token)."
  public var requiresAdministrator: Bool { true }
  /// What GitLab asks of the token's user for these routes, said when it refuses one.
  static let need = RequiredAccess.administrator("manage the e-mail addresses of users")
  public var configOnlyAttributes: Set<String> { ["skip_confirmation"] }

  public let schema = ResourceSchema(attributes: [
    AttributeSchema("user_id", .number, .required, forcesReplacement: true, description: "The user's id."),
    AttributeSchema("email", .string, .required, forcesReplacement: true, description: "The address."),
    AttributeSchema(
      "skip_confirmation", .bool, .optional, default: .false,
      description: "When added, count the address as confirmed without a confirmation mail."),
    AttributeSchema("email_id", .number, .computed, description: "GitLab's id of the address."),
    AttributeSchema("confirmed_at", .string, .computed, description: "When it was confirmed, or null."),
    AttributeSchema("id", .string, .computed, description: "<user-id>:<email-id>"),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    guard let email = config.string("email"), !UserChecks.isPlausibleEmail(email) else { return [] }
    return [.error("Invalid email", detail: "\(Value.quoted(email)) is not an e-mail address.", subject: ranges.range(of: "email"))]
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, .user, attribute: "user_id")
  }

  /// An address belongs to one user of the whole instance.
  public func claim(of planned: Value) -> ObjectClaim? {
    let email = planned[attribute: "email"]
    guard email.isKnown, !email.containsSensitive, let text = email.stringValue else { return nil }
    return ObjectClaim(owner: nil, name: "email:" + text.lowercased(), description: "the e-mail address \(Value.quoted(text))")
  }

  public func equivalent(_ attribute: String, configured: Value, prior: Value, context: ResourceContext) -> Bool {
    guard attribute == "email", let a = configured.stringValue, let b = prior.string("email") else { return false }
    return a.lowercased() == b.lowercased()
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    return try RequiredAccess.explaining(UserEmail.need) {
      let userID = planned.int("user_id") ?? 0
      let email = try context.client.addEmail(
        userID: userID, email: planned.string("email") ?? "", skipConfirmation: planned.bool("skip_confirmation") ?? false)
      return object(email, userID: userID, base: planned)
    }
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    try readAll([prior], context: context)[0]
  }

  public func refreshKey(of prior: Value) -> String? {
    prior.int("user_id").map { "user:\($0)" }
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    return try RequiredAccess.explaining(UserEmail.need) {
      guard let userID = priors.first?.int("user_id") else { return priors.map { _ in nil } }
      let emails: [GitLabEmail]
      do {
        emails = try context.client.emails(userID: userID)
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .user(userID), context: context)
        return priors.map { _ in nil }
      }
      return priors.map { prior in
        emails.first { $0.id == prior.int("email_id") }.map { object($0, userID: userID, base: prior) }
      }
    }
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    planned  // Both configured attributes force replacement; skip_confirmation is config-only.
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    try RequiredAccess.explaining(UserEmail.need) {
      guard let userID = prior.int("user_id"), let emailID = prior.int("email_id") else { return }
      do {
        try context.client.deleteEmail(userID: userID, id: emailID)
      } catch let error as GitLabError where error.code == .notFound {
        try ParentAccess.confirmGone(in: .user(userID), context: context)
      }
    }
  }

  /// An address whose add answer was lost is found in the user's list.
  public func findCreated(_ pending: Value, claimed: Set<String>, context: ResourceContext) throws -> Value? {
    return try RequiredAccess.explaining(UserEmail.need) {
      guard let userID = pending.int("user_id"), let wanted = pending.string("email")?.lowercased() else { return nil }
      let emails: [GitLabEmail]
      do {
        emails = try context.client.emails(userID: userID)
      } catch let error as GitLabError where error.code == .notFound {
        return nil
      }
      guard let email = emails.first(where: { $0.email.lowercased() == wanted }), !claimed.contains("\(userID):\(email.id)")
      else { return nil }
      return object(email, userID: userID, base: pending)
    }
  }

  /// The primary address is listed with the others but is the user's `email`: deleting it as a
  /// `user_email` would fail, so it is not adopted as one.
  public func importMismatch(_ partial: Value, read object: Value?, context: ResourceContext) throws -> String? {
    guard let object, let userID = object.int("user_id"), let email = object.string("email") else { return nil }
    let primary = try context.client.userAccount(id: userID).email
    guard primary?.lowercased() == email.lowercased() else { return nil }
    return "\(Value.quoted(email)) is the primary e-mail address of user \(userID); it is managed by the user's "
      + "email attribute, not as a user_email. Import one of the user's other addresses."
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    TwoPartID.parse(id, type: name, second: "email-id").map { userID, emailID in
      Value.object(schema, ["user_id": .number(userID), "email_id": .number(emailID), "id": .string(id)])
    }
  }

  private func object(_ email: GitLabEmail, userID: Int, base: Value) -> Value {
    let configured = base.string("email")
    let text = configured.flatMap { $0.lowercased() == email.email.lowercased() ? $0 : nil } ?? email.email
    return base
      .setting("id", .string("\(userID):\(email.id)"))
      .setting("user_id", .number(userID))
      .setting("email_id", .number(email.id))
      .setting("email", .string(text))
      .setting("confirmed_at", email.confirmedAt.map { .string(KeyExpiry.format($0)) } ?? .null(.string))
      .setting("skip_confirmation", base[attribute: "skip_confirmation"].isNull ? .false : base[attribute: "skip_confirmation"])
  }
}

extension UserEmail {
  /// GitLab holds an address once across all users.
  public func createBeforeDestroyProblem(prior: Value, planned: Value) -> String? {
    guard let old = prior.string("email"), let new = planned.string("email"), old.lowercased() == new.lowercased()
    else { return nil }
    return "the new address is the same, and GitLab holds an e-mail address once across all users:"
  }
}
