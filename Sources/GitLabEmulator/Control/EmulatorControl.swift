// Control/ is what the emulator adds for testing, outside GitLab's API: the /-/emulator/
// routes (stats, clock, faults), scripted faults, rate limiting, latency and seeded random
// failures. Not for: GitLab behaviour itself (API/, Store/).
import Foundation

/// The `/-/emulator/` routes of DESIGN.md: stats, clock, faults and CI jobs. They need the configured
/// root token (compared directly, so a revoked or rotated root token row does not lock tests
/// out) and are not counted in the stats.
struct EmulatorControl: Sendable {
  let rootToken: String
  let store: Store
  let stats: RequestStats
  let faults: FaultScript
  let router: Router

  func handle(_ request: HTTPRequest) -> HTTPResponse {
    do {
      let params = try Parameters(
        query: request.query, body: request.body, contentType: request.header("Content-Type"),
        includeBody: true)
      guard Authentication.credential(of: request, params: params, basicAllowed: false) == rootToken
      else { throw APIError.unauthorized }
      switch (request.method, request.path) {
      case ("GET", "/-/emulator/stats"): return GitLabAPI.response(.json(stats.snapshot()))
      case ("DELETE", "/-/emulator/stats"):
        stats.reset()
        return GitLabAPI.response(.noContent)
      case ("GET", "/-/emulator/clock"): return clockReply(store.now)
      case ("POST", "/-/emulator/clock"): return try setClock(params)
      case ("POST", "/-/emulator/faults"): return try addFault(params)
      case ("DELETE", "/-/emulator/faults"):
        faults.clear()
        return GitLabAPI.response(.noContent)
      case ("POST", "/-/emulator/job_tokens"): return try startJob(params)
      case ("POST", "/-/emulator/system_notes"): return try addSystemNote(params)
      case ("DELETE", "/-/emulator/job_tokens"): return try finishJob(try params.string("token"))
      case ("DELETE", _) where request.path.hasPrefix("/-/emulator/job_tokens/"):
        return try finishJob(String(request.path.dropFirst("/-/emulator/job_tokens/".count)))
      default: throw APIError.noRoute
      }
    } catch let error as APIError {
      return GitLabAPI.response(error)
    } catch {
      return GitLabAPI.response(APIError.message(500, "500 Internal Server Error"))
    }
  }

  /// Starts a CI job in a project on behalf of a user: its token acts as that user, with
  /// that user's role, until the job is finished.
  private func startJob(_ params: Parameters) throws -> HTTPResponse {
    try params.require(["project_id", "user_id"])
    let projectID = try params.int("project_id") ?? 0
    let userID = try params.int("user_id") ?? 0
    let job = try store.transaction { data, _ -> JobRecord in
      guard data.projects[projectID] != nil else {
        throw APIError.message(400, "no project \(projectID)")
      }
      guard data.users[userID] != nil else { throw APIError.message(400, "no user \(userID)") }
      let job = JobRecord(
        id: data.takeObjectID(), projectID: projectID, userID: userID,
        token: JobTokenAuthentication.newToken(), running: true)
      data.jobs[job.id] = job
      return job
    }
    return GitLabAPI.response(.json(.object([("token", .string(job.token)), ("job_id", .int(job.id))]), status: 201))
  }

  /// Adds a system note ("added 1 commit") to a merge request, as GitLab does on pushes and
  /// edits: clients that look for their own note must skip these.
  private func addSystemNote(_ params: Parameters) throws -> HTTPResponse {
    try params.require(["project_id", "merge_request_iid", "body"])
    let projectID = try params.int("project_id") ?? 0
    let iid = try params.int("merge_request_iid") ?? 0
    let body = try params.string("body") ?? ""
    let userID = try params.int("user_id") ?? 1
    let id = try store.transaction { data, now -> Int in
      guard let request = data.mergeRequests.values.first(where: { $0.projectID == projectID && $0.iid == iid })
      else { throw APIError.message(400, "no merge request !\(iid) in project \(projectID)") }
      guard data.users[userID] != nil else { throw APIError.message(400, "no user \(userID)") }
      let note = NoteRecord(
        id: data.takeObjectID(), mergeRequestID: request.id, authorID: userID, body: body,
        system: true, isInternal: false, createdAt: now, updatedAt: now)
      data.notes[note.id] = note
      return note.id
    }
    return GitLabAPI.response(.json(.object([("id", .int(id))]), status: 201))
  }

