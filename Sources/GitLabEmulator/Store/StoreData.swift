import Foundation

/// Everything the emulated GitLab knows, as one value: users, groups, projects, tokens,
/// variables and Terraform states, plus the id sequences.
///
/// Collections are keyed by id; lists are sorted by id when served (GitLab's default order).
/// Every change bumps `revision` through the property observers, so the store can tell whether
/// a request changed anything and must be saved, without each handler remembering to say so.
struct StoreData: Codable, Sendable {
  /// Add users with `add(_:)` so the indexes stay current; later field changes may be direct.
  var users: [Int: UserRecord] = [:] { didSet { revision &+= 1 } }
  var groups: [Int: GroupRecord] = [:] { didSet { revision &+= 1 } }
  var projects: [Int: ProjectRecord] = [:] { didSet { revision &+= 1 } }
  /// Written only through `insert(_:)`, which keeps the token indexes current.
  private(set) var tokens: [Int: TokenRecord] = [:] { didSet { revision &+= 1 } }
  /// Written only through `save(_:)` and `removeVariable(_:)`.
  private(set) var variables: [Int: VariableRecord] = [:] { didSet { revision &+= 1 } }
  /// Keyed by `"<project id>/<name>"`.
  var terraformStates: [String: TerraformStateRecord] = [:] { didSet { revision &+= 1 } }
  /// GitLab's `redirect_routes` for projects: a former full path (lower-cased) → project id.
  var projectRedirects: [String: Int] = [:] { didSet { revision &+= 1 } }
  var sshKeys: [Int: SSHKeyRecord] = [:] { didSet { revision &+= 1 } }
  var emails: [Int: EmailRecord] = [:] { didSet { revision &+= 1 } }
  var jobs: [Int: JobRecord] = [:] { didSet { revision &+= 1 } }
  var mergeRequests: [Int: MergeRequestRecord] = [:] { didSet { revision &+= 1 } }
  var notes: [Int: NoteRecord] = [:] { didSet { revision &+= 1 } }
  /// Application settings an administrator changed (SSH key restrictions), by GitLab's name.
  var keyRestrictions: [String: Int]? { didSet { revision &+= 1 } }
  /// One sequence for keys, e-mails, jobs, merge requests and notes: their ids only need to
  /// be unique per kind, and one counter keeps the data file format small.
  var nextObjectID = 1 { didSet { revision &+= 1 } }
  var nextUserID = 1 { didSet { revision &+= 1 } }
  /// Groups and personal namespaces share one id space, as namespaces do in GitLab.
  var nextNamespaceID = 1 { didSet { revision &+= 1 } }
  var nextProjectID = 1 { didSet { revision &+= 1 } }
  var nextTokenID = 1 { didSet { revision &+= 1 } }
  var nextVariableID = 1 { didSet { revision &+= 1 } }

  /// Changes since load; not persisted.
  private(set) var revision = 0

  // MARK: - Indexes (not persisted; rebuilt on load) so that requests cost O(answer), not
  // O(everything): the engine refreshes thousands of tokens one owner at a time.

  /// Token id by secret, for authentication.
  private(set) var tokenIDsByValue: [String: Int] = [:]
  /// Token ids per owning user, ascending.
  private(set) var tokenIDsByUser: [Int: [Int]] = [:]
  /// User id by lower-cased username.
  private(set) var userIDsByUsername: [String: Int] = [:]
  /// The human (non-bot) user owning each personal namespace.
  private(set) var userIDsByNamespace: [Int: Int] = [:]
  /// Bot user ids per project or group, ascending.
  private(set) var botIDsByResource: [ResourceReference: [Int]] = [:]
  /// Variable ids per project or group, ascending.
  private(set) var variableIDsByOwner: [ResourceReference: [Int]] = [:]

  enum CodingKeys: String, CodingKey {
    case users, groups, projects, tokens, variables, terraformStates, projectRedirects
    case sshKeys, emails, jobs, mergeRequests, notes, nextObjectID, keyRestrictions
    case nextUserID, nextNamespaceID, nextProjectID, nextTokenID, nextVariableID
  }

