/// What gitform asks GitLab to create: a personal, impersonation, project or group token.
public struct NewAccessToken: Sendable, Equatable {
  public var name: String
  public var scopes: [String]
  public var description: String?
  /// Nil lets GitLab choose (today + 365 days for personal, project and group tokens when expiry
  /// is required; impersonation tokens then fail, gitlab-api.md §3.2).
  public var expiresAt: CalendarDate?
  /// Project and group tokens only; GitLab's default is maintainer (40).
  public var accessLevel: GitLabAccessLevel?

  public init(
    name: String, scopes: [String], description: String? = nil, expiresAt: CalendarDate? = nil,
    accessLevel: GitLabAccessLevel? = nil
  ) {
    self.name = name
    self.scopes = scopes
    self.description = description
    self.expiresAt = expiresAt
    self.accessLevel = accessLevel
  }

  /// The JSON body GitLab's create endpoints take.
  var body: [String: Any] {
    var body: [String: Any] = ["name": name, "scopes": scopes]
    if let description { body["description"] = description }
    if let expiresAt { body["expires_at"] = expiresAt.description }
    if let accessLevel { body["access_level"] = accessLevel.rawValue }
    return body
  }
}
