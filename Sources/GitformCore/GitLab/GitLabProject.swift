/// A GitLab project as `GET /projects/:id` returns it (the fields gitform uses).
public struct GitLabProject: Sendable, Equatable, Decodable {
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

  private enum CodingKeys: String, CodingKey {
    case id, name, path
    case pathWithNamespace = "path_with_namespace"
    case webURL = "web_url"
  }
}
