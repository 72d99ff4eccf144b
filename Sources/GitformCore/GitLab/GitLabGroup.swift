/// A GitLab group as `GET /groups/:id` returns it (the fields gitform uses).
public struct GitLabGroup: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var name: String
  public var path: String
  /// `group/subgroup`: the spelling users write in configurations.
  public var fullPath: String
  public var webURL: String?

  public init(id: Int, name: String, path: String, fullPath: String, webURL: String? = nil) {
    self.id = id
    self.name = name
    self.path = path
    self.fullPath = fullPath
    self.webURL = webURL
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    name = try reader.string("name")
    path = try reader.string("path")
    fullPath = try reader.string("full_path")
    webURL = try reader.optionalString("web_url")
  }
}
