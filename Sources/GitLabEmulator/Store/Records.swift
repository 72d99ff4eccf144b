import Foundation

/// A GitLab user: a human, the root administrator, or the bot behind a project/group token.
struct UserRecord: Codable, Equatable, Sendable {
  var id: Int
  var username: String
  var name: String
  var email: String
  var isAdmin: Bool
  /// `active` or `blocked`.
  var state: String
  var createdAt: Date
  /// The personal namespace's id (shared id space with groups, as in GitLab).
  var namespaceID: Int
  /// Set for project and group bots: the resource whose tokens this bot carries.
  var botResource: ResourceReference?
  var createdByID: Int?
  // Fields below are optional so data files written before they existed still load.
  var external: Bool?
  var note: String?
  var projectsLimit: Int?
  var canCreateGroup: Bool?
  /// nil means confirmed at creation (users created before confirmation was modelled).
  var confirmedAt: Date??
  /// A primary e-mail change waiting for reconfirmation.
  var unconfirmedEmail: String?
  var lastActivityOn: CalendarDay?
  /// `service_account` for instance and group service accounts; nil for humans and bots.
  var userType: String?
  /// The top-level group a group service account belongs to.
  var provisionedByGroupID: Int?

  var isBot: Bool { botResource != nil }
  var isServiceAccount: Bool { userType == "service_account" }
  /// `blocked?`: every state that GitLab counts as blocked.
  var isBlocked: Bool { ["blocked", "ldap_blocked", "blocked_pending_approval", "banned"].contains(state) }
  var confirmationTime: Date? { confirmedAt ?? createdAt }
}

/// Which project or group a resource token (and its bot) belongs to.
struct ResourceReference: Codable, Hashable, Sendable {
  /// `instance` owns only instance-level CI/CD variables (id 0).
  enum Kind: String, Codable, Sendable { case project, group, instance }
  var kind: Kind
  var id: Int
}

/// A group or subgroup; `members` maps user id to access level.
struct GroupRecord: Codable, Equatable, Sendable {
  var id: Int
  var name: String
  var path: String
  var parentID: Int?
  var description: String
  var createdAt: Date
  var members: [Int: MembershipRecord]
}

/// A project, living in a user's personal namespace or in a group.
struct ProjectRecord: Codable, Equatable, Sendable {
  var id: Int
  var name: String
  var path: String
  var description: String?
  /// The group id, or the owning user's personal namespace id.
  var namespaceID: Int
  var createdAt: Date
  var creatorID: Int
  var members: [Int: MembershipRecord]
}

/// One direct membership of a user in a project or group.
struct MembershipRecord: Codable, Equatable, Sendable {
  var accessLevel: Int
  var createdAt: Date
  var createdByID: Int?
  var expiresAt: CalendarDay?
}

/// A personal, impersonation or resource access token: all rows of one table in GitLab.
struct TokenRecord: Codable, Equatable, Sendable {
  var id: Int
  var userID: Int
  var name: String
  var description: String?
  var scopes: [String]
  var createdAt: Date
  var expiresAt: CalendarDay?
  var revoked: Bool
  var impersonation: Bool
  var lastUsedAt: Date?
  var lastUsedIPs: [String]
  /// The token this one replaced by rotation: the family link reuse detection walks.
  var previousID: Int?
  /// The secret. GitLab keeps only a digest; the emulator's data file is a test fixture.
  var value: String

  /// `expires_at <= now` with `expires_at` a date: the token stops at 00:00 UTC that day.
  func isExpired(at now: Date) -> Bool {
    guard let expiresAt else { return false }
    return expiresAt.start <= now
  }

  func isActive(at now: Date) -> Bool { !revoked && !isExpired(at: now) }
}

/// A CI/CD variable of a project or a group.
struct VariableRecord: Codable, Equatable, Sendable {
  var id: Int
  var owner: ResourceReference
  var key: String
  var value: String
  var variableType: String
  var isProtected: Bool
  var masked: Bool
  var hidden: Bool
  var raw: Bool
  var environmentScope: String
  var description: String?
}

/// A GitLab-managed Terraform state: its versions by serial, and the lock if held.
struct TerraformStateRecord: Codable, Equatable, Sendable {
  var projectID: Int
  var name: String
  /// The latest version's bytes; nil while the state has no version (e.g. only locked).
  var latest: Data?
  var serials: Set<Int>
  var lock: TerraformLock?
  /// Every stored version's bytes by serial (`GET …/versions/:serial`); nil in data files
  /// written before versions were kept, where only `latest` survives.
  var versions: [Int: Data]?
}

/// Who holds a Terraform state lock.
struct TerraformLock: Codable, Equatable, Sendable {
  var id: String
  var userID: Int
  var lockedAt: Date
}
