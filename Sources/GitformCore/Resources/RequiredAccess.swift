import Foundation

/// What a type's GitLab calls need of the token's user, said when GitLab refuses one for lack
/// of it.
///
/// GitLab's 403 names no role (`403 Forbidden`), a group refuses a service account with a 400,
/// and the client's advice for a 403 has to cover every route it calls. The type knows which
/// role or right its object needs, so it wraps its calls: a refusal for lack of a role keeps
/// its code, status and GitLab's words, and gets the type's advice instead of the generic one.
/// A missing scope (`insufficient_scope`) keeps the client's message, which names the scope.
enum RequiredAccess {
  /// Runs `body`; a refusal for lack of a role or right is explained with `need` (a sentence
  /// saying who may do this and what token to use).
  static func explaining<T>(_ need: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch var error as GitLabError where isRoleRefusal(error) {
      let said = error.gitLabMessage.map { ": " + $0 } ?? ""
      error.message = "GitLab refused \(error.request ?? "the request") (HTTP \(error.status ?? 403)\(said)). " + need()
      throw error
    }
  }

  /// A 403 that is not about scopes, or the 400 GitLab gives a caller who may not make a
  /// group's service account.
  static func isRoleRefusal(_ error: GitLabError) -> Bool {
    switch error.code {
    case .forbidden: return true
    case .badRequest: return error.gitLabMessage?.contains("does not have permission") == true
    default: return false
    }
  }

  /// The advice for what only an administrator may do.
  static func administrator(_ what: String) -> String {
    "Only a GitLab administrator can \(what): use an administrator's token (token in the provider \"gitlab\" "
      + "block, or GITLAB_TOKEN)."
  }
}
