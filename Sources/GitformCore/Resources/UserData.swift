import Foundation

/// `data "user"`: a GitLab user found by `id` or by `username`, typically to give a
/// `user_token` or `impersonation_token` its `user_id` without hard-coding a number.
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
      "user_id", .number, .computed, description: "The user's id, as the provider names it."),
    AttributeSchema("name", .string, .computed, description: "The display name."),
    AttributeSchema("state", .string, .computed, description: "active, blocked, deactivated, ..."),
    AttributeSchema(
      "is_admin", .bool, .computed, description: "An administrator (visible to administrators)."),
    AttributeSchema("bot", .bool, .computed, description: "A bot user, such as a token's."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    DataSourceChecks.exactlyOne(["id", "username"], in: config, ranges: ranges)
      + UserData.checkID(config, ranges: ranges)
      + DataSourceChecks.notEmpty("username", in: config, ranges: ranges)
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let user: GitLabUser
    if let text = config.string("id"), let id = Int(text) {
      user = try context.client.user(id: id)
    } else {
      user = try context.client.user(username: config.string("username") ?? "")
    }
    return UserData.object(of: user, schema: schema, username: config.string("username"))
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
