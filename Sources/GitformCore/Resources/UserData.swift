import Foundation

/// `data "user"`: a GitLab user found by `id` or `username` — or by the provider's `user_id`
/// or `email` — typically to give a `user_token` or `impersonation_token` its `user_id`
/// without hard-coding a number.
///
/// GitLab matches usernames case-insensitively; the configured spelling is kept. `is_admin`
/// is true only when an administrator asks (GitLab hides it from others, gitlab-api.md §5.3).
public struct UserData: DataSourceType {
  public init() {}

  public let name = "user"
  public let summary = "A GitLab user, by id or username."

  public let schema = ResourceSchema(attributes: [
    AttributeSchema(
      "id", .string, .optionalComputed,
      description: "The user's id (a string, as every id attribute; a number is accepted)."),
    AttributeSchema("username", .string, .optionalComputed, description: "The user's username."),
    AttributeSchema(
      "user_id", .number, .optionalComputed, description: "The user's id, as the provider names it."),
    AttributeSchema(
      "email", .string, .optionalComputed,
      description: "The primary e-mail (administrators) or public e-mail to find the user by; null when hidden."),
    AttributeSchema("name", .string, .computed, description: "The display name."),
    AttributeSchema("state", .string, .computed, description: "active, blocked, deactivated, ..."),
    AttributeSchema(
      "is_admin", .bool, .computed, description: "An administrator (visible to administrators)."),
    AttributeSchema("bot", .bool, .computed, description: "A bot user, such as a token's."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    DataSourceChecks.exactlyOne(["id", "username", "user_id", "email"], in: config, ranges: ranges)
      + UserData.checkID(config, ranges: ranges)
      + DataSourceChecks.notEmpty("username", in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("email", in: config, ranges: ranges)
      + DataSourceChecks.positiveID("user_id", in: config, ranges: ranges)
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let account: GitLabUserAccount
    if let id = config.string("id").flatMap({ Int($0) }) ?? config.int("user_id") {
      account = try context.client.userAccount(id: id)
    } else if let address = config.string("email") {
      account = try context.client.user(email: address)
    } else {
      account = try context.client.userAccount(username: config.string("username") ?? "")
    }
    let user = GitLabUser(
      id: account.id, username: account.username, name: account.name, state: account.state,
      isAdmin: account.isAdmin, isBot: account.isBot)
    // The configured spelling is kept; else the address GitLab shows this caller, if any.
    let shown = account.email ?? account.publicEmail.flatMap { $0.isEmpty ? nil : $0 }
    return UserData.object(of: user, schema: schema, username: config.string("username"))
      .setting("email", .optionalString(config.string("email") ?? shown))
  }

  /// A configured id must be a whole number from 1 (GitLab's ids), written as digits.
  static func checkID(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    let value = config[attribute: "id"]
    guard let text = value.stringValue, !value.isSensitive else { return [] }
    if let id = Int(text), id > 0, text.allSatisfy(\.isASCII) { return [] }
    return [
      .error(
        "Invalid id",
        detail: "id must be a GitLab user id, a whole number from 1, not \(Value.quoted(text)).",
        subject: ranges.range(of: "id"))
    ]
  }

  /// The attributes of `user`; `username` keeps the configured spelling when there is one.
  static func object(of user: GitLabUser, schema: ResourceSchema, username: String? = nil)
    -> Value
  {
    Value.object(
      schema,
      [
        "id": .string(String(user.id)), "user_id": .number(user.id),
        "username": .string(username ?? user.username), "name": .string(user.name),
        "state": .optionalString(user.state), "is_admin": .bool(user.isAdmin),
        "bot": .bool(user.isBot),
      ])
  }
}
