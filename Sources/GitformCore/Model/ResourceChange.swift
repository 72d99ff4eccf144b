/// What will happen to one resource instance: Terraform's `plans.Action`, where a replacement
/// is one of two actions by its order.
public enum ChangeAction: String, Sendable, Equatable {
  case noOp = "no-op"
  case create
  case read
  case update
  /// The old object goes first (its name or key must be free for the new one).
  case deleteThenCreate = "delete-then-create"
  /// The new object exists before the old one goes (a token's dependents never hold a revoked value).
  case createThenDelete = "create-then-delete"
  case delete
  /// The object leaves the state and stays live (`removed` with `destroy = false`).
  case forget

  /// The replacement in the order `createBeforeDestroy` asks for.
  public static func replace(createBeforeDestroy: Bool) -> ChangeAction {
    createBeforeDestroy ? .createThenDelete : .deleteThenCreate
  }

  /// Either order of replacement.
  public var isReplace: Bool { self == .deleteThenCreate || self == .createThenDelete }
}

/// One planned change, with the values before and after.
public struct ResourceChange: Sendable {
  public var address: ResourceInstanceAddress
  public var action: ChangeAction
  /// Why, as data (the views word it): revoked outside gitform, not in configuration, -replace.
  public var reason: ActionReason?
  /// The refreshed prior object (nil for create and read).
  public var before: Value?
  /// The planned object, unknown where GitLab decides (nil for delete).
  public var after: Value?
  /// Attributes whose change forces the replacement.
  public var replacePaths: Set<String>
  /// Set when the instance is imported by this plan (an `import` block).
  public var importID: String?
  /// For a replacement: the new object exists before the old one is deleted.
  public var createBeforeDestroy: Bool { action == .createThenDelete }
  /// For an update: it makes a new secret (a token's rotation), which the plan says.
  public var isRotation = false
  /// The resource blocks it depends on (recorded in state, used to order deletes).
  public var dependencies: [ResourceAddress]
  /// Set for the deletion of a deposed object (left over from an interrupted replacement).
  public var deposedKey: String?
  /// Where the state had it before a `moved` block gave it this address.
  public var previousAddress: ResourceInstanceAddress?

  public init(
    address: ResourceInstanceAddress, action: ChangeAction,
    reason: ActionReason? = nil, before: Value?, after: Value?, replacePaths: Set<String> = [],
    importID: String? = nil, dependencies: [ResourceAddress] = []
  ) {
    self.address = address
    self.action = action
    self.reason = reason
    self.before = before
    self.after = after
    self.replacePaths = replacePaths
    self.importID = importID
    self.dependencies = dependencies
    self.deposedKey = nil
  }
}