  /// Ends the job: its token stops authenticating (401), as after a real job finishes.
  private func finishJob(_ token: String?) throws -> HTTPResponse {
    guard let token, !token.isEmpty else { throw APIError.parameter("token is missing") }
    try store.transaction { data, _ in
      guard let job = data.jobs.values.first(where: { $0.token == token }) else {
        throw APIError.message(404, "no such job token")
      }
      data.jobs[job.id]?.running = false
    }
    return GitLabAPI.response(.noContent)
  }

  private func clockReply(_ now: Date) -> HTTPResponse {
    GitLabAPI.response(.json(.object([("now", .string(Timestamp.format(now)))])))
  }

  private func setClock(_ params: Parameters) throws -> HTTPResponse {
    if let text = try params.string("now") {
      guard let date = Timestamp.parse(text) else {
        throw APIError.message(400, "now must be an RFC 3339 time")
      }
      return clockReply(store.changeClock { $0.set(date) })
    }
    let advance: Double
    switch params["advance_seconds"] {
    case .int(let seconds)?: advance = Double(seconds)
    case .double(let seconds)?: advance = seconds
    case .string(let text)? where Double(text) != nil: advance = Double(text) ?? 0
    default: throw APIError.message(400, "give now (RFC 3339) or advance_seconds (number)")
    }
    // Keep the clock within years GitLab's formats can show (and Int arithmetic can hold).
    let target = store.now.addingTimeInterval(advance).timeIntervalSince1970
    guard advance.isFinite, (0..<253_402_300_800).contains(target) else {
      throw APIError.message(400, "advance_seconds must keep the clock between 1970 and 9999")
    }
    return clockReply(store.changeClock { $0.advance(seconds: advance) })
  }

  private func addFault(_ params: Parameters) throws -> HTTPResponse {
    try params.require(["method", "path"])
    let method = (try params.string("method") ?? "").uppercased()
    let template = try params.string("path") ?? ""
    guard router.contains(method: method, template: template) else {
      throw APIError.message(400, "no route \(method) \(template)")
    }
    let times = try params.int("times") ?? 1
    guard times >= 1 else { throw APIError.message(400, "times must be at least 1") }
    var actions: [(FaultScript.Action, (String, JSONValue))] = []
    if let status = try params.int("status") {
      guard (100...599).contains(status) else {
        throw APIError.message(400, "status must be an HTTP status")
      }
      actions.append((.status(status), ("status", .int(status))))
    }
    if try params.bool("drop_after_commit") == true {
      actions.append((.dropAfterCommit, ("drop_after_commit", .bool(true))))
    }
    if let delay = try params.int("delay_ms") {
      guard delay >= 0 else { throw APIError.message(400, "delay_ms must not be negative") }
      actions.append((.delay(milliseconds: delay), ("delay_ms", .int(delay))))
    }
    if let body = try params.string("replace_body") {
      let contentType = try params.string("content_type") ?? "application/json"
      actions.append((.replaceBody(body, contentType: contentType), ("replace_body", .string(body))))
    }
    guard actions.count == 1, let action = actions.first else {
      throw APIError.message(400, "give exactly one of status, drop_after_commit, delay_ms, replace_body")
    }
    faults.add(.init(method: method, template: template, remaining: times, action: action.0))
    let echo: JSONValue = .object([
      ("method", .string(method)), ("path", .string(template)), ("times", .int(times)), action.1,
    ])
    return GitLabAPI.response(.json(echo, status: 201))
  }
}
