import Foundation

/// What `gitform expiry` reports: every managed object that expires, from a plan (so it shows
/// what GitLab has now and what the next apply would do about it), and with `-all` the expiring
/// objects beside them that no resource manages.
///
/// Made by asking each resource type of the catalog (`expiry(of:config:)`, `expiryListing`);
/// nothing here knows what a token is. The views (`ExpiryReportView`) word it.
public struct ExpiryReport: Sendable {
  /// One managed object.
  public struct Entry: Equatable, Sendable {
    public enum Status: String, Sendable {
      /// Its expiry day has come: GitLab no longer accepts it (gitlab-api.md §1.4).
      case expired
      case revoked
      /// It expires, or reaches its rotation date, within the window.
      case due
      case ok
    }

    public var address: String
    public var id: String
    public var expiresAt: CalendarDate?
    /// Days from today to the expiry day; 0 or less once expired; nil without expiry.
    public var daysLeft: Int?
    /// The day gitform's rotation settings renew it, if any.
    public var rotatesOn: CalendarDate?
    public var status: Status
    /// What the next apply does to it: rotate, replace, destroy, or nil for nothing.
    public var plannedAction: String?
    /// Why the next apply leaves an expired or revoked object as it is, and what to change
    /// instead: the plan's warning, word for word.
    public var advice: String?
  }

  /// An expiring object on a configured owner that no resource of the state manages.
  public struct Unmanaged: Equatable, Sendable {
    public var object: ExpiringObject
    public var daysLeft: Int?
  }

  public var today: CalendarDate
  public var window: Int
  public var entries: [Entry]
  public var unmanaged: [Unmanaged] = []

  /// Expired, revoked or due: the condition for exit code 2.
  public var needsAttention: Bool { attentionCount > 0 }
  public var attentionCount: Int { entries.filter { $0.status != .ok }.count }

  /// Every managed object of the plan's (refreshed) state that expires, soonest first, then by
  /// address; those without expiry last.
  public init(plan: Plan, catalog: ResourceCatalog, today: CalendarDate, window: Int) {
    self.today = today
    self.window = window
    let changes = Dictionary(plan.changes.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
    var entries: [Entry] = []
    for address in plan.priorState.addresses {
      guard let object = plan.priorState.objects[address], let type = catalog.managed(address.resource.type)
      else { continue }
      let value = object.value
      let change = changes[address]
      guard let facts = type.expiry(of: value, config: change?.after) else { continue }
      let status: Entry.Status
      if facts.revoked {
        status = .revoked
      } else if let expiry = facts.expiresAt, expiry <= today {
        status = .expired
      } else if let actOn = facts.rotatesOn ?? facts.expiresAt, actOn <= today.adding(days: window) {
        status = .due
      } else {
        status = .ok
      }
      entries.append(
        Entry(
          address: address.description, id: type.id(of: value), expiresAt: facts.expiresAt,
          daysLeft: facts.expiresAt.map { $0.daysSinceEpoch - today.daysSinceEpoch }, rotatesOn: facts.rotatesOn,
          status: status, plannedAction: change.flatMap { ExpiryReport.plannedAction($0.action) },
          advice: change.flatMap { change in
            change.action == .noOp
              ? type.unrenewable(prior: value, config: change.after ?? value, today: today)?.advice : nil
          }))
    }
    self.entries = entries.sorted { a, b in
      ExpiryReport.soonerFirst(a.expiresAt, b.expiresAt) ?? (a.address < b.address)
    }
  }

  private static func plannedAction(_ action: ChangeAction) -> String? {
    switch action {
    case .update: return "rotate"
    case .deleteThenCreate, .createThenDelete: return "replace"
    case .delete: return "destroy"
    case .create, .read, .noOp, .forget: return nil
    }
  }

  /// True or false when the dates order the two (a date before none), nil when they tie.
  private static func soonerFirst(_ a: CalendarDate?, _ b: CalendarDate?) -> Bool? {
    switch (a, b) {
    case (let x?, let y?) where x != y: return x < y
    case (nil, _?): return false
    case (_?, nil): return true
    default: return nil
    }
  }

  /// The expiring objects of every owner the configuration or the state names that are neither
  /// revoked nor managed: one listing per owner (and page).
  public static func unmanaged(_ plan: Plan, catalog: ResourceCatalog, context: ResourceContext) throws -> [Unmanaged] {
    var listings: [String: ExpiryListing] = [:]
    var managed: Set<Int> = []
    let values =
      plan.priorState.objects.map { ($0.key, $0.value.value) }
      + plan.changes.compactMap { change in change.after.map { (change.address, $0) } }
    for (address, value) in values {
      guard let type = catalog.managed(address.resource.type) else { continue }
      if plan.priorState.objects[address] != nil, let id = type.expiry(of: value, config: nil)?.listedID {
        managed.insert(id)
      }
      if let listing = type.expiryListing(of: value), listings[listing.key] == nil { listings[listing.key] = listing }
    }
    let today = context.today
    var found: [Int: Unmanaged] = [:]
    for listing in listings.values.sorted(by: { $0.precedes($1) }) {
      for object in try listing.list(context) where !object.revoked && !managed.contains(object.id) && found[object.id] == nil {
        found[object.id] = Unmanaged(
          object: object, daysLeft: object.expiresAt.map { $0.daysSinceEpoch - today.daysSinceEpoch })
      }
    }
    return found.values.sorted { a, b in
      soonerFirst(a.object.expiresAt, b.object.expiresAt) ?? (a.object.id < b.object.id)
    }
  }
}
