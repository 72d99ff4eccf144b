import Foundation

/// Impersonation tokens: `/users/:user_id/impersonation_tokens`, administrators only
/// (gitlab-api.md §3).
extension GitLabClient {
  /// `GET /users/:user_id/impersonation_tokens?state=all`, every page: the user's impersonation
  /// tokens in every state.
  public func impersonationTokens(userID: Int) throws -> [GitLabAccessToken] {
    try listAll(
      GitLabAccessToken.self, route: "/users/:user_id/impersonation_tokens", [String(userID)],
      query: [(name: "state", value: "all")])
  }

  /// `POST /users/:user_id/impersonation_tokens`. GitLab gives these no default expiry, so
  /// `expiresAt` is needed where expiry is required. Not retried.
  public func createImpersonationToken(userID: Int, _ token: NewAccessToken) throws
    -> GitLabCreatedToken
  {
    var body = token.body
    body["access_level"] = nil
    return try perform(
      request(.post, "/users/:user_id/impersonation_tokens", [String(userID)], body: body),
      as: GitLabCreatedToken.self)
  }

  /// `GET /users/:user_id/impersonation_tokens/:impersonation_token_id`.
  public func impersonationToken(userID: Int, id: Int) throws -> GitLabAccessToken {
    try perform(
      request(
        .get, "/users/:user_id/impersonation_tokens/:impersonation_token_id",
        [String(userID), String(id)]),
      as: GitLabAccessToken.self)
  }

  /// `DELETE /users/:user_id/impersonation_tokens/:impersonation_token_id`: revokes; idempotent.
  public func revokeImpersonationToken(userID: Int, id: Int) throws {
    try performWithoutResult(
      request(
        .delete, "/users/:user_id/impersonation_tokens/:impersonation_token_id",
        [String(userID), String(id)]))
  }
}
