import Foundation

/// Telling "the object is gone" from "the token cannot see where the object lives".
///
/// GitLab answers 404 both for a token or variable that no longer exists and for one in a
/// project, group or user the caller cannot see (it hides what a caller may not know exists).
/// Taking the second for the first makes gitform forget live tokens, so every read, list and
/// delete that gets a 404 (or finds an object missing from an owner's list) asks this first:
/// the 404 means "deleted" only when the token reaches the parent — it can read the project or
/// group, or it is an administrator's (who sees every project, group and user, so a parent they
/// cannot find is itself gone). Otherwise the operation stops with `ParentNotVisibleError`.
enum ParentAccess {
  /// Where an object lives.
  enum Parent: Sendable {
    case project(String)
    case group(String)
    case user(Int)
  }

  /// Returns when a 404 for an object in `parent` means the object is gone; throws
  /// `ParentNotVisibleError` when the token cannot see `parent`, and rethrows other failures.
  static func confirmGone(in parent: Parent, context: ResourceContext) throws {
    switch parent {
    case .user(let id):
      let caller = try context.currentUser()
      // Only administrators see other users' tokens; a user sees their own.
      guard caller.isAdmin || caller.id == id else {
        throw ParentNotVisibleError(parent: parent, username: caller.username, status: nil)
      }
    case .project(let text), .group(let text):
      let isGroup: Bool
      if case .group = parent { isGroup = true } else { isGroup = false }
      let key = (isGroup ? "g:" : "p:") + text
      if context.isKnownVisible(key) { return }
      do {
        if isGroup {
          _ = try context.client.group(GitLabReference(text))
        } else {
          _ = try context.client.project(GitLabReference(text))
        }
        context.recordVisible(key)
      } catch let error as GitLabError where [.notFound, .forbidden, .unauthorized].contains(error.code) {
        let caller = try? context.currentUser()
        // An administrator sees everything: a parent they cannot find no longer exists.
        if error.code == .notFound, caller?.isAdmin == true { return }
        throw ParentNotVisibleError(parent: parent, username: caller?.username, status: error.status)
      }
    }
  }
}

/// The token cannot see the project, group or user an object lives in, so gitform cannot tell
/// whether the object still exists. Raised instead of treating the object as deleted.
struct ParentNotVisibleError: Error, CustomStringConvertible {
  let parent: ParentAccess.Parent
  /// The token's user, when GitLab said who it is.
  let username: String?
  /// GitLab's answer to the parent itself (404, 403), when it was asked.
  let status: Int?

  var description: String {
    let who = username.map { "The GitLab token (user \($0))" } ?? "The GitLab token"
    let stop =
      "GitLab hides what a token cannot see behind the same 404 it gives a deleted object, so "
      + "gitform cannot tell whether the object still exists; it stops here and keeps the state as it is."
    switch parent {
    case .project(let path), .group(let path):
      let noun: String
      let role: String
      if case .group = parent {
        noun = "group"
        role = "an Owner of the group"
      } else {
        noun = "project"
        role = "a Maintainer or Owner of the project"
      }
      let answer = status.map { " (GET /\(noun)s/:id answered HTTP \($0))" } ?? ""
      return "\(who) cannot see \(noun) \(Value.quoted(path))\(answer). \(stop) Use the token of "
        + "\(role), or of an administrator (provider \"gitlab\" token or GITLAB_TOKEN)."
    case .user(let id):
      return "\(who) cannot see the tokens of user \(id): only an administrator can. \(stop) Use an "
        + "administrator's token (provider \"gitlab\" token or GITLAB_TOKEN)."
    }
  }
}
