import Foundation

/// Service accounts (users reference §8): instance-wide (`/service_accounts`, administrators)
/// or of a top-level group (`/groups/:id/service_accounts`, its Owners). Their tokens are
/// ordinary personal access tokens (`createPersonalAccessToken`).
extension GitLabClient {
  /// `POST /service_accounts`, or `POST /groups/:id/service_accounts` when `group` is given.
  /// Nil fields take GitLab's defaults (a generated username, a no-reply address). Not retried.
  public func createServiceAccount(
    group: GitLabReference?, name: String?, username: String?, email: String?
  ) throws -> GitLabServiceAccount {
    var body: [String: Any] = [:]
    if let name { body["name"] = name }
    if let username { body["username"] = username }
    if let email { body["email"] = email }
    let sent =
      try group.map { try request(.post, "/groups/:id/service_accounts", [$0.pathSegment], body: body) }
      ?? request(.post, "/service_accounts", body: body)
    return try perform(sent, as: GitLabServiceAccount.self)
  }

  /// `GET /service_accounts` (administrators), every page.
  public func instanceServiceAccounts() throws -> [GitLabServiceAccount] {
    try listAll(GitLabServiceAccount.self, route: "/service_accounts")
  }

  /// `GET /groups/:id/service_accounts`, every page.
  public func groupServiceAccounts(group: GitLabReference) throws -> [GitLabServiceAccount] {
    try listAll(
      GitLabServiceAccount.self, route: "/groups/:id/service_accounts", [group.pathSegment])
  }

  /// `DELETE /groups/:id/service_accounts/:user_id[?hard_delete=true]`. An instance service
  /// account is deleted as any user, with `deleteUser`.
  public func deleteGroupServiceAccount(group: GitLabReference, userID: Int, hardDelete: Bool) throws {
    let query = hardDelete ? [(name: "hard_delete", value: "true")] : []
    try performWithoutResult(
      request(
        .delete, "/groups/:id/service_accounts/:user_id", [group.pathSegment, String(userID)],
        query: query))
  }
}
