/// What expires when, as a type tells `gitform expiry`: the engine's report loops over the
/// catalog and never reads an attribute itself.
public struct ExpiryFacts: Sendable, Equatable {
  /// The day it stops working, nil when it never expires.
  public var expiresAt: CalendarDate?
  /// The day gitform's rotation settings renew it (`expires_at − rotate_before_days`), if any.
  public var rotatesOn: CalendarDate?
  public var revoked: Bool
  /// GitLab's id of the object, as `ExpiryListing` reports it: a managed object is left out of
  /// the listing of unmanaged ones by it.
  public var listedID: Int?

  /// The expiry report's JSON name for `expiresAt`: the attribute it comes from.
  public static let expiresAtKey = "expires_at"

  public init(expiresAt: CalendarDate?, rotatesOn: CalendarDate?, revoked: Bool, listedID: Int?) {
    self.expiresAt = expiresAt
    self.rotatesOn = rotatesOn
    self.revoked = revoked
    self.listedID = listedID
  }
}

/// An object GitLab holds that expires, whether or not a resource manages it.
public struct ExpiringObject: Sendable, Equatable {
  /// `user 12`, `project team/app`, `group team`.
  public var owner: String
  /// personal, impersonation, project or group.
  public var kind: String
  public var id: Int
  public var name: String
  public var expiresAt: CalendarDate?
  public var revoked: Bool

  /// The expiry report's JSON name for `id`: GitLab's name for a token's id.
  public static let idKey = "token_id"

  public init(owner: String, kind: String, id: Int, name: String, expiresAt: CalendarDate?, revoked: Bool) {
    self.owner = owner
    self.kind = kind
    self.id = id
    self.name = name
    self.expiresAt = expiresAt
    self.revoked = revoked
  }
}

/// How to list the expiring objects of one owner: objects of several types that share an owner
/// (a user's personal and impersonation tokens) share a `key`, and the listing runs once per key.
public struct ExpiryListing: Sendable {
  /// The owner, as `ExpiringObject.owner` says it: `user 12`.
  public var key: String
  /// Ordering of owners in the listing: by rank (users, then projects, then groups), then by
  /// `order` (a user's id), then by key.
  public var rank: Int
  public var order: Int
  public var list: @Sendable (ResourceContext) throws -> [ExpiringObject]

  public init(
    key: String, rank: Int, order: Int, list: @escaping @Sendable (ResourceContext) throws -> [ExpiringObject]
  ) {
    self.key = key
    self.rank = rank
    self.order = order
    self.list = list
  }

  /// True when `self` is listed before `other`.
  public func precedes(_ other: ExpiryListing) -> Bool {
    (rank, order, key) < (other.rank, other.order, other.key)
  }
}
