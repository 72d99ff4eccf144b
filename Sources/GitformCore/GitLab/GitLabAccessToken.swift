import Foundation

/// A token's record as GitLab lists and returns it: personal, impersonation, project or group.
///
/// All four are rows of one table (gitlab-api.md §1.1); the kinds differ only in the extra fields
/// filled in here (`accessLevel` for project and group tokens, `impersonation`). The secret value
/// is never part of a record — see `GitLabCreatedToken`.
public struct GitLabAccessToken: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var name: String
  public var description: String?
  public var scopes: [String]
  /// The owner; for project and group tokens the bot user's id.
  public var userID: Int
  /// Not revoked and not expired, as GitLab computes it.
  public var active: Bool
  public var revoked: Bool
  /// GitLab 19.x only; older versions leave it out.
  public var expired: Bool?
  /// The day it stops working (at 00:00 UTC), or nil for a token that never expires.
  public var expiresAt: CalendarDate?
  public var createdAt: Date
  public var lastUsedAt: Date?
  /// Project and group tokens: the bot's role (10 guest … 50 owner).
  public var accessLevel: Int?
  /// Impersonation tokens say `true`; other kinds leave it out.
  public var impersonation: Bool?

  public init(
    id: Int, name: String, description: String? = nil, scopes: [String], userID: Int,
    active: Bool = true, revoked: Bool = false, expired: Bool? = nil,
    expiresAt: CalendarDate? = nil, createdAt: Date, lastUsedAt: Date? = nil,
    accessLevel: Int? = nil, impersonation: Bool? = nil
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.scopes = scopes
    self.userID = userID
    self.active = active
    self.revoked = revoked
    self.expired = expired
    self.expiresAt = expiresAt
    self.createdAt = createdAt
    self.lastUsedAt = lastUsedAt
    self.accessLevel = accessLevel
    self.impersonation = impersonation
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    name = try reader.string("name")
    description = try reader.optionalString("description")
    scopes = try reader.field("scopes").strings()
    userID = try reader.int("user_id")
    active = try reader.bool("active")
    revoked = try reader.bool("revoked")
    expired = try reader.optionalBool("expired")
    expiresAt = try reader.optionalField("expires_at")?.calendarDate()
    createdAt = try reader.field("created_at").date()
    lastUsedAt = try reader.optionalField("last_used_at")?.date()
    accessLevel = try reader.optionalInt("access_level")
    impersonation = try reader.optionalBool("impersonation")
  }
}
