import Foundation

/// A token's record as GitLab lists and returns it: personal, impersonation, project or group.
///
/// All four are rows of one table (gitlab-api.md §1.1); the kinds differ only in the extra fields
/// filled in here (`accessLevel` for project and group tokens, `impersonation`). The secret value
/// is never part of a record — see `GitLabCreatedToken`.
public struct GitLabAccessToken: Sendable, Equatable, Decodable {
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

  private enum CodingKeys: String, CodingKey {
    case id, name, description, scopes, active, revoked, expired, impersonation
    case userID = "user_id"
    case expiresAt = "expires_at"
    case createdAt = "created_at"
    case lastUsedAt = "last_used_at"
    case accessLevel = "access_level"
  }
}
