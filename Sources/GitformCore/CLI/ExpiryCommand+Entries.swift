import Foundation

/// The rows of the expiry report: managed tokens from a plan, and (with `-all`) the tokens on
/// the same owners that no resource manages.
extension ExpiryCommand {
  /// One managed token.
  struct Entry: Equatable {
    enum Status: String {
      /// Its expiry day has come: GitLab no longer accepts it (gitlab-api.md §1.4).
      case expired
      case revoked
      /// It expires, or reaches its rotation date, within the window.
      case due
      case ok
    }

    var address: String
    var id: String
    var expiresAt: CalendarDate?
    /// Days from today to the expiry day; 0 or less once expired; nil without expiry.
    var daysLeft: Int?
    /// `expires_at − rotate_before_days`, with rotation_configuration only.
    var rotatesOn: CalendarDate?
    var status: Status
    /// What the next apply does to it: rotate, replace, destroy, or nil for nothing.
    var plannedAction: String?
    /// Why the next apply leaves an expired or revoked token as it is, and what to change
    /// instead: the plan's warning, word for word.
    var advice: String?
  }

  /// A token on a configured owner that no resource of the state manages.
  struct UnmanagedToken: Equatable {
    /// `user 12`, `project team/app`, `group team`.
    var owner: String
    /// personal, impersonation, project or group.
    var kind: String
    var tokenID: Int
    var name: String
    var expiresAt: CalendarDate?
    var daysLeft: Int?
  }

  /// The report: every row and the day it was made for.
  struct Report {
    var today: CalendarDate
    var window: Int
    var entries: [Entry]
    var unmanaged: [UnmanagedToken] = []

    /// Expired, revoked or due: the condition for exit code 2.
    var needsAttention: Bool { attentionCount > 0 }
    var attentionCount: Int { entries.filter { $0.status != .ok }.count }
  }

  /// Every managed token of the plan's (refreshed) state, soonest expiry first, then by
  /// address; tokens without expiry last.
  static func entries(_ plan: Plan, today: CalendarDate, window: Int) -> [Entry] {
    let changes = Dictionary(plan.changes.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
    var entries: [Entry] = []
    for address in plan.priorState.addresses {
      // A pending object GitLab made nothing for (no token id) has no expiry to report.
      guard let object = plan.priorState.objects[address], object.value.int("token_id") != nil,
        let type = ResourceCatalog.managed(address.resource.type), isToken(type)
      else { continue }
      let value = object.value
      let change = changes[address]
      // The configured rotation days win over the recorded ones: they are what apply uses.
      let configured = change?.after?[attribute: "rotation_configuration"]
      let rotation = configured.flatMap { $0.isNull ? nil : $0 } ?? value[attribute: "rotation_configuration"]
      let expiry = value.string("expires_at").flatMap(CalendarDate.init)
      let rotatesOn = rotation.int("rotate_before_days").flatMap { days in expiry?.adding(days: -days) }
      let daysLeft = expiry.map { $0.daysSinceEpoch - today.daysSinceEpoch }
      let status: Entry.Status
      if value.bool("revoked") == true {
        status = .revoked
      } else if let expiry, expiry <= today {
        status = .expired
      } else if let actOn = rotatesOn ?? expiry, actOn <= today.adding(days: window) {
        status = .due
      } else {
        status = .ok
      }
      entries.append(
        Entry(
          address: address.description, id: type.id(of: value), expiresAt: expiry,
          daysLeft: daysLeft, rotatesOn: rotatesOn, status: status,
          plannedAction: change.flatMap { plannedAction($0.action) },
          advice: change.flatMap { change in
            change.action == .noOp
              ? type.unrenewable(prior: value, config: change.after ?? value, today: today)?.advice : nil
          }))
    }
    return entries.sorted { a, b in
      switch (a.expiresAt, b.expiresAt) {
      case (let x?, let y?) where x != y: return x < y
      case (nil, _?): return false
      case (_?, nil): return true
      default: return a.address < b.address
      }
    }
  }

  /// Tokens have a GitLab token id; variables do not.
  static func isToken(_ type: any ResourceType) -> Bool {
    type.schema.attribute("token_id") != nil
  }

  private static func plannedAction(_ action: ChangeAction) -> String? {
    switch action {
    case .update: return "rotate"
    case .replace: return "replace"
    case .delete: return "destroy"
    case .create, .read, .noOp: return nil
    }
  }

  /// The tokens of every user, project and group the configuration or the state names that
  /// are neither revoked nor managed: one list request per owner (and page).
  static func unmanaged(_ plan: Plan, context: ResourceContext) throws -> [UnmanagedToken] {
    var users: Set<Int> = []
    var projects: Set<String> = []
    var groups: Set<String> = []
    var managed: Set<Int> = []
    let values =
      plan.priorState.objects.map { ($0.key, $0.value.value) }
      + plan.changes.compactMap { change in change.after.map { (change.address, $0) } }
    for (address, value) in values {
      if let tokenID = value.int("token_id"), plan.priorState.objects[address] != nil { managed.insert(tokenID) }
      switch address.resource.type {
      case "user_token", "impersonation_token":
        if let user = value.int("user_id") { users.insert(user) }
      case "project_token":
        if let project = value.string("project") { projects.insert(project) }
      case "group_token":
        if let group = value.string("group") { groups.insert(group) }
      default: break
      }
    }
    let today = context.today
    var found: [Int: UnmanagedToken] = [:]
    func add(_ records: [GitLabAccessToken], owner: String, kind: String) {
      for record in records where !record.revoked && !managed.contains(record.id) && found[record.id] == nil {
        found[record.id] = UnmanagedToken(
          owner: owner, kind: record.impersonation == true ? "impersonation" : kind,
          tokenID: record.id, name: record.name, expiresAt: record.expiresAt,
          daysLeft: record.expiresAt.map { $0.daysSinceEpoch - today.daysSinceEpoch })
      }
    }
    for user in users.sorted() {
      add(try context.client.personalAccessTokens(userID: user), owner: "user \(user)", kind: "personal")
      add(try context.client.impersonationTokens(userID: user), owner: "user \(user)", kind: "impersonation")
    }
    for project in projects.sorted() {
      add(try context.client.resourceAccessTokens(of: .project(GitLabReference(project))), owner: "project \(project)", kind: "project")
    }
    for group in groups.sorted() {
      add(try context.client.resourceAccessTokens(of: .group(GitLabReference(group))), owner: "group \(group)", kind: "group")
    }
    return found.values.sorted { a, b in
      switch (a.expiresAt, b.expiresAt) {
      case (let x?, let y?) where x != y: return x < y
      case (nil, _?): return false
      case (_?, nil): return true
      default: return a.tokenID < b.tokenID
      }
    }
  }
}
