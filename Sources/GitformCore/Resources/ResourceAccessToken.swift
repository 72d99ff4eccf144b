import Foundation

/// `project_token` and `group_token`: a project or group access token — a bot user that is a
/// member of one project or group.
///
/// Import id `<project>:<token-id>` or `<group>:<token-id>`, the owner by id or full path
/// (`42:7`, `group/app:7`). A changed `expires_at` (or rotation due by `rotation_configuration`)
/// rotates the token in place, keeping its bot user; every other configured change replaces it,
/// new token first. Exactly one of `expires_at` and `rotation_configuration` is required; group
/// tokens add the virtual registry scopes. Managing these needs a Maintainer of the project or an
/// Owner of the group (or an administrator). Refresh lists each owner's tokens once.
///
/// One type serves both, as GitLab's one implementation does: the differences are the facts
/// of `ResourceAccessTokenKind`.
public struct ResourceAccessToken: AccessTokenType {
  public static let project = ResourceAccessToken(kind: .project)
  public static let group = ResourceAccessToken(kind: .group)

  let kind: ResourceAccessTokenKind

  public var name: String { kind.isGroup ? "group_token" : "project_token" }
  public var summary: String {
    kind.isGroup
      ? "A group access token: a bot user with a role in one group and its projects."
      : "A project access token: a bot user with a role in one project."
  }
  public var createsBeforeDestroying: Bool { true }
  public var computedChangedByUpdate: Set<String> { ResourceAccessTokenKind.changedByRotation }
  public var configOnlyAttributes: Set<String> { ResourceAccessTokenKind.configOnly }
  public var schema: ResourceSchema { kind.schema }

  public func validate(_ config: Value, ranges: AttributeRanges) -> [Diagnostic] {
    kind.validate(config, ranges: ranges)
  }

  public func id(of object: Value) -> String { object.string("id") ?? "" }

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

  public func owner(of planned: Value) -> ObjectOwner? {
    TokenAttributes.owner(planned, kind.isGroup ? .group : .project, attribute: kind.owner)
  }

  public func readAll(_ priors: [Value], context: ResourceContext) throws -> [Value?] {
    try kind.readAll(priors, context: context)
  }
}
