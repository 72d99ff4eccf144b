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
  enum Parent: Sendable, Hashable {
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
