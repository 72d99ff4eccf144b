/// A service account as `POST /service_accounts` and `GET /groups/:id/service_accounts`
/// return it (users reference §3.2, §8): a user made for a machine.
public struct GitLabServiceAccount: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var username: String
  public var name: String
  public var email: String?

  public init(id: Int, username: String, name: String, email: String?) {
    self.id = id
    self.username = username
    self.name = name
    self.email = email
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    username = try reader.string("username")
    name = try reader.optionalString("name") ?? username
    email = try reader.optionalString("email")
  }
}
