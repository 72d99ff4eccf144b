import Foundation

/// Project and group access tokens: `/{projects|groups}/:id/access_tokens` (gitlab-api.md §4).
extension GitLabClient {
  /// `GET …/access_tokens`, every page: the resource's tokens in every state (GitLab 17.2+;
  /// older versions list only active ones).
  public func resourceAccessTokens(of resource: AccessTokenResource) throws -> [GitLabAccessToken] {
    try listAll(
      GitLabAccessToken.self, route: resource.route + "/access_tokens",
      [resource.reference.pathSegment])
  }

  /// `GET …/access_tokens/:token_id`.
  public func resourceAccessToken(of resource: AccessTokenResource, id: Int) throws
    -> GitLabAccessToken
  {
    try perform(
      request(
        .get, resource.route + "/access_tokens/:token_id",
        [resource.reference.pathSegment, String(id)]),
      as: GitLabAccessToken.self)
  }

  /// `POST …/access_tokens`: a new token (and bot user). Not retried.
  public func createResourceAccessToken(
    of resource: AccessTokenResource, _ token: NewAccessToken
  ) throws -> GitLabCreatedToken {
    try perform(
      request(
        .post, resource.route + "/access_tokens", [resource.reference.pathSegment],
        body: token.body),
      as: GitLabCreatedToken.self)
  }

  /// `DELETE …/access_tokens/:token_id`: revokes the token (the bot user stays); idempotent.
  public func revokeResourceAccessToken(of resource: AccessTokenResource, id: Int) throws {
    try performWithoutResult(
      request(
        .delete, resource.route + "/access_tokens/:token_id",
        [resource.reference.pathSegment, String(id)]))
  }

  /// `POST …/access_tokens/:token_id/rotate`: revokes the token and returns its successor, same
  /// bot user. Without `expiresAt` GitLab picks today + 7 days.
  public func rotateResourceAccessToken(
    of resource: AccessTokenResource, id: Int, expiresAt: CalendarDate? = nil
  ) throws -> GitLabCreatedToken {
    try perform(
      request(
        .post, resource.route + "/access_tokens/:token_id/rotate",
        [resource.reference.pathSegment, String(id)], body: GitLabClient.rotationBody(expiresAt)),
      as: GitLabCreatedToken.self)
  }

  /// `POST …/access_tokens/self/rotate`: rotates the token this client authenticates with,
  /// which must belong to `resource` (see `authenticating(with:)`).
  public func rotateCurrentResourceAccessToken(
    of resource: AccessTokenResource, expiresAt: CalendarDate? = nil
  ) throws -> GitLabCreatedToken {
    try perform(
      request(
        .post, resource.route + "/access_tokens/self/rotate", [resource.reference.pathSegment],
        body: GitLabClient.rotationBody(expiresAt)),
      as: GitLabCreatedToken.self)
  }
}
