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

  /// `GET /users?username=` read with the administrator's fields (present when the caller is
  /// one). Throws `.notFound` when there is no such user, as `user(username:)` does.
  public func userAccount(username: String) throws -> GitLabUserAccount {
    let sent = try request(.get, "/users", query: [(name: "username", value: username)])
    guard let account = try perform(sent, as: [GitLabUserAccount].self).first else {
      throw GitLabError(
        code: .notFound,
        message:
          "GitLab has no user with the username \"\(username)\" (\(sent.name)?username=). "
          + "Check the spelling, and that the token's user can see that user.",
        status: 200, request: sent.name, attempts: 1)
    }
    return account
  }

  /// The user whose primary (administrators see it) or public e-mail is `email`, compared
  /// case-insensitively, found through `GET /users?search=`. Throws `.notFound` when none is.
  public func user(email: String) throws -> GitLabUserAccount {
    var filter = UserFilter()
    filter.search = email
    let wanted = email.lowercased()
    let found = try users(filter).first {
      $0.email?.lowercased() == wanted || $0.publicEmail?.lowercased() == wanted
    }
    guard let found else {
      throw GitLabError(
        code: .notFound,
        message:
          "GitLab has no user with the e-mail address \"\(email)\" (GET /users?search=). Only administrators "
          + "see private addresses; others find a user by its public e-mail only.",
        status: 200, request: "GET /users", attempts: 1)
    }
    return found
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
