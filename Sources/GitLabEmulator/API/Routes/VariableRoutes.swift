import Foundation

/// CI/CD variables of projects and groups (§6): list, get, create, update, delete, with
/// `filter[environment_scope]`, masked-value rules and hidden variables.
enum VariableRoutes {
  static let routes: [Route] = [ResourceReference.Kind.project, .group].flatMap { kind in
    let base = "/api/v4/\(kind.rawValue)s/:id/variables"
    return [
      Route("GET", base) { try list(kind, $0, &$1) },
      Route("POST", base) { try VariableEditing.create(kind, $0, &$1) },
      Route("GET", base + "/:key") { try show(kind, $0, &$1) },
      Route("PUT", base + "/:key") { try VariableEditing.update(kind, $0, &$1) },
      Route("DELETE", base + "/:key") { try delete(kind, $0, &$1) },
    ]
  } + instanceRoutes

  /// `/admin/ci/variables` (§7.1 of the CI reference): the same handlers for the instance.
  static let instanceRoutes: [Route] = {
    let base = "/api/v4/admin/ci/variables"
    return [
      Route("GET", base) { try list(.instance, $0, &$1) },
      Route("POST", base) { try VariableEditing.create(.instance, $0, &$1) },
      Route("GET", base + "/:key") { try show(.instance, $0, &$1) },
      Route("PUT", base + "/:key") { try VariableEditing.update(.instance, $0, &$1) },
      Route("DELETE", base + "/:key") { try delete(.instance, $0, &$1) },
    ]
  }()

  static let ambiguous =
    "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"

  /// The resource, if the caller may administer its variables (Maintainer / Owner), else 403.
  static func resource(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: StoreData)
    throws -> ResourceReference
  {
    _ = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    let needed = kind == .project ? StoreData.maintainer : StoreData.owner
    guard ResourceLookup.level(request, resource, data) >= needed else {
      throw APIError.forbidden()
    }
    return resource
  }

  static func variables(of resource: ResourceReference, _ data: StoreData) -> [VariableRecord] {
    data.variables(of: resource)
  }

  /// `find_variable`: by key and optional scope filter; none is 404, several is 409.
  /// `firstWins` is the group update's backward-compatible "take the first" rule.
  static func find(_ resource: ResourceReference, _ request: APIRequest, _ data: StoreData,
    firstWins: Bool = false) throws -> VariableRecord
  {
    let key = request.path("key")
    // Instance variables have no scope: the key alone is unique.
    let scope = resource.kind == .instance ? nil : try request.params.string("filter[environment_scope]")
    let matches = variables(of: resource, data).filter {
      $0.key == key && (scope == nil || $0.environmentScope == scope)
    }
    guard let first = matches.first else {
      throw APIError.notFound(notFoundName(resource.kind))
    }
    if matches.count > 1, !(firstWins && scope == nil) { throw APIError.message(409, ambiguous) }
    return first
  }

  static func notFoundName(_ kind: ResourceReference.Kind) -> String {
    switch kind {
    case .project: return "Variable"
    case .group: return "GroupVariable"
    case .instance: return "InstanceVariable"
    }
  }

  static func list(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let owner = try resource(kind, request, data)
    return try Pagination.reply(variables(of: owner, data), request, render: NamespaceEntity.variable)
  }

  static func show(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let owner = try resource(kind, request, data)
    return .json(NamespaceEntity.variable(try find(owner, request, data)))
  }

  static func delete(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let owner = try resource(kind, request, data)
    let variable = try find(owner, request, data)
    data.removeVariable(variable.id)
    return .noContent
  }
}
