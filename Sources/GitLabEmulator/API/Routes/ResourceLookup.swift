// API/Routes/ holds one file per GitLab API family (users, namespaces, members, the three
// token kinds, variables, Terraform state), each a table of `Route`s and static handlers that
// read like the Ruby endpoints they emulate. For: parameters, permissions, status codes and
// error texts per endpoint. Not for: record rules shared by every endpoint (Store/) or entity
// shapes (API/Entities/).
import Foundation

/// Finding the project or group a route's `:id` names, with GitLab's visibility rule: a
/// resource the caller cannot read is "404 Project/Group Not Found", never 403.
enum ResourceLookup {
  static func project(_ request: APIRequest, _ data: StoreData) throws -> ProjectRecord {
    let identifier = request.path("id")
    if let project = data.findProject(identifier), canRead(project, request, data) {
      try JobTokenAuthentication.checkScope(request.caller, reaching: project, data)
      return project
    }
    if let project = data.findProject(identifier) {
      try JobTokenAuthentication.checkScope(request.caller, reaching: project, data)
    }
    // `find_project` follows redirect routes for paths; `find_project!` then answers a GET
    // with 301 to the numeric id and anything else with 405 (§6.4 of the CI reference).
    if data.findProject(identifier) == nil, let moved = data.redirectedProject(identifier),
      canRead(moved, request, data)
    {
      guard request.http.method == "GET" || request.http.method == "HEAD" else {
        throw APIError.movedProjectWrite
      }
      throw APIError.movedPermanently(to: movedLocation(request, to: moved.id))
    }
    throw APIError.notFound("Project")
  }

  /// The request's URL with the `:id` segment replaced by the project's numeric id.
  private static func movedLocation(_ request: APIRequest, to id: Int) -> String {
    let position = request.route.segments.firstIndex(of: ":id") ?? 0
    var segments = request.http.path.split(separator: "/", omittingEmptySubsequences: false)
      .map(String.init)
    if position < segments.count { segments[position] = String(id) }
    let query = request.http.query.map { "?" + $0 } ?? ""
    return request.webBase + segments.joined(separator: "/") + query
  }

  static func group(_ request: APIRequest, _ data: StoreData) throws -> GroupRecord {
    guard let group = data.findGroup(request.path("id")),
      request.isAdmin
        || request.caller.map({ data.accessLevel(of: $0.user.id, inGroup: group.id) > 0 }) == true
    else { throw APIError.notFound("Group") }
    return group
  }

  /// The resource of a `/projects/:id/...` or `/groups/:id/...` route.
  static func resource(_ kind: ResourceReference.Kind, _ request: APIRequest, _ data: StoreData)
    throws -> ResourceReference
  {
    switch kind {
    case .project: return ResourceReference(kind: .project, id: try project(request, data).id)
    case .group: return ResourceReference(kind: .group, id: try group(request, data).id)
    case .instance:
      try request.requireAdmin()
      return ResourceReference(kind: .instance, id: 0)
    }
  }

  static func canRead(_ project: ProjectRecord, _ request: APIRequest, _ data: StoreData) -> Bool {
    guard let caller = request.caller else { return false }
    return caller.user.isAdmin || data.accessLevel(of: caller.user.id, inProject: project) > 0
  }

  /// The caller's level on the resource; administrators count as above Owner.
  static func level(_ request: APIRequest, _ resource: ResourceReference, _ data: StoreData)
    -> Int
  {
    guard let caller = request.caller else { return 0 }
    if caller.user.isAdmin { return 60 }
    return data.accessLevel(of: caller.user.id, in: resource)
  }

  /// GitLab's word for the resource in messages: "project" or "group".
  static func noun(_ kind: ResourceReference.Kind) -> String { kind.rawValue }

  /// "Project" or "Group" for `not_found!`.
  static func title(_ kind: ResourceReference.Kind) -> String {
    switch kind {
    case .project: return "Project"
    case .group: return "Group"
    case .instance: return "Instance"
    }
  }
}
