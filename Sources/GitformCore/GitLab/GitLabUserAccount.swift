import Foundation

/// A user as an administrator sees it (`UserWithAdmin`, `UserDetailsWithAdmin`): what the
/// `user` and `service_account` resources manage and the `users` data source lists.
///
/// Separate from `GitLabUser`, which holds only what every caller sees, because these fields
/// are absent for non-administrators (users reference §3.1); a missing field reads as GitLab's
/// default rather than failing the whole answer.
public struct GitLabUserAccount: Sendable, Equatable, GitLabDecodable {
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

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    username = try reader.string("username")
    name = try reader.optionalString("name") ?? username
    state = try reader.optionalString("state") ?? "active"
    email = try reader.optionalString("email")
    publicEmail = try reader.optionalString("public_email")
    isAdmin = try reader.optionalBool("is_admin") ?? false
    canCreateGroup = try reader.optionalBool("can_create_group") ?? false
    projectsLimit = try reader.optionalInt("projects_limit") ?? 0
    external = try reader.optionalBool("external") ?? false
    note = try reader.optionalString("note")
    namespaceID = try reader.optionalInt("namespace_id")
    isBot = try reader.optionalBool("bot") ?? false
    createdAt = try reader.optionalField("created_at")?.date()
    confirmedAt = try reader.optionalField("confirmed_at")?.date()
    webURL = try reader.optionalString("web_url")
  }
}
