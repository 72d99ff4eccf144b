import Foundation

/// A user as an administrator sees it (`UserWithAdmin`, `UserDetailsWithAdmin`): what the
/// `user` and `service_account` resources manage and the `users` data source lists.
///
/// Separate from `GitLabUser`, which holds only what every caller sees, because these fields
/// are absent for non-administrators (users reference §3.1); a missing field reads as GitLab's
/// default rather than failing the whole answer.
public struct GitLabUserAccount: Sendable, Equatable, Decodable {
  public var id: Int
  public var username: String
  public var name: String
  /// `active`, `blocked`, `deactivated`, `banned`, `ldap_blocked`, …
  public var state: String
  /// The primary e-mail; nil for non-administrators.
  public var email: String?
  /// The address shown on the profile, visible to everyone; nil or empty when none.
  public var publicEmail: String?
  public var isAdmin: Bool
  public var canCreateGroup: Bool
  public var projectsLimit: Int
  public var external: Bool
  public var note: String?
  public var namespaceID: Int?
  public var isBot: Bool
  public var createdAt: Date?
  public var confirmedAt: Date?
  public var webURL: String?

  private enum CodingKeys: String, CodingKey {
    case id, username, name, state, email, external, note
    case publicEmail = "public_email"
    case isAdmin = "is_admin"
    case canCreateGroup = "can_create_group"
    case projectsLimit = "projects_limit"
    case namespaceID = "namespace_id"
    case isBot = "bot"
    case createdAt = "created_at"
    case confirmedAt = "confirmed_at"
    case webURL = "web_url"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    username = try container.decode(String.self, forKey: .username)
    name = try container.decodeIfPresent(String.self, forKey: .name) ?? username
    state = try container.decodeIfPresent(String.self, forKey: .state) ?? "active"
    email = try container.decodeIfPresent(String.self, forKey: .email)
    publicEmail = try container.decodeIfPresent(String.self, forKey: .publicEmail)
    isAdmin = try container.decodeIfPresent(Bool.self, forKey: .isAdmin) ?? false
    canCreateGroup = try container.decodeIfPresent(Bool.self, forKey: .canCreateGroup) ?? false
    projectsLimit = try container.decodeIfPresent(Int.self, forKey: .projectsLimit) ?? 0
    external = try container.decodeIfPresent(Bool.self, forKey: .external) ?? false
    note = try container.decodeIfPresent(String.self, forKey: .note)
    namespaceID = try container.decodeIfPresent(Int.self, forKey: .namespaceID)
    isBot = try container.decodeIfPresent(Bool.self, forKey: .isBot) ?? false
    createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
    confirmedAt = try container.decodeIfPresent(Date.self, forKey: .confirmedAt)
    webURL = try container.decodeIfPresent(String.self, forKey: .webURL)
  }
}
