/// The project or group a resource access token belongs to.
public enum AccessTokenResource: Sendable, Hashable {
  case project(GitLabReference)
  case group(GitLabReference)

  /// `/projects/:id` or `/groups/:id`.
  var route: String {
    switch self {
    case .project: return "/projects/:id"
    case .group: return "/groups/:id"
    }
  }

  var reference: GitLabReference {
    switch self {
    case .project(let reference), .group(let reference): return reference
    }
  }
}
