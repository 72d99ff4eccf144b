import Foundation

/// Every setting of Terraform's `http` backend, resolved: where the state, the lock and the
/// unlock endpoints are, which methods they take, the Basic credentials and the retry policy.
///
/// Built by `resolve(attributes:environment:)` from a `backend "http"` block and the `TF_HTTP_*`
/// variables exactly as Terraform reads them, or by `GitLabStateSettings` for GitLab-managed
/// state. The password is a `SecretValue`: printing or dumping settings never shows it.
public struct HTTPBackendSettings: Sendable, Equatable {
  /// Who is behind the address, so that errors can name roles and scopes for GitLab.
  public enum Server: Sendable, Equatable {
    /// Any server speaking Terraform's protocol.
    case generic
    /// GitLab-managed Terraform state: the project as configured, the state's name, and whether
    /// the credentials are a CI job token (which changes what a 401 or 403 means).
    case gitLab(project: String, name: String, jobToken: Bool)
  }

  public var address: URL
  public var updateMethod: String
  /// nil: locking is disabled, as in Terraform.
  public var lockAddress: URL?
  public var lockMethod: String
  /// nil: unlocking sends nothing, as in Terraform.
  public var unlockAddress: URL?
  public var unlockMethod: String
  /// Basic auth is sent when this is not empty.
  public var username: String
  public var password: SecretValue
  public var skipCertVerification: Bool
  public var retryMax: Int
  /// Seconds.
  public var retryWaitMin: Int
  /// Seconds.
  public var retryWaitMax: Int
  public var server: Server

  public init(
    address: URL, updateMethod: String = "POST", lockAddress: URL? = nil,
    lockMethod: String = "LOCK",
    unlockAddress: URL? = nil, unlockMethod: String = "UNLOCK", username: String = "",
    password: SecretValue = SecretValue(""), skipCertVerification: Bool = false, retryMax: Int = 2,
    retryWaitMin: Int = 1, retryWaitMax: Int = 30, server: Server = .generic
  ) {
    self.address = address
    self.updateMethod = updateMethod
    self.lockAddress = lockAddress
    self.lockMethod = lockMethod
    self.unlockAddress = unlockAddress
    self.unlockMethod = unlockMethod
    self.username = username
    self.password = password
    self.skipCertVerification = skipCertVerification
    self.retryMax = retryMax
    self.retryWaitMin = retryWaitMin
    self.retryWaitMax = retryWaitMax
    self.server = server
  }

  /// The attribute names a `backend "http"` block accepts (Terraform's schema).
  public static let attributeNames: [String] = [
    "address", "update_method", "lock_address", "unlock_address", "lock_method", "unlock_method",
    "username", "password", "skip_cert_verification", "retry_max", "retry_wait_min",
    "retry_wait_max", "client_ca_certificate_pem", "client_certificate_pem",
    "client_private_key_pem",
  ]

  public var retryPolicy: BackendRetryPolicy {
    BackendRetryPolicy(
      retryMax: retryMax, waitMinimum: TimeInterval(retryWaitMin),
      waitMaximum: TimeInterval(retryWaitMax))
  }

  /// The state's address for people: no credentials, no query. Used in messages and in the plan
  /// line that says where the state lives.
  public var displayAddress: String { HTTPBackendSettings.display(address) }

  /// `url` without user info, query or fragment.
  static func display(_ url: URL) -> String {
    guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
      return "(address)"
    }
    components.user = nil
    components.password = nil
    components.query = nil
    components.fragment = nil
    return components.string ?? "(address)"
  }
}
