import Foundation

/// `data "project"`: a project found by `id` or by full `path` (`group/app`) — or by
/// `path_with_namespace`, the Terraform provider's name, so copied configurations work —
/// typically to name the owner of a `project_token` or `project_variable` once.
///
/// Configured values are kept as written; the rest comes from `GET /projects/:id`.
public struct ProjectData: DataSourceType {
  public init() {}

  public let name = "project"
  public let summary = "A GitLab project, by id or full path."

  public let schema = ResourceSchema(attributes: [
    AttributeSchema(
      "id", .string, .optionalComputed,
      description: "The project's id (a path is accepted too, as GitLab does)."),
    AttributeSchema(
      "path", .string, .optionalComputed, description: "The full path, such as group/app."),
    AttributeSchema("project_id", .number, .computed, description: "The project's numeric id."),
    AttributeSchema("name", .string, .computed, description: "The display name."),
    AttributeSchema(
      "path_with_namespace", .string, .optionalComputed,
      description: "The full path, as GitLab spells it (the provider's argument; same as path)."),
    AttributeSchema("web_url", .string, .computed, description: "The project's page."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    var diagnostics = DataSourceChecks.exactlyOne(["id", "path", "path_with_namespace"], in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("id", in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("path", in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("path_with_namespace", in: config, ranges: ranges)
    for name in ["path", "path_with_namespace"] {
      if let path = config.string(name), !path.isEmpty, !path.contains("/") {
        diagnostics.append(
          .error(
            "Invalid \(name)",
            detail: "\(config[attribute: name]) is not a full path: GitLab finds a project by "
              + "\"namespace/project\".", subject: ranges.range(of: name)))
      }
    }
    return diagnostics
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let configuredID = config.string("id")
    let configuredPath = config.string("path") ?? config.string("path_with_namespace")
    let reference = configuredID.map(GitLabReference.init) ?? .path(configuredPath ?? "")
    let project = try context.client.project(reference)
    return Value.object(
      schema,
      [
        "id": .string(configuredID ?? String(project.id)),
        "path": .string(configuredPath ?? project.pathWithNamespace),
        "project_id": .number(project.id), "name": .string(project.name),
        "path_with_namespace": .string(config.string("path_with_namespace") ?? project.pathWithNamespace),
        "web_url": .optionalString(project.webURL),
      ])
  }
}
