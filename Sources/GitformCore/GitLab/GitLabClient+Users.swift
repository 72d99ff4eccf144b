import Foundation

/// Who is who: the current user, users, projects and groups (data sources, owner lookups).
extension GitLabClient {
  /// `GET /user`: the token's user; `isAdmin` tells whether admin-only resources can be managed.
  public func currentUser() throws -> GitLabUser {
    try perform(request(.get, "/user"), as: GitLabUser.self)
  }

  /// `GET /users/:id`.
  public func user(id: Int) throws -> GitLabUser {
    try perform(request(.get, "/users/:id", [String(id)]), as: GitLabUser.self)
  }

  /// `GET /users?username=`: the user with exactly this username (GitLab matches it
  /// case-insensitively). Throws `.notFound` when there is none: GitLab answers `[]`, not 404.
  public func user(username: String) throws -> GitLabUser {
    let request = try request(.get, "/users", query: [(name: "username", value: username)])
    let users = try perform(request, as: [GitLabUser].self)
    guard let user = users.first else {
      throw GitLabError(
        code: .notFound,
        message:
          "GitLab has no user with the username \"\(username)\" (\(request.name)?username=). "
          + "Check the spelling, and that the token's user can see that user.",
        status: 200, request: request.name, attempts: 1)
    }
    return user
  }

  /// `GET /projects/:id` by numeric id or full path.
  public func project(_ project: GitLabReference) throws -> GitLabProject {
    try perform(request(.get, "/projects/:id", [project.pathSegment]), as: GitLabProject.self)
  }

  /// `GET /groups/:id` by numeric id or full path.
  public func group(_ group: GitLabReference) throws -> GitLabGroup {
    try perform(request(.get, "/groups/:id", [group.pathSegment]), as: GitLabGroup.self)
  }
}
