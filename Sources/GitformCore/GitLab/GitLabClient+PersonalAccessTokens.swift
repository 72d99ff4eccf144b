import Foundation

/// Personal access tokens: `/users/:user_id/personal_access_tokens` and
/// `/personal_access_tokens` (gitlab-api.md §2).
extension GitLabClient {
  /// `POST /users/:user_id/personal_access_tokens` (administrators only): a new token for a user.
  /// Not retried; a dropped connection is `.outcomeUnknown`.
  public func createPersonalAccessToken(userID: Int, _ token: NewAccessToken) throws
    -> GitLabCreatedToken
  {
    var body = token.body
    body["access_level"] = nil
    return try perform(
      request(.post, "/users/:user_id/personal_access_tokens", [String(userID)], body: body),
      as: GitLabCreatedToken.self)
  }

  /// `GET /personal_access_tokens[?user_id=]`, every page: one user's tokens, or (`userID` nil)
  /// every token the caller may see — all of the instance's for an administrator, including
  /// impersonation and bot tokens, revoked and expired ones too. Refresh reads one list per owner.
  public func personalAccessTokens(userID: Int? = nil) throws -> [GitLabAccessToken] {
    let query = userID.map { [(name: "user_id", value: String($0))] } ?? []
    return try listAll(GitLabAccessToken.self, route: "/personal_access_tokens", query: query)
  }

  /// `GET /personal_access_tokens/:id`. Revoked and expired tokens are returned, not 404.
  public func personalAccessToken(id: Int) throws -> GitLabAccessToken {
    try perform(
      request(.get, "/personal_access_tokens/:id", [String(id)]), as: GitLabAccessToken.self)
  }

  /// `DELETE /personal_access_tokens/:id`: revokes (GitLab keeps the record). Idempotent, so
  /// retried like a GET.
  public func revokePersonalAccessToken(id: Int) throws {
    try performWithoutResult(request(.delete, "/personal_access_tokens/:id", [String(id)]))
  }

  /// `POST /personal_access_tokens/:id/rotate`: revokes the token and returns its successor
  /// (new id, new value, same name and scopes). Without `expiresAt` GitLab picks today + 7 days.
  public func rotatePersonalAccessToken(id: Int, expiresAt: CalendarDate? = nil) throws
    -> GitLabCreatedToken
  {
    try perform(
      request(
        .post, "/personal_access_tokens/:id/rotate", [String(id)],
        body: GitLabClient.rotationBody(expiresAt)),
      as: GitLabCreatedToken.self)
  }

  /// `GET /personal_access_tokens/self`: the record of the token this client authenticates with.
  public func currentPersonalAccessToken() throws -> GitLabAccessToken {
    try perform(request(.get, "/personal_access_tokens/self"), as: GitLabAccessToken.self)
  }

  /// `POST /personal_access_tokens/self/rotate`: rotates the token this client authenticates
  /// with (see `authenticating(with:)`); needs its `api` or `self_rotate` scope.
  public func rotateCurrentPersonalAccessToken(expiresAt: CalendarDate? = nil) throws
    -> GitLabCreatedToken
  {
    try perform(
      request(
        .post, "/personal_access_tokens/self/rotate", body: GitLabClient.rotationBody(expiresAt)),
      as: GitLabCreatedToken.self)
  }

  /// The body of every rotate request: only the new expiry, when one is chosen.
  static func rotationBody(_ expiresAt: CalendarDate?) -> [String: Any]? {
    expiresAt.map { ["expires_at": $0.description] }
  }
}
