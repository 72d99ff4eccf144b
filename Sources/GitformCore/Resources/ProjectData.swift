import Foundation

/// `data "project"`: a project found by `id` or by full `path` (`group/app`), typically to
/// name the owner of a `project_token` or `project_variable` once.
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
      "path_with_namespace", .string, .computed, description: "The full path, as GitLab spells it."),
    AttributeSchema("web_url", .string, .computed, description: "The project's page."),
  ])

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    var diagnostics = DataSourceChecks.exactlyOne(["id", "path"], in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("id", in: config, ranges: ranges)
      + DataSourceChecks.notEmpty("path", in: config, ranges: ranges)
    if let path = config.string("path"), !path.isEmpty, !path.contains("/") {
      diagnostics.append(
        .error(
          "Invalid path",
          detail: "\(config[attribute: "path"]) is not a full path: GitLab finds a project by "
            + "\"namespace/project\".", subject: ranges.range(of: "path")))
    }
    return diagnostics
  }

  public func read(_ config: Value, context: ResourceContext) throws -> Value {
    let configuredID = config.string("id")
    let reference = configuredID.map(GitLabReference.init) ?? .path(config.string("path") ?? "")
    let project = try context.client.project(reference)
    return Value.object(
      schema,
      [
        "id": .string(configuredID ?? String(project.id)),
        "path": .string(config.string("path") ?? project.pathWithNamespace),
        "project_id": .number(project.id), "name": .string(project.name),
        "path_with_namespace": .string(project.pathWithNamespace),
        "web_url": .optionalString(project.webURL),
      ])
  }
}
