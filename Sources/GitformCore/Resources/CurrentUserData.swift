import Foundation

/// `data "current_user"`: the user gitform's token belongs to — whose tokens a configuration
/// may manage for itself, and whether it is an administrator.
public struct CurrentUserData: DataSourceType {
  public init() {}

  public let name = "current_user"
  public let summary = "The user of the token gitform runs with."

  public let schema = ResourceSchema(attributes: [
    AttributeSchema("id", .string, .computed, description: "The user's id, as a string."),
    AttributeSchema(
      "user_id", .number, .computed, description: "The user's id, as the provider names it."),
    AttributeSchema("username", .string, .computed, description: "The user's username."),
    AttributeSchema("name", .string, .computed, description: "The display name."),
    AttributeSchema("state", .string, .computed, description: "active, blocked, deactivated, ..."),
    AttributeSchema("is_admin", .bool, .computed, description: "An administrator."),
    AttributeSchema("bot", .bool, .computed, description: "A bot user, such as a token's."),
  ])

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    UserData.object(of: try context.client.currentUser(), schema: schema)
  }
}
