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
    AttributeSchema("id", .number, .optionalComputed, description: "The user's id."),
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
      + TokenChecks.checkPositive("id", in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("username", in: config, ranges: ranges)
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let user: GitLabUser
    if let id = config.int("id") {
      user = try context.client.user(id: id)
    } else {
      user = try context.client.user(username: config.string("username") ?? "")
    }
    return UserData.object(of: user, schema: schema, username: config.string("username"))
  }

  /// The attributes of `user`; `username` keeps the configured spelling when there is one.
  static func object(of user: GitLabUser, schema: ResourceSchema, username: String? = nil)
    -> Value
  {
    Value.object(
      schema,
      [
        "id": .number(user.id), "user_id": .number(user.id),
        "username": .string(username ?? user.username), "name": .string(user.name),
        "state": .optionalString(user.state), "is_admin": .bool(user.isAdmin),
        "bot": .bool(user.isBot),
      ])
  }
}
