/// A GitLab user as `GET /user`, `GET /users/:id` and `GET /users?username=` return it.
///
/// Only the fields gitform uses. `is_admin` is present only when an administrator asks (or asks
/// about itself); a missing key means "not an administrator" (gitlab-api.md §5.3).
public struct GitLabUser: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var username: String
  public var name: String
  /// `active`, `blocked`, `deactivated`, …
  public var state: String?
  public var isAdmin: Bool
  /// True for the bot users behind project and group access tokens.
  public var isBot: Bool

  public init(
    id: Int, username: String, name: String, state: String? = "active", isAdmin: Bool = false,
    isBot: Bool = false
  ) {
    self.id = id
    self.username = username
    self.name = name
    self.state = state
    self.isAdmin = isAdmin
    self.isBot = isBot
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    username = try reader.string("username")
    name = try reader.optionalString("name") ?? username
    state = try reader.optionalString("state")
    isAdmin = try reader.optionalBool("is_admin") ?? false
    isBot = try reader.optionalBool("bot") ?? false
  }
}
