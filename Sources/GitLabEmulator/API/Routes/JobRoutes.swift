import Foundation

/// `GET /job`: the running job behind a CI job token (and nothing else authenticates it),
/// so a job can learn the user it acts as. Fields the emulator does not model (commit,
/// pipeline, runner, artifacts) are null or empty.
enum JobRoutes {
  static let routes: [Route] = [
    Route("GET", "/api/v4/job", jobTokens: .request, current),
  ]

  static func current(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    guard let job = request.caller?.job, let user = data.users[job.userID] else {
      throw APIError.unauthorized
    }
    let project = data.projects[job.projectID]
    let path = project.map(data.projectFullPath) ?? ""
    return .json(.object([
      ("id", .int(job.id)), ("status", .string(job.running ? "running" : "success")),
      ("stage", .null), ("name", .null), ("ref", .null), ("tag", .bool(false)),
      ("coverage", .null), ("allow_failure", .bool(false)), ("created_at", .null),
      ("started_at", .null), ("finished_at", .null), ("erased_at", .null), ("duration", .null),
      ("queued_duration", .null), ("user", UserEntity.render(user, .profile, webBase: request.webBase)),
      ("commit", .null), ("pipeline", .null),
      ("web_url", .string("\(request.webBase)/\(path)/-/jobs/\(job.id)")),
      ("project", .object([("ci_job_token_scope_enabled", .bool(true))])),
      ("artifacts", .array([])), ("runner", .null), ("artifacts_expire_at", .null),
      ("archived", .bool(false)), ("tag_list", .array([])),
    ]))
  }
}
