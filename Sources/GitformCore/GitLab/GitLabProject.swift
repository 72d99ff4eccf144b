/// A GitLab project as `GET /projects/:id` returns it (the fields gitform uses).
public struct GitLabProject: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var name: String
  public var path: String
  /// `group/subgroup/project`: the spelling users write in configurations.
  public var pathWithNamespace: String
  public var webURL: String?

  public init(id: Int, name: String, path: String, pathWithNamespace: String, webURL: String? = nil)
  {
    self.id = id
    self.name = name
    self.path = path
    self.pathWithNamespace = pathWithNamespace
    self.webURL = webURL
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    name = try reader.string("name")
    path = try reader.string("path")
    pathWithNamespace = try reader.string("path_with_namespace")
    webURL = try reader.optionalString("web_url")
  }
}
