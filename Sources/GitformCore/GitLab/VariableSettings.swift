/// A project CI/CD variable gitform creates, or the settings it changes on one.
///
/// For creation every field is sent. For an update (`PUT`) nil fields are left as they are;
/// `hidden` is ignored there because GitLab lets only new variables be hidden.
public struct VariableSettings: Sendable, Equatable {
  public var value: SecretValue?
  public var variableType: GitLabVariable.Kind?
  public var protected: Bool?
  public var masked: Bool?
  /// Create only: sent as `masked_and_hidden`, GitLab's one way to make a hidden variable.
  public var hidden: Bool?
  public var raw: Bool?
  /// On create the scope of the new variable (GitLab's default `*`); on update a new scope.
  public var environmentScope: String?
  public var description: String?

  public init(
    value: SecretValue? = nil, variableType: GitLabVariable.Kind? = nil, protected: Bool? = nil,
    masked: Bool? = nil, hidden: Bool? = nil, raw: Bool? = nil, environmentScope: String? = nil,
    description: String? = nil
  ) {
    self.value = value
    self.variableType = variableType
    self.protected = protected
    self.masked = masked
    self.hidden = hidden
    self.raw = raw
    self.environmentScope = environmentScope
    self.description = description
  }

  /// The JSON body; `forCreate` decides how `hidden` is sent. The value stays a `SecretValue`:
  /// `GitLabClient.request` reveals it for sending and scrubs it from any error.
  func body(forCreate: Bool) -> [String: Any] {
    var body: [String: Any] = [:]
    if let value { body["value"] = value }
    if let variableType { body["variable_type"] = variableType.rawValue }
    if let protected { body["protected"] = protected }
    if let raw { body["raw"] = raw }
    if let environmentScope { body["environment_scope"] = environmentScope }
    if let description { body["description"] = description }
    if let masked { body["masked"] = masked }
    if forCreate, hidden == true {
      body["masked"] = true
      body["masked_and_hidden"] = true
    }
    return body
  }
}
