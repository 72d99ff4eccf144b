import Foundation

/// An SSH key as GitLab returns it (users reference §3.2): `key` is the type and body followed
/// by the owner's name and GitLab's host — the comment the key was added with is never echoed.
public struct GitLabSSHKey: Sendable, Equatable, Decodable {
  public var id: Int
  public var title: String
  public var key: String
  public var createdAt: Date?
  public var expiresAt: Date?
  /// `auth`, `signing` or `auth_and_signing` (GitLab 15.7+; older versions leave it out).
  public var usageType: String

  private enum CodingKeys: String, CodingKey {
    case id, title, key
    case createdAt = "created_at"
    case expiresAt = "expires_at"
    case usageType = "usage_type"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
    key = try container.decode(String.self, forKey: .key)
    createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
    expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
    usageType = try container.decodeIfPresent(String.self, forKey: .usageType) ?? "auth_and_signing"
  }
}