  init() {}

  init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    users = try container.decode([Int: UserRecord].self, forKey: .users)
    groups = try container.decode([Int: GroupRecord].self, forKey: .groups)
    projects = try container.decode([Int: ProjectRecord].self, forKey: .projects)
    tokens = try container.decode([Int: TokenRecord].self, forKey: .tokens)
    variables = try container.decode([Int: VariableRecord].self, forKey: .variables)
    terraformStates = try container.decode(
      [String: TerraformStateRecord].self, forKey: .terraformStates)
    // Absent from data files written before renames existed.
    projectRedirects =
      try container.decodeIfPresent([String: Int].self, forKey: .projectRedirects) ?? [:]
    sshKeys = try container.decodeIfPresent([Int: SSHKeyRecord].self, forKey: .sshKeys) ?? [:]
    emails = try container.decodeIfPresent([Int: EmailRecord].self, forKey: .emails) ?? [:]
    jobs = try container.decodeIfPresent([Int: JobRecord].self, forKey: .jobs) ?? [:]
    mergeRequests =
      try container.decodeIfPresent([Int: MergeRequestRecord].self, forKey: .mergeRequests) ?? [:]
    notes = try container.decodeIfPresent([Int: NoteRecord].self, forKey: .notes) ?? [:]
    nextObjectID = try container.decodeIfPresent(Int.self, forKey: .nextObjectID) ?? 1
    keyRestrictions = try container.decodeIfPresent([String: Int].self, forKey: .keyRestrictions)
    nextUserID = try container.decode(Int.self, forKey: .nextUserID)
    nextNamespaceID = try container.decode(Int.self, forKey: .nextNamespaceID)
    nextProjectID = try container.decode(Int.self, forKey: .nextProjectID)
    nextTokenID = try container.decode(Int.self, forKey: .nextTokenID)
    nextVariableID = try container.decode(Int.self, forKey: .nextVariableID)
    for user in users.values.sorted(by: { $0.id < $1.id }) { index(user) }
    for token in tokens.values.sorted(by: { $0.id < $1.id }) {
      tokenIDsByValue[token.value] = token.id
      tokenIDsByUser[token.userID, default: []].append(token.id)
    }
    for variable in variables.values.sorted(by: { $0.id < $1.id }) {
      variableIDsByOwner[variable.owner, default: []].append(variable.id)
    }
    // Every user's primary address is an e-mail row (older data files had none).
    for user in users.values.sorted(by: { $0.id < $1.id })
    where !emails.values.contains(where: { $0.userID == user.id && $0.email == user.email }) {
      ensureEmailRow(for: user.id, user.email, confirmedAt: user.confirmationTime)
    }
    revision = 0
  }

  /// Adds a new user and indexes it; its primary address becomes an e-mail row.
  mutating func add(_ user: UserRecord) {
    users[user.id] = user
    index(user)
    ensureEmailRow(for: user.id, user.email, confirmedAt: user.confirmationTime)
  }

  /// The e-mail row for `address` of the user, created (with this confirmation) if missing.
  @discardableResult
  mutating func ensureEmailRow(for userID: Int, _ address: String, confirmedAt: Date?) -> Int {
    let lower = address.lowercased()
    if let existing = emails.values.first(where: { $0.userID == userID && $0.email == lower }) {
      return existing.id
    }
    let id = takeObjectID()
    emails[id] = EmailRecord(id: id, userID: userID, email: lower, confirmedAt: confirmedAt)
    return id
  }

  /// Removes the user's token rows and their index entries: their secrets stop working.
  mutating func removeTokens(ofUser userID: Int) {
    for id in tokenIDsByUser[userID] ?? [] {
      if let token = tokens[id] { tokenIDsByValue[token.value] = nil }
      tokens[id] = nil
    }
    tokenIDsByUser[userID] = nil
  }

  /// Drops the user row and its index entries.
  mutating func unindexAndRemove(_ user: UserRecord) {
    userIDsByUsername[user.username.lowercased()] = nil
    if let resource = user.botResource {
      botIDsByResource[resource]?.removeAll { $0 == user.id }
    } else if userIDsByNamespace[user.namespaceID] == user.id {
      userIDsByNamespace[user.namespaceID] = nil
    }
    users[user.id] = nil
  }

  /// Re-indexes a user whose username changed.
  mutating func rename(_ userID: Int, to username: String) {
    guard let old = users[userID] else { return }
    userIDsByUsername[old.username.lowercased()] = nil
    users[userID]?.username = username
    userIDsByUsername[username.lowercased()] = userID
  }

  private mutating func index(_ user: UserRecord) {
    userIDsByUsername[user.username.lowercased()] = user.id
    if let resource = user.botResource {
      botIDsByResource[resource, default: []].append(user.id)
    } else {
      userIDsByNamespace[user.namespaceID] = user.id
    }
  }

  func user(named username: String) -> UserRecord? {
    userIDsByUsername[username.lowercased()].flatMap { users[$0] }
  }

  /// Adds or replaces a token and keeps the token indexes current.
  mutating func insert(_ token: TokenRecord) {
    if let old = tokens[token.id] {
      if old.value != token.value { tokenIDsByValue[old.value] = nil }
    } else {
      tokenIDsByUser[token.userID, default: []].append(token.id)
    }
    tokens[token.id] = token
    tokenIDsByValue[token.value] = token.id
  }

  /// The user's tokens, id ascending.
  func tokens(ofUser userID: Int) -> [TokenRecord] {
    (tokenIDsByUser[userID] ?? []).compactMap { tokens[$0] }
  }

  /// Tokens of the resource's bots, id ascending.
  func tokens(of resource: ResourceReference) -> [TokenRecord] {
    (botIDsByResource[resource] ?? []).flatMap { tokens(ofUser: $0) }.sorted { $0.id < $1.id }
  }

  /// Adds or replaces a variable.
  mutating func save(_ variable: VariableRecord) {
    if variables[variable.id] == nil {
      variableIDsByOwner[variable.owner, default: []].append(variable.id)
    }
    variables[variable.id] = variable
  }

  mutating func removeVariable(_ id: Int) {
    guard let variable = variables[id] else { return }
    variables[id] = nil
    variableIDsByOwner[variable.owner]?.removeAll { $0 == id }
  }

  /// The resource's variables, id ascending.
  func variables(of owner: ResourceReference) -> [VariableRecord] {
    (variableIDsByOwner[owner] ?? []).compactMap { variables[$0] }
  }

  func token(withValue value: String) -> TokenRecord? {
    tokenIDsByValue[value].flatMap { tokens[$0] }
  }

  // MARK: - Id sequences

  mutating func takeUserID() -> Int { defer { nextUserID += 1 }; return nextUserID }
  mutating func takeNamespaceID() -> Int { defer { nextNamespaceID += 1 }; return nextNamespaceID }
  mutating func takeProjectID() -> Int { defer { nextProjectID += 1 }; return nextProjectID }
  mutating func takeTokenID() -> Int { defer { nextTokenID += 1 }; return nextTokenID }
  mutating func takeVariableID() -> Int { defer { nextVariableID += 1 }; return nextVariableID }
  mutating func takeObjectID() -> Int { defer { nextObjectID += 1 }; return nextObjectID }

  /// A fresh store: user 1 is `root`, an administrator whose token is `rootToken`.
  static func seeded(rootToken: String, now: Date) -> StoreData {
    var data = StoreData()
    let root = UserRecord(
      id: data.takeUserID(), username: "root", name: "Administrator", email: "admin@example.com",
      isAdmin: true, state: "active", createdAt: now, namespaceID: data.takeNamespaceID(),
      botResource: nil, createdByID: nil)
    data.add(root)
    data.insert(
      TokenRecord(
        id: data.takeTokenID(), userID: root.id, name: "emulator root token", description: nil,
        scopes: ["api", "sudo", "admin_mode"], createdAt: now, expiresAt: nil, revoked: false,
        impersonation: false, lastUsedAt: nil, lastUsedIPs: [], previousID: nil,
        value: rootToken))
    return data
  }
}
