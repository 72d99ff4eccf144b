import Foundation

extension HTTPBackendSettings {
  /// The settings a `backend "http"` block and the environment give, exactly as Terraform's
  /// http backend reads them (`backend.go`, `backendbase.GetAttrEnvDefaultFallback`):
  /// an attribute present in the block wins, even when it is the empty string; otherwise its
  /// `TF_HTTP_*` variable, when set and not empty; otherwise Terraform's default.
  ///
  /// - Parameters:
  ///   - attributes: the block's attributes as the configuration decoder evaluated them, numbers
  ///     in decimal and booleans as `true`/`false`; absent keys are unset attributes.
  ///   - environment: the process environment (only `TF_HTTP_*` is read).
  /// - Throws: `BackendError` `.invalidConfiguration` in Terraform's words, never quoting the
  ///   password.
  public static func resolve(
    attributes: [String: String], environment: [String: String]
  ) throws(BackendError) -> HTTPBackendSettings {
    if let unknown = attributes.keys.sorted().first(where: { !attributeNames.contains($0) }) {
      throw .invalidConfiguration(
        "An argument named \"\(unknown)\" is not expected in a backend \"http\" block. The "
          + "arguments are: \(attributeNames.joined(separator: ", ")).")
    }
    /// Terraform's lookup: attribute, then a non-empty environment variable, else nil.
    func value(_ name: String, _ variable: String?) -> String? {
      if let given = attributes[name] { return given }
      if let variable, let text = environment[variable], !text.isEmpty { return text }
      return nil
    }
    let addressText = value("address", "TF_HTTP_ADDRESS") ?? ""
    guard !addressText.isEmpty else {
      throw .invalidConfiguration(
        "address argument is required: set address in the backend \"http\" block or the "
          + "TF_HTTP_ADDRESS environment variable.")
    }
    let address = try url(addressText, setting: "address")
    let lockAddress = try value("lock_address", "TF_HTTP_LOCK_ADDRESS").map {
      text throws(BackendError) in
      try url(text, setting: "lock_address")
    }
    let unlockAddress = try value("unlock_address", "TF_HTTP_UNLOCK_ADDRESS").map {
      text throws(BackendError) in
      try url(text, setting: "unlock_address")
    }
    for (name, variable) in [
      ("client_ca_certificate_pem", "TF_HTTP_CLIENT_CA_CERTIFICATE_PEM"),
      ("client_certificate_pem", "TF_HTTP_CLIENT_CERTIFICATE_PEM"),
      ("client_private_key_pem", "TF_HTTP_CLIENT_PRIVATE_KEY_PEM"),
    ] where !(value(name, variable) ?? "").isEmpty {
      throw .invalidConfiguration(
        "\(name) is not supported: gitform's HTTP stack cannot add "
          + "certificate authorities or client certificates on this platform. Add the CA to the "
          + "system trust store instead, and remove \(name) (or unset \(variable)).")
    }
    let skip = try bool(attributes["skip_cert_verification"], setting: "skip_cert_verification")
    return HTTPBackendSettings(
      address: address,
      updateMethod: try method(
        value("update_method", "TF_HTTP_UPDATE_METHOD") ?? "POST", "update_method"),
      lockAddress: lockAddress,
      lockMethod: try method(value("lock_method", "TF_HTTP_LOCK_METHOD") ?? "LOCK", "lock_method"),
      unlockAddress: unlockAddress,
      unlockMethod: try method(
        value("unlock_method", "TF_HTTP_UNLOCK_METHOD") ?? "UNLOCK", "unlock_method"),
      username: value("username", "TF_HTTP_USERNAME") ?? "",
      password: SecretValue(value("password", "TF_HTTP_PASSWORD") ?? ""),
      skipCertVerification: skip,
      retryMax: try integer(
        value("retry_max", "TF_HTTP_RETRY_MAX"), default: 2, setting: "retry_max"),
      retryWaitMin: try integer(
        value("retry_wait_min", "TF_HTTP_RETRY_WAIT_MIN"), default: 1, setting: "retry_wait_min"),
      retryWaitMax: try integer(
        value("retry_wait_max", "TF_HTTP_RETRY_WAIT_MAX"), default: 30, setting: "retry_wait_max"))
  }

  /// An http(s) URL with a host. User info is refused: credentials belong in username and
  /// password, and an address is shown in messages.
  static func url(_ text: String, setting: String) throws(BackendError) -> URL {
    guard let components = URLComponents(string: text), let url = components.url else {
      throw .invalidConfiguration("failed to parse \(setting) URL: it is not a valid URL.")
    }
    guard components.user == nil, components.password == nil else {
      throw .invalidConfiguration(
        "\(setting) contains a user name or password. Remove them from the URL and set the "
          + "username and password arguments (or TF_HTTP_USERNAME and TF_HTTP_PASSWORD) instead.")
    }
    guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
      throw .invalidConfiguration("\(setting) must be HTTP or HTTPS.")
    }
    guard let host = components.host, !host.isEmpty else {
      throw .invalidConfiguration(
        "\(setting) must name a host, such as https://state.example.com/state.")
    }
    return url
  }

  /// A method token (RFC 9110 `tchar`s), so that a typo cannot smuggle a header.
  static func method(_ text: String, _ setting: String) throws(BackendError) -> String {
    let allowed = Set(
      "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    guard !text.isEmpty, text.allSatisfy(allowed.contains) else {
      throw .invalidConfiguration("\(setting) \"\(text)\" is not an HTTP method name.")
    }
    return text
  }

  /// A whole number, as Terraform's `IntValue` converts strings and numbers.
  static func integer(_ text: String?, default fallback: Int, setting: String) throws(BackendError)
    -> Int
  {
    guard let text else { return fallback }
    if let whole = Int(text) { return whole }
    if let number = Double(text), number.isFinite {
      guard number == number.rounded(), abs(number) < 1e15 else {
        throw .invalidConfiguration("invalid \(setting): must be a whole number, not \(text).")
      }
      return Int(number)
    }
    throw .invalidConfiguration("invalid \(setting): a number is required, not \"\(text)\".")
  }

  /// `true` or `false` (Terraform also converts the strings "true" and "false").
  static func bool(_ text: String?, setting: String) throws(BackendError) -> Bool {
    switch text {
    case nil, "false": return false
    case "true": return true
    case let other?:
      throw .invalidConfiguration("invalid \(setting): a bool is required, not \"\(other)\".")
    }
  }
}
