import Foundation

/// `/projects/:id/members` and `/groups/:id/members`: direct memberships with access levels,
/// which decide the Maintainer/Owner rules for resource tokens and variables.
enum MemberRoutes {
  static let routes: [Route] = [ResourceReference.Kind.project, .group].flatMap { kind in
    [
      Route("GET", "/api/v4/\(kind.rawValue)s/:id/members") { try list(kind, $0, &$1) },
      Route("POST", "/api/v4/\(kind.rawValue)s/:id/members") { try add(kind, $0, &$1) },
    ]
  }

  /// Levels a membership may have: Minimal Access through Owner.
  static let memberLevels: Set<Int> = [5, 10, 15, 20, 30, 40, 50]

  static func list(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let resource = try ResourceLookup.resource(kind, request, data)
    let members = directMembers(resource, data).sorted { $0.key < $1.key }
      .compactMap { entry in data.users[entry.key].map { ($0, entry.value) } }
    return try Pagination.reply(members, request) {
      NamespaceEntity.member($0.0, $0.1, webBase: request.webBase)
    }
  }

  static func add(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: inout StoreData)
    throws -> Reply
  {
    let caller = try request.requireCaller()
    let resource = try ResourceLookup.resource(kind, request, data)
    try request.params.require(["access_level", "user_id"])
    guard let level = try request.params.int("access_level"), memberLevels.contains(level) else {
      throw APIError.parameter("access_level does not have a valid value")
    }
    let callerLevel = ResourceLookup.level(request, resource, data)
    let needed = kind == .project ? StoreData.maintainer : StoreData.owner
    guard callerLevel >= needed, level < StoreData.owner || callerLevel >= StoreData.owner else {
      throw APIError.forbidden()
    }
    guard let userID = try request.params.int("user_id"), let user = data.users[userID] else {
      throw APIError.notFound("User")
    }
    if directMembers(resource, data)[userID] != nil {
      throw APIError.message(409, "Member already exists")
    }
    let membership = MembershipRecord(
      accessLevel: level, createdAt: request.now, createdByID: caller.user.id,
      expiresAt: try request.params.day("expires_at"))
    setMembership(membership, of: userID, in: resource, &data)
    return .json(NamespaceEntity.member(user, membership, webBase: request.webBase), status: 201)
  }

  static func directMembers(_ resource: ResourceReference, _ data: StoreData)
    -> [Int: MembershipRecord]
  {
    switch resource.kind {
    case .project: return data.projects[resource.id]?.members ?? [:]
    case .group: return data.groups[resource.id]?.members ?? [:]
    case .instance: return [:]
    }
  }

  static func setMembership(
    _ membership: MembershipRecord, of userID: Int, in resource: ResourceReference,
    _ data: inout StoreData
  ) {
    switch resource.kind {
    case .project: data.projects[resource.id]?.members[userID] = membership
    case .group: data.groups[resource.id]?.members[userID] = membership
    case .instance: break
    }
  }
}
