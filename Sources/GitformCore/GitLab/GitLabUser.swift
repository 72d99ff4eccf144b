/// A GitLab user as `GET /user`, `GET /users/:id` and `GET /users?username=` return it.
///
/// Only the fields gitform uses. `is_admin` is present only when an administrator asks (or asks
/// about itself); a missing key means "not an administrator" (gitlab-api.md §5.3).
public struct GitLabUser: Sendable, Equatable, Decodable {
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

  private enum CodingKeys: String, CodingKey {
    case id, username, name, state
    case isAdmin = "is_admin"
    case isBot = "bot"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    username = try container.decode(String.self, forKey: .username)
    name = try container.decodeIfPresent(String.self, forKey: .name) ?? username
    state = try container.decodeIfPresent(String.self, forKey: .state)
    isAdmin = try container.decodeIfPresent(Bool.self, forKey: .isAdmin) ?? false
    isBot = try container.decodeIfPresent(Bool.self, forKey: .isBot) ?? false
  }
}
