import Foundation

/// An e-mail address of a user (users reference §3.2). GitLab stores it lowercased.
public struct GitLabEmail: Sendable, Equatable, Decodable {
  public var id: Int
  public var email: String
  /// Nil until the address is confirmed (or added with `skip_confirmation`).
  public var confirmedAt: Date?

  private enum CodingKeys: String, CodingKey {
    case id, email
    case confirmedAt = "confirmed_at"
  }

  public init(id: Int, email: String, confirmedAt: Date? = nil) {
    self.id = id
    self.email = email
    self.confirmedAt = confirmedAt
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    email = try container.decode(String.self, forKey: .email)
    confirmedAt = try container.decodeIfPresent(Date.self, forKey: .confirmedAt)
  }
}
