/// A token GitLab has just created or rotated: its record and, once only, its secret value.
///
/// GitLab returns the value in the create and rotate answers and never again (gitlab-api.md
/// §1.1); the engine must store it before doing anything else. `token` is a `SecretValue`, so
/// printing or dumping this value shows `(sensitive value)`.
public struct GitLabCreatedToken: Sendable, Equatable, GitLabDecodable {
  public var record: GitLabAccessToken
  public var token: SecretValue

  public init(record: GitLabAccessToken, token: SecretValue) {
    self.record = record
    self.token = token
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    record = try GitLabAccessToken(gitLab: reader)
    token = SecretValue(try reader.string("token"))
  }
}
