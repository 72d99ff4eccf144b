/// A project CI/CD variable as GitLab returns it (gitlab-api.md §6.1).
///
/// `value` is a `SecretValue` because variables typically carry tokens; it is nil for a hidden
/// variable, whose value GitLab never shows again.
public struct GitLabVariable: Sendable, Equatable, Decodable {
  public enum Kind: String, Sendable, Equatable, Decodable {
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

  private enum CodingKeys: String, CodingKey {
    case key, value, protected, masked, hidden, raw, description
    case variableType = "variable_type"
    case environmentScope = "environment_scope"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    key = try container.decode(String.self, forKey: .key)
    value = try container.decodeIfPresent(SecretValue.self, forKey: .value)
    variableType = try container.decodeIfPresent(Kind.self, forKey: .variableType) ?? .envVar
    protected = try container.decodeIfPresent(Bool.self, forKey: .protected) ?? false
    masked = try container.decodeIfPresent(Bool.self, forKey: .masked) ?? false
    hidden = try container.decodeIfPresent(Bool.self, forKey: .hidden) ?? false
    raw = try container.decodeIfPresent(Bool.self, forKey: .raw) ?? false
    environmentScope = try container.decodeIfPresent(String.self, forKey: .environmentScope) ?? "*"
    description = try container.decodeIfPresent(String.self, forKey: .description)
  }
}
