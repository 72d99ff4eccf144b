/// A project or group as a user names it: by numeric id or by full path (`group/project`).
///
/// GitLab accepts either in `:id` route segments; the path must then be URL-encoded as one
/// segment (`group%2Fproject`, and `.` as `%2E` as go-gitlab does) — gitlab-api.md §0.5.
public enum GitLabReference: Sendable, Hashable, CustomStringConvertible {
  case id(Int)
  case path(String)

  /// `"123"` is an id (GitLab's own rule, `/^-?\d+$/`, minus the sign), anything else a path.
  public init(_ text: String) {
    if !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(text) {
      self = .id(number)
    } else {
      self = .path(text)
    }
  }

  /// The id or path as the user wrote it.
  public var description: String {
    switch self {
    case .id(let number): return String(number)
    case .path(let path): return path
    }
  }

  /// The value for an `:id` route segment, percent-encoded.
  var pathSegment: String {
    GitLabURLEncoding.pathSegment(description)
  }
}
