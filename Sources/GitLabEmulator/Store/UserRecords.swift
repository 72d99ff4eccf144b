import Foundation

/// A user's SSH public key. Keys are immutable in GitLab: no update route exists.
struct SSHKeyRecord: Codable, Equatable, Sendable {
  var id: Int
  var userID: Int
  var title: String
  /// The sanitized key: type, base64 body and at most one comment token.
  var key: String
  /// Base64 SHA-256 of the key blob, without padding or the `SHA256:` prefix, as GitLab stores it.
  var fingerprintSHA256: String
  var createdAt: Date
  var expiresAt: Date?
  var usageType: String
}

/// One of a user's e-mail addresses; the primary address is a row too, as in GitLab.
struct EmailRecord: Codable, Equatable, Sendable {
  var id: Int
  var userID: Int
  var email: String
  var confirmedAt: Date?
}

/// A CI job: its token authenticates as the job's user while the job runs.
struct JobRecord: Codable, Equatable, Sendable {
  var id: Int
  var projectID: Int
  var userID: Int
  var token: String
  var running: Bool
}

/// A merge request of a project; `iid` counts per project.
struct MergeRequestRecord: Codable, Equatable, Sendable {
  var id: Int
  var iid: Int
  var projectID: Int
  var title: String
  var description: String?
  var sourceBranch: String
  var targetBranch: String
  var state: String
  var authorID: Int
  var createdAt: Date
  var updatedAt: Date
}

/// A note (comment) on a merge request.
struct NoteRecord: Codable, Equatable, Sendable {
  var id: Int
  var mergeRequestID: Int
  var authorID: Int
  var body: String
  var system: Bool
  var isInternal: Bool
  var createdAt: Date
  var updatedAt: Date
}
