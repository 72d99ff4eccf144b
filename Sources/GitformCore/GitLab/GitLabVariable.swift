/// A project CI/CD variable as GitLab returns it (gitlab-api.md §6.1).
///
/// `value` is a `SecretValue` because variables typically carry tokens; it is nil for a hidden
/// variable, whose value GitLab never shows again.
public struct GitLabVariable: Sendable, Equatable, GitLabDecodable {
  public enum Kind: String, Sendable, Equatable {
    case envVar = "env_var"
    case file
  }

  public var key: String
  public var value: SecretValue?
  public var variableType: Kind
  public var protected: Bool
  public var masked: Bool
  /// GitLab 17.4+; older versions leave it out (false).
  public var hidden: Bool
  public var raw: Bool
  public var environmentScope: String
  public var description: String?

  public init(
    key: String, value: SecretValue?, variableType: Kind = .envVar, protected: Bool = false,
    masked: Bool = false, hidden: Bool = false, raw: Bool = false, environmentScope: String = "*",
    description: String? = nil
  ) {
    self.key = key
    self.value = value
    self.variableType = variableType
    self.protected = protected
    self.masked = masked
    self.hidden = hidden
    self.raw = raw
    self.environmentScope = environmentScope
    self.description = description
  }

  init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
    key = try reader.string("key")
    value = try reader.optionalString("value").map(SecretValue.init)
    if let type = try reader.optionalField("variable_type") {
      guard let kind = Kind(rawValue: try type.string()) else {
        throw type.invalid("not one of env_var, file")
      }
      variableType = kind
    } else {
      variableType = .envVar
    }
    protected = try reader.optionalBool("protected") ?? false
    masked = try reader.optionalBool("masked") ?? false
    hidden = try reader.optionalBool("hidden") ?? false
    raw = try reader.optionalBool("raw") ?? false
    environmentScope = try reader.optionalString("environment_scope") ?? "*"
    description = try reader.optionalString("description")
  }
}
