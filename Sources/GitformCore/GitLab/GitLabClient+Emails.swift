import Foundation

/// E-mail addresses of users: `/users/:id/emails` (administrators) and `/user/emails` — users
/// reference §7. There is no `GET /users/:id/emails/:email_id` and no update: one address is
/// found in its user's list, and a changed address is a new one.
extension GitLabClient {
  /// `GET /users/:id/emails`, every page, the primary address first.
  public func emails(userID: Int) throws -> [GitLabEmail] {
    try listAll(GitLabEmail.self, route: "/users/:id/emails", [String(userID)])
  }

  /// `POST /users/:id/emails`. Not retried (a second add would find the address taken).
  public func addEmail(userID: Int, email: String, skipConfirmation: Bool) throws -> GitLabEmail {
    try perform(
      request(
        .post, "/users/:id/emails", [String(userID)],
        body: ["email": email, "skip_confirmation": skipConfirmation]),
      as: GitLabEmail.self)
  }

  /// `DELETE /users/:id/emails/:email_id`. Idempotent.
  public func deleteEmail(userID: Int, id: Int) throws {
    try performWithoutResult(
      request(.delete, "/users/:id/emails/:email_id", [String(userID), String(id)]))
  }
}
