import Foundation

/// `group_token`: a group access token — a bot user that is a member of one group.
///
/// Import id `<group>:<token-id>`, the group by id or full path (`7:12`, `platform:12`).
/// Behaves as `project_token` does (rotation in place, replacement new token first, exactly one
/// of `expires_at` and `rotation_configuration`); the scope list adds the virtual registry.
/// Managing these needs an Owner of the group (or an administrator). Refresh lists each
/// group's tokens once.
public struct GroupToken: ResourceType {
  public init() {}

  private let kind = ResourceAccessTokenKind.group

  public let name = "group_token"
  public let summary = "A group access token: a bot user with a role in one group and its projects."
  public var createsBeforeDestroying: Bool { true }
  public var computedChangedByUpdate: Set<String> { ResourceAccessTokenKind.changedByRotation }
  public var configOnlyAttributes: Set<String> { ResourceAccessTokenKind.configOnly }
  public let schema = ResourceAccessTokenKind.group.schema

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    kind.validate(config, ranges: ranges)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

  public func replacementReason(prior: Value, config: Value, today: CalendarDate) -> String? {
    TokenAttributes.replacementReason(prior: prior, config: config, today: today)
  }

  public func equivalent(
    _ attribute: String, configured: Value, prior: Value, context: ResourceContext
  ) -> Bool {
    kind.equivalent(attribute, configured: configured, prior: prior, context: context)
  }

  public func create(_ planned: Value, context: ResourceContext) throws -> Value {
    try kind.create(planned, context: context)
  }

  public func read(_ prior: Value, context: ResourceContext) throws -> Value? {
    try kind.read(prior, context: context)
  }

  public func update(prior: Value, planned: Value, context: ResourceContext) throws -> Value {
    try kind.update(prior: prior, planned: planned, context: context)
  }

  public func delete(_ prior: Value, context: ResourceContext) throws {
    try kind.delete(prior, context: context)
  }

  public func importObject(id: String) -> Result<Value, ImportIDError> {
    kind.importObject(id: id)
  }

  public func refreshKey(of prior: Value) -> String? { kind.refreshKey(of: prior) }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    try kind.readAll(priors, context: context)
  }
}
