import Foundation

/// SSH keys: `/users/:id/keys` (any user's; adding and deleting needs an administrator) and
/// `/user/keys` (the token's own user) — users reference §5. Keys cannot be edited.
extension GitLabClient {
  /// `GET /users/:id/keys`, every page. Public in GitLab; 404 when the user does not exist.
  public func sshKeys(userID: Int) throws -> [GitLabSSHKey] {
    try listAll(GitLabSSHKey.self, route: "/users/:id/keys", [String(userID)])
  }

  /// `GET /users/:id_or_username/keys`, every page, for a user named by username.
  public func sshKeys(username: String) throws -> [GitLabSSHKey] {
    try listAll(
      GitLabSSHKey.self, route: "/users/:id/keys", [GitLabURLEncoding.pathSegment(username)])
  }

  /// `GET /users/:id/keys/:key_id`.
  public func sshKey(userID: Int, id: Int) throws -> GitLabSSHKey {
    try perform(
      request(.get, "/users/:id/keys/:key_id", [String(userID), String(id)]), as: GitLabSSHKey.self)
  }

  /// `POST /users/:id/keys` (administrators), or `POST /user/keys` when `userID` is nil.
  /// Not retried: a second add would fail as a duplicate key.
  public func addSSHKey(userID: Int?, _ key: NewSSHKey) throws -> GitLabSSHKey {
    let sent =
      try userID.map { try request(.post, "/users/:id/keys", [String($0)], body: key.body) }
      ?? request(.post, "/user/keys", body: key.body)
    return try perform(sent, as: GitLabSSHKey.self)
  }

  /// `DELETE /users/:id/keys/:key_id` (administrators), or `DELETE /user/keys/:key_id` when
  /// `userID` is nil. Idempotent: a `.notFound` may mean an earlier attempt deleted it.
  public func deleteSSHKey(userID: Int?, id: Int) throws {
    let sent =
      try userID.map { try request(.delete, "/users/:id/keys/:key_id", [String($0), String(id)]) }
      ?? request(.delete, "/user/keys/:key_id", [String(id)])
    try performWithoutResult(sent)
  }
}

/// An SSH key to add: GitLab's parameters of both add routes.
public struct NewSSHKey: Sendable, Equatable {
  public var title: String
  public var key: String
  /// As configured: `YYYY-MM-DD` or an RFC 3339 timestamp (GitLab's `DateTime`).
  public var expiresAt: String?
  public var usageType: String?

  public init(title: String, key: String, expiresAt: String? = nil, usageType: String? = nil) {
    self.title = title
    self.key = key
    self.expiresAt = expiresAt
    self.usageType = usageType
  }

  var body: [String: Any] {
    var body: [String: Any] = ["title": title, "key": key]
    if let expiresAt { body["expires_at"] = expiresAt }
    if let usageType { body["usage_type"] = usageType }
    return body
  }
}
