import Foundation

/// An SSH key as GitLab returns it (users reference §3.2): `key` is the type and body followed
/// by the owner's name and GitLab's host — the comment the key was added with is never echoed.
public struct GitLabSSHKey: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var title: String
  public var key: String
  public var createdAt: Date?
  public var expiresAt: Date?
  /// `auth`, `signing` or `auth_and_signing` (GitLab 15.7+; older versions leave it out).
  public var usageType: String

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    title = try reader.optionalString("title") ?? ""
    key = try reader.string("key")
    createdAt = try reader.optionalField("created_at")?.date()
    expiresAt = try reader.optionalField("expires_at")?.date()
    usageType = try reader.optionalString("usage_type") ?? "auth_and_signing"
  }
}
