import Foundation

/// `data "group"`: a group found by `id`, `full_path` or `group_id` (the provider's names),
/// typically to name the owner of a `group_token` once.
///
/// Configured values are kept as written; the rest comes from `GET /groups/:id`.
public struct GroupData: DataSourceType {
  public init() {}

  public let name = "group"
  public let summary = "A GitLab group, by id or full path."

  public let schema = ResourceSchema(attributes: [
    AttributeSchema(
      "id", .string, .optionalComputed,
      description: "The group's id (a path is accepted too, as GitLab does)."),
    AttributeSchema(
      "full_path", .string, .optionalComputed, description: "The full path, such as team/sub."),
    AttributeSchema(
      "group_id", .number, .optionalComputed, description: "The group's numeric id (the provider's argument)."),
    AttributeSchema("name", .string, .computed, description: "The display name."),
    AttributeSchema("path", .string, .computed, description: "The last part of the full path."),
    AttributeSchema("web_url", .string, .computed, description: "The group's page."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    DataSourceChecks.exactlyOne(["id", "full_path", "group_id"], in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("id", in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("full_path", in: config, ranges: ranges)
      + DataSourceChecks.positiveID("group_id", in: config, ranges: ranges)
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let configuredID = config.string("id")
    let reference =
      configuredID.map(GitLabReference.init) ?? config.int("group_id").map(GitLabReference.id)
      ?? .path(config.string("full_path") ?? "")
    let group = try context.client.group(reference)
    return Value.object(
      schema,
      [
        "id": .string(configuredID ?? String(group.id)),
        "full_path": .string(config.string("full_path") ?? group.fullPath),
        "group_id": .number(group.id), "name": .string(group.name), "path": .string(group.path),
        "web_url": .optionalString(group.webURL),
      ])
  }
}
