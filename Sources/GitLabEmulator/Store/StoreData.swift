import Foundation

/// Everything the emulated GitLab knows, as one value: users, groups, projects, tokens,
/// variables and Terraform states, plus the id sequences.
///
/// Collections are keyed by id; lists are sorted by id when served (GitLab's default order).
/// Every change bumps `revision` through the property observers, so the store can tell whether
/// a request changed anything and must be saved, without each handler remembering to say so.
struct StoreData: Codable, Sendable {
  var users: [Int: UserRecord] = [:] { didSet { revision &+= 1 } }
  var groups: [Int: GroupRecord] = [:] { didSet { revision &+= 1 } }
  var projects: [Int: ProjectRecord] = [:] { didSet { revision &+= 1 } }
  var tokens: [Int: TokenRecord] = [:] {
    didSet { revision &+= 1 }
  }
  var variables: [Int: VariableRecord] = [:] { didSet { revision &+= 1 } }
  /// Keyed by `"<project id>/<name>"`.
  var terraformStates: [String: TerraformStateRecord] = [:] { didSet { revision &+= 1 } }
  var nextUserID = 1 { didSet { revision &+= 1 } }
  /// Groups and personal namespaces share one id space, as namespaces do in GitLab.
  var nextNamespaceID = 1 { didSet { revision &+= 1 } }
  var nextProjectID = 1 { didSet { revision &+= 1 } }
  var nextTokenID = 1 { didSet { revision &+= 1 } }
  var nextVariableID = 1 { didSet { revision &+= 1 } }

  /// Changes since load; not persisted.
  private(set) var revision = 0
  /// Token id by secret, for authentication; rebuilt on load, kept current by `insert(_:)`.
  private(set) var tokenIDsByValue: [String: Int] = [:]

  enum CodingKeys: String, CodingKey {
    case users, groups, projects, tokens, variables, terraformStates
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
    nextUserID = try container.decode(Int.self, forKey: .nextUserID)
    nextNamespaceID = try container.decode(Int.self, forKey: .nextNamespaceID)
    nextProjectID = try container.decode(Int.self, forKey: .nextProjectID)
    nextTokenID = try container.decode(Int.self, forKey: .nextTokenID)
    nextVariableID = try container.decode(Int.self, forKey: .nextVariableID)
    rebuildTokenIndex()
    revision = 0
  }

  mutating func rebuildTokenIndex() {
    tokenIDsByValue = Dictionary(tokens.values.map { ($0.value, $0.id) }) { first, _ in first }
  }

  /// Adds or replaces a token and keeps the secret index current.
  mutating func insert(_ token: TokenRecord) {
    if let old = tokens[token.id], old.value != token.value {
      tokenIDsByValue[old.value] = nil
    }
    tokens[token.id] = token
    tokenIDsByValue[token.value] = token.id
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

  /// A fresh store: user 1 is `root`, an administrator whose token is `rootToken`.
  static func seeded(rootToken: String, now: Date) -> StoreData {
    var data = StoreData()
    let root = UserRecord(
      id: data.takeUserID(), username: "root", name: "Administrator", email: "admin@example.com",
      isAdmin: true, state: "active", createdAt: now, namespaceID: data.takeNamespaceID(),
      botResource: nil, createdByID: nil)
    data.users[root.id] = root
    data.insert(
      TokenRecord(
        id: data.takeTokenID(), userID: root.id, name: "emulator root token", description: nil,
        scopes: ["api", "sudo", "admin_mode"], createdAt: now, expiresAt: nil, revoked: false,
        impersonation: false, lastUsedAt: nil, lastUsedIPs: [], previousID: nil,
        value: rootToken))
    return data
  }
}
