/// Which backend a configuration asks for, as the `gitform { backend "TYPE" { ... } }` block
/// gives it, and the `StateBackend` it makes.
///
/// The configuration decoder evaluates the block's attributes to strings (numbers in decimal,
/// booleans as `true`/`false`) and hands them over unchanged; everything else — environment
/// variables, defaults, validation, the provider's URL and token for GitLab — happens here.
public enum BackendConfiguration: Equatable, Sendable {
  /// The state file (no backend block): `-state=PATH` or `gitform.tfstate`.
  case local(path: String)
  /// `backend "http" { ... }`: Terraform's http backend.
  case http(attributes: [String: String])
  /// `backend "gitlab" { project, name }`: GitLab-managed Terraform state.
  case gitLab(attributes: [String: String])

  /// The backend types a `backend` block may name.
  public static let types = ["http", "gitlab"]

  /// The configuration for a `backend "TYPE"` block.
  public static func block(type: String, attributes: [String: String]) throws(BackendError)
    -> BackendConfiguration
  {
    switch type {
    case "http": return .http(attributes: attributes)
    case "gitlab": return .gitLab(attributes: attributes)
    default:
      throw .invalidConfiguration(
        "gitform has no backend \"\(type)\": use backend \"gitlab\" for GitLab-managed state, "
          + "backend \"http\" for any server speaking Terraform's http backend protocol, or no "
          + "backend block for a local state file.")
    }
  }

  /// The backend, with settings resolved against the environment.
  ///
  /// - Parameters:
  ///   - providerBaseURL: `base_url` of the `provider "gitlab"` block, if set (GitLab only).
  ///   - providerToken: `token` of the `provider "gitlab"` block, if set (GitLab only).
  ///   - writerVersion: gitform's version.
  ///   - transport: the HTTP transport; nil for the platform's (`HTTPTransports.platform`).
  public func makeBackend(
    providerBaseURL: String? = nil, providerToken: SecretValue? = nil,
    environment: [String: String], writerVersion: String, transport: HTTPTransport? = nil
  ) throws(BackendError) -> StateBackend {
    switch self {
    case .local(let path):
      return LocalStateBackend(path: path, writerVersion: writerVersion)
    case .http(let attributes):
      let settings = try HTTPBackendSettings.resolve(
        attributes: attributes, environment: environment)
      return try HTTPStateBackend(
        settings: settings, writerVersion: writerVersion, transport: transport)
    case .gitLab(let attributes):
      let settings = try GitLabStateSettings.resolve(
        attributes: attributes, providerBaseURL: providerBaseURL, providerToken: providerToken,
        environment: environment)
      return try HTTPStateBackend(
        settings: settings, writerVersion: writerVersion, transport: transport)
    }
  }
}
