import Foundation

/// The token cannot see the project, group or user an object lives in, so gitform cannot tell
/// whether the object still exists. Raised instead of treating the object as deleted.
struct ParentNotVisibleError: Error, CustomStringConvertible {
  let parent: ParentAccess.Parent
  /// The token's user, when GitLab said who it is.
  let username: String?
  /// GitLab's answer to the parent itself (404, 403), when it was asked.
  let status: Int?

  /// `project "team/app"`, `group "team"`, `user 12`.
  var parentDescription: String {
    switch parent {
    case .project(let path): return "project \(Value.quoted(path))"
    case .group(let path): return "group \(Value.quoted(path))"
    case .user(let id): return "user \(id)"
    }
  }

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
        + "\(role), or of an administrator (provider \"gitlab\" token or GITLAB_TOKEN). If the "
        + "\(noun) was deleted, an administrator's token lets gitform see that its objects are gone."
    case .user(let id):
      return "\(who) cannot see the tokens of user \(id): only an administrator can. \(stop) Use an "
        + "administrator's token (provider \"gitlab\" token or GITLAB_TOKEN)."
    }
  }
}
