import Foundation

/// Administering users: `POST /users`, `GET`/`PUT`/`DELETE /users/:id`, the moderation routes
/// and the filtered `GET /users` list (users reference §2 and §4). Administrators only.
extension GitLabClient {
  /// `POST /users`. Not retried (a second create would fail as a duplicate).
  public func createUser(_ settings: UserSettings) throws -> GitLabUserAccount {
    try perform(
      request(.post, "/users", body: settings.body(forCreate: true)), as: GitLabUserAccount.self)
  }

  /// `GET /users/:id` as an administrator sees it.
  public func userAccount(id: Int) throws -> GitLabUserAccount {
    try perform(request(.get, "/users/:id", [String(id)]), as: GitLabUserAccount.self)
  }

  /// `PUT /users/:id` with the given settings only. Idempotent.
  public func updateUser(id: Int, _ settings: UserSettings) throws -> GitLabUserAccount {
    try perform(
      request(.put, "/users/:id", [String(id)], body: settings.body(forCreate: false)),
      as: GitLabUserAccount.self)
  }

  /// `DELETE /users/:id[?hard_delete=true]`: 204 at once, GitLab deletes in the background
  /// (§4.6). `hardDelete` also removes what the user contributed instead of handing it to the
  /// ghost user, and lets a group's sole owner go (409 otherwise).
  public func deleteUser(id: Int, hardDelete: Bool) throws {
    let query = hardDelete ? [(name: "hard_delete", value: "true")] : []
    try performWithoutResult(request(.delete, "/users/:id", [String(id)], query: query))
  }

  /// A moderation action (`POST /users/:id/block`, …). GitLab answers 201 with a bare `true`,
  /// `false` or `null`; only a refusal (403 with its reason) matters here.
  public func moderateUser(id: Int, _ action: UserModeration) throws {
    try performWithoutResult(request(.post, "/users/:id/" + action.rawValue, [String(id)]))
  }

  /// `GET /users` with filters, every page, as an administrator sees the list.
  public func users(_ filter: UserFilter) throws -> [GitLabUserAccount] {
    try listAll(GitLabUserAccount.self, route: "/users", query: filter.query)
  }
}

/// The state changes GitLab makes through its moderation routes, never through `PUT`.
public enum UserModeration: String, Sendable, CaseIterable {
  case block, unblock, deactivate, activate
}
