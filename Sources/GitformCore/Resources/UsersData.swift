import Foundation

/// `data "users"`: the users `GET /users` lists with the provider's filters, every page, in
/// id order — to give each bot of a team its token with `for_each`, say.
///
/// Administrators see every user with e-mail and admin fields; others see active users only,
/// without them (GitLab drops the admin-only filters for them silently).
public struct UsersData: DataSourceType {
  public init() {}

  public let name = "users"
  public let summary = "GitLab users matching filters."

  static let userType = ValueType.object([
    "id": .number, "username": .string, "name": .string, "email": .string, "state": .string,
    "is_admin": .bool, "external": .bool, "bot": .bool, "namespace_id": .number, "note": .string,
    "projects_limit": .number, "can_create_group": .bool, "created_at": .string, "web_url": .string,
  ])

  public let schema = ResourceSchema(attributes: [
    AttributeSchema("search", .string, .optional, description: "Part of a name or username, or an exact e-mail."),
    AttributeSchema("username", .string, .optional, description: "Exactly this username (case-insensitive)."),
    AttributeSchema("active", .bool, .optional, default: .false, description: "Only active users."),
    AttributeSchema("blocked", .bool, .optional, default: .false, description: "Only blocked users."),
    AttributeSchema("external", .bool, .optional, default: .false, description: "Only external users."),
    AttributeSchema(
      "without_project_bots", .bool, .optional, default: .false, description: "Leave out project and group bots."),
    AttributeSchema("created_before", .string, .optional, description: "YYYY-MM-DD or an RFC 3339 time."),
    AttributeSchema("created_after", .string, .optional, description: "YYYY-MM-DD or an RFC 3339 time."),
    AttributeSchema("users", .list(userType), .computed, description: "The users, by ascending id."),
    AttributeSchema("id", .string, .computed, description: "The query, as GitLab got it."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    ["created_before", "created_after"].compactMap { name in
      guard let text = config.string(name), KeyExpiry.instant(text) == nil else { return nil }
      return .error(
        "Invalid \(name)", detail: "\(Value.quoted(text)) is neither a date (YYYY-MM-DD) nor an RFC 3339 time.",
        subject: ranges.range(of: name))
    }
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    var filter = UserFilter()
    filter.search = config.string("search")
    filter.username = config.string("username")
    filter.active = config.bool("active") ?? false
    filter.blocked = config.bool("blocked") ?? false
    filter.external = config.bool("external") ?? false
    filter.withoutProjectBots = config.bool("without_project_bots") ?? false
    filter.createdBefore = config.string("created_before")
    filter.createdAfter = config.string("created_after")
    let users = try context.client.users(filter).sorted { $0.id < $1.id }.map(UsersData.object)
    let query = filter.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    return config
      .setting("users", .list(users, elementType: UsersData.userType))
      .setting("id", .string(query))
  }

  static func object(_ user: GitLabUserAccount) -> Value {
    .object([
      "id": .number(user.id), "username": .string(user.username), "name": .string(user.name),
      "email": .optionalString(user.email), "state": .string(user.state), "is_admin": .bool(user.isAdmin),
      "external": .bool(user.external), "bot": .bool(user.isBot),
      "namespace_id": user.namespaceID.map { .number($0) } ?? .null(.number), "note": .optionalString(user.note),
      "projects_limit": .number(user.projectsLimit), "can_create_group": .bool(user.canCreateGroup),
      "created_at": .optionalString(user.createdAt.map(KeyExpiry.format)), "web_url": .optionalString(user.webURL),
    ])
  }
}
