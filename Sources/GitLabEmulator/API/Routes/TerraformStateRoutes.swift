import Foundation

/// GitLab-managed Terraform state (§7): the HTTP backend's state and lock routes, with HTTP
/// Basic auth (password = token), the serial rules, the lock `ID` check and GitLab's 409
/// carrying the holder's lock info.
enum TerraformStateRoutes {
  static let base = "/api/v4/projects/:id/terraform/state/:name"
  static let routes: [Route] = [
    Route("GET", base, basicAuth: true, jobTokens: .basicAuth, show),
    Route("POST", base, basicAuth: true, rawBody: true, jobTokens: .basicAuth, update),
    Route("DELETE", base, basicAuth: true, jobTokens: .basicAuth, delete),
    Route("POST", base + "/lock", basicAuth: true, jobTokens: .basicAuth, lock),
    Route("DELETE", base + "/lock", basicAuth: true, jobTokens: .basicAuth, unlock),
  ] + TerraformStateVersionRoutes.routes

  /// The project and the state's key, if the caller may read (Developer+) and, for writes,
  /// administer (Maintainer+) Terraform state.
  static func access(_ request: APIRequest, _ data: StoreData, write: Bool) throws
    -> (project: ProjectRecord, key: String)
  {
    _ = try request.requireCaller()
    let project = try ResourceLookup.project(request, data)
    let level = ResourceLookup.level(request, ResourceReference(kind: .project, id: project.id), data)
    guard level >= (write ? StoreData.maintainer : StoreData.developer) else {
      throw APIError.forbidden()
    }
    let name = request.path("name")
    if name.count > 255 { throw APIError.parameter("name is too long") }
    if let id = try request.params.string("ID"), id.count > 255 {
      throw APIError.parameter("ID is too long")
    }
    return (project, "\(project.id)/\(name)")
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, key) = try access(request, data, write: false)
    guard let state = data.terraformStates[key] else { throw APIError.recordNotFound }
    guard let latest = state.latest else { return .noContent }
    return Reply(status: 200, body: .raw(latest, contentType: "application/octet-stream"))
  }

  static func update(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (project, key) = try access(request, data, write: true)
    let body = request.http.body
    if body.isEmpty { return .noContent }
    guard let document = try? JSONParser.parse(body) else {
      throw APIError.message(422, "invalid JSON")
    }
    guard let serial = document["serial"]?.intValue else {
      throw APIError.message(422, "No serial in payload")
    }
    var state = data.terraformStates[key]
      ?? TerraformStateRecord(projectID: project.id, name: request.path("name"), latest: nil,
        serials: [], lock: nil)
    let lockID = try request.params.string("ID")
    let matches = state.lock == nil ? lockID == nil : lockID == state.lock?.id
    // GitLab raises StateLockedError here and does not rescue it: a 500.
    guard matches else { throw APIError.message(500, "500 Internal Server Error") }
    if state.serials.contains(serial) { throw APIError.message(422, "422 Unprocessable Entity") }
    state.serials.insert(serial)
    state.latest = body
    var versions = state.versions ?? [:]
    versions[serial] = body
    state.versions = versions
    data.terraformStates[key] = state
    return .empty(200)
  }

  /// A locked state is not deleted, yet the answer is still 200, as in GitLab.
  static func delete(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, key) = try access(request, data, write: true)
    guard let state = data.terraformStates[key] else { throw APIError.recordNotFound }
    if state.lock == nil { data.terraformStates[key] = nil }
    return .empty(200)
  }

  static func lock(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    let (project, key) = try access(request, data, write: true)
    let params = request.params
    let fields = ["ID", "Operation", "Info", "Who", "Version", "Created", "Path"]
    try params.require(fields)
    var state = data.terraformStates[key]
      ?? TerraformStateRecord(projectID: project.id, name: request.path("name"), latest: nil,
        serials: [], lock: nil)
    let status: Int
    if state.lock == nil {
      state.lock = TerraformLock(
        id: try params.string("ID") ?? "", userID: caller.user.id, lockedAt: request.now)
      data.terraformStates[key] = state
      status = 200
    } else {
      if data.terraformStates[key] == nil { data.terraformStates[key] = state }
      status = 409
    }
    let holder = state.lock.flatMap { data.users[$0.userID] }
    // Operation, Info, Version and Path echo this request even on 409; ID, Who and Created
    // describe the lock actually held.
    let info: JSONValue = .object([
      ("Operation", .optional(try params.string("Operation"))),
      ("Info", .optional(try params.string("Info"))),
      ("Version", .optional(try params.string("Version"))),
      ("Path", .optional(try params.string("Path"))),
      ("ID", .optional(state.lock?.id)),
      ("Who", .optional(holder?.username)),
      ("Created", .optional(state.lock.map { Timestamp.format($0.lockedAt) })),
    ])
    return .json(info, status: status)
  }

  /// No `ID` force-unlocks; a matching `ID` unlocks; another `ID` is 409.
  static func unlock(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, key) = try access(request, data, write: true)
    guard var state = data.terraformStates[key] else { throw APIError.recordNotFound }
    if let id = try request.params.string("ID"), id != state.lock?.id {
      return .json(.int(409), status: 409)
    }
    state.lock = nil
    data.terraformStates[key] = state
    return .json(.int(200))
  }
}
