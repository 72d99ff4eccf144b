import Foundation

/// Merge requests (§1.8 of the CI reference): create through the API, list and get. Reading
/// takes job tokens (newest GitLab); creating does not. Branches are not checked for
/// existence, as in GitLab 17.x–18.x.
enum MergeRequestRoutes {
  static let base = "/api/v4/projects/:id/merge_requests"
  static let routes: [Route] = [
    Route("GET", base, jobTokens: .request, list),
    Route("POST", base, create),
    Route("GET", base + "/:merge_request_iid", jobTokens: .request, show),
  ]

  /// The project, if the caller may read its merge requests (Reporter+).
  static func readableProject(_ request: APIRequest, _ data: StoreData) throws -> ProjectRecord {
    _ = try request.requireCaller()
    let project = try ResourceLookup.project(request, data)
    let reference = ResourceReference(kind: .project, id: project.id)
    guard ResourceLookup.level(request, reference, data) >= StoreData.reporter else {
      throw APIError.forbidden()
    }
    return project
  }

  /// `NotesFinder#target`'s `find_by!`: an unknown iid is RecordNotFound's `404 Not found`.
  static func find(_ iidText: String, in project: ProjectRecord, _ data: StoreData, parameter: String)
    throws -> MergeRequestRecord
  {
    guard let iid = Int(iidText) else { throw APIError.parameter("\(parameter) is invalid") }
    guard let found = data.mergeRequests.values.first(where: { $0.projectID == project.id && $0.iid == iid })
    else { throw APIError.recordNotFound }
    return found
  }

  static func list(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let project = try readableProject(request, data)
    let state = try request.params.choice("state", in: ["opened", "closed", "locked", "merged", "all"]) ?? "all"
    let source = try request.params.string("source_branch")
    let target = try request.params.string("target_branch")
    let found = data.mergeRequests.values.filter {
      $0.projectID == project.id && (state == "all" || $0.state == state)
        && (source == nil || $0.sourceBranch == source) && (target == nil || $0.targetBranch == target)
    }.sorted { $0.id > $1.id }
    return try Pagination.reply(found, request) {
      MergeRequestEntity.render($0, data, webBase: request.webBase)
    }
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let project = try readableProject(request, data)
    let found = try find(request.path("merge_request_iid"), in: project, data, parameter: "merge_request_iid")
    return .json(MergeRequestEntity.render(found, data, webBase: request.webBase))
  }

  /// `authorize! :create_merge_request_from` (Developer+), then the model's branch rules:
  /// same branch → 422, another open MR for the pair → 409, both with array messages.
  static func create(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    try request.params.require(["title", "source_branch", "target_branch"])
    let project = try ResourceLookup.project(request, data)
    let reference = ResourceReference(kind: .project, id: project.id)
    guard ResourceLookup.level(request, reference, data) >= StoreData.developer else {
      throw APIError.forbidden()
    }
    let params = request.params
    let title = try params.string("title") ?? ""
    let source = try params.string("source_branch") ?? ""
    let target = try params.string("target_branch") ?? ""
    if source == target {
      throw APIError(status: 422, body: .object([
        ("message", .array([.string("You can't use same project/branch for source and target")]))
      ]))
    }
    if let open = data.mergeRequests.values.first(where: {
      $0.projectID == project.id && $0.state == "opened" && $0.sourceBranch == source
        && $0.targetBranch == target
    }) {
      throw APIError(status: 409, body: .object([
        ("message", .array([.string("Another open merge request already exists for this source branch: !\(open.iid)")]))
      ]))
    }
    var errors: [(String, [String])] = []
    if title.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(("title", ["can't be blank"])) }
    if !isValidRef(source) { errors.append(("source_branch", ["is invalid"])) }
    if !isValidRef(target) { errors.append(("target_branch", ["is invalid"])) }
    if !errors.isEmpty { throw APIError.validation(errors) }
    let iid = (data.mergeRequests.values.filter { $0.projectID == project.id }.map(\.iid).max() ?? 0) + 1
    let created = MergeRequestRecord(
      id: data.takeObjectID(), iid: iid, projectID: project.id, title: title,
      description: try params.string("description"), sourceBranch: source, targetBranch: target,
      state: "opened", authorID: caller.user.id, createdAt: request.now, updatedAt: request.now)
    data.mergeRequests[created.id] = created
    return .json(MergeRequestEntity.render(created, data, webBase: request.webBase), status: 201)
  }

  /// `Gitlab::GitRefValidator`, the parts a branch name most often breaks.
  static func isValidRef(_ name: String) -> Bool {
    guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("/"), !name.hasSuffix("/"),
      !name.hasSuffix("."), !name.hasSuffix(".lock"), !name.contains(".."), !name.contains("//"),
      !name.contains("@{"), name != "@"
    else { return false }
    return !name.unicodeScalars.contains {
      $0.value < 0x20 || $0.value == 0x7f || " ~^:?*[\\".unicodeScalars.contains($0)
    }
  }
}
