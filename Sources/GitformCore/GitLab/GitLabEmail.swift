import Foundation

/// An e-mail address of a user (users reference §3.2). GitLab stores it lowercased.
public struct GitLabEmail: Sendable, Equatable, GitLabDecodable {
  public var id: Int
  public var email: String
  /// Nil until the address is confirmed (or added with `skip_confirmation`).
  public var confirmedAt: Date?

  public init(id: Int, email: String, confirmedAt: Date? = nil) {
    self.id = id
    self.email = email
    self.confirmedAt = confirmedAt
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    id = try reader.int("id")
    email = try reader.string("email")
    confirmedAt = try reader.optionalField("confirmed_at")?.date()
  }
}
