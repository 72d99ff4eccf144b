/// The attributes of a user gitform creates (`POST /users`) or changes (`PUT /users/:id`).
///
/// Nil fields are not sent: an update sends only what changed, as the Terraform provider does.
/// The password stays a `SecretValue`, so the client scrubs it from any error GitLab echoes.
public struct UserSettings: Sendable, Equatable {
  public var username: String?
  public var name: String?
  public var email: String?
  public var password: SecretValue?
  /// Create only: GitLab mails a reset link instead of taking a password.
  public var resetPassword: Bool?
  /// Create only: GitLab sets a random password nobody knows (bots).
  public var forceRandomPassword: Bool?
  /// Create only: the e-mail counts as confirmed at once.
  public var skipConfirmation: Bool?
  public var isAdmin: Bool?
  public var canCreateGroup: Bool?
  public var projectsLimit: Int?
  public var external: Bool?
  public var note: String?

  public init(
    username: String? = nil, name: String? = nil, email: String? = nil, password: SecretValue? = nil,
    resetPassword: Bool? = nil, forceRandomPassword: Bool? = nil, skipConfirmation: Bool? = nil,
    isAdmin: Bool? = nil, canCreateGroup: Bool? = nil, projectsLimit: Int? = nil,
    external: Bool? = nil, note: String? = nil
  ) {
    self.username = username
    self.name = name
    self.email = email
    self.password = password
    self.resetPassword = resetPassword
    self.forceRandomPassword = forceRandomPassword
    self.skipConfirmation = skipConfirmation
    self.isAdmin = isAdmin
    self.canCreateGroup = canCreateGroup
    self.projectsLimit = projectsLimit
    self.external = external
    self.note = note
  }

  /// The JSON body. An update that changes the e-mail adds `skip_reconfirmation`: without it
  /// GitLab keeps the old address until the new one is confirmed, and the change never shows.
  func body(forCreate: Bool) -> [String: Any] {
    var body: [String: Any] = [:]
    if let username { body["username"] = username }
    if let name { body["name"] = name }
    if let email {
      body["email"] = email
      if !forCreate { body["skip_reconfirmation"] = true }
    }
    if let password { body["password"] = password }
    if forCreate {
      if let resetPassword { body["reset_password"] = resetPassword }
      if let forceRandomPassword { body["force_random_password"] = forceRandomPassword }
      if let skipConfirmation { body["skip_confirmation"] = skipConfirmation }
    }
    if let isAdmin { body["admin"] = isAdmin }
    if let canCreateGroup { body["can_create_group"] = canCreateGroup }
    if let projectsLimit { body["projects_limit"] = projectsLimit }
    if let external { body["external"] = external }
    if let note { body["note"] = note }
    return body
  }
}
