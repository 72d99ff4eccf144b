import Foundation

/// Notes on merge requests (§1.2–1.5 of the CI reference). Reading takes job tokens (newest
/// GitLab); posting, editing and deleting never do: a job token there is ignored, so the
/// request is anonymous and gets 401.
enum NoteRoutes {
  static let base = "/api/v4/projects/:id/merge_requests/:noteable_id/notes"
  static let routes: [Route] = [
    Route("GET", base, jobTokens: .request, list),
    Route("POST", base, create),
    Route("GET", base + "/:note_id", jobTokens: .request, show),
    Route("PUT", base + "/:note_id", update),
    Route("DELETE", base + "/:note_id", delete),
  ]

  /// `Gitlab::Database::MAX_TEXT_SIZE_LIMIT`.
  static let maximumLength = 1_000_000

  /// The merge request the route names, for a caller who may read it.
  static func mergeRequest(_ request: APIRequest, _ data: StoreData) throws
    -> (ProjectRecord, MergeRequestRecord)
  {
    _ = try request.requireCaller()  // `before { authenticate! }`: 401 even for public projects
    guard Int(request.path("noteable_id")) != nil else {
      throw APIError.parameter("noteable_id is invalid")
    }
    let project = try ResourceLookup.project(request, data)
    let level = ResourceLookup.level(request, ResourceReference(kind: .project, id: project.id), data)
    guard level >= StoreData.reporter else { throw APIError.recordNotFound }
    let found = try MergeRequestRoutes.find(
      request.path("noteable_id"), in: project, data, parameter: "noteable_id")
    return (project, found)
  }

  static func list(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, mergeRequest) = try mergeRequest(request, data)
    let params = request.params
    let orderBy = try params.choice("order_by", in: ["created_at", "updated_at"]) ?? "created_at"
    let ascending = try params.choice("sort", in: ["asc", "desc"]) == "asc"
    let filter = try params.choice(
      "activity_filter", in: ["all_notes", "only_comments", "only_activity"]) ?? "all_notes"
    let notes = data.notes.values.filter {
      $0.mergeRequestID == mergeRequest.id
        && (filter == "all_notes" || (filter == "only_comments") != $0.system)
    }.sorted { first, second in
      // `order_options_with_tie_breaker`: created_at becomes id; updated_at ties on id.
      let key: (NoteRecord) -> (Date, Int) = {
        orderBy == "updated_at" ? ($0.updatedAt, $0.id) : (Date(timeIntervalSince1970: 0), $0.id)
      }
      return ascending ? key(first) < key(second) : key(first) > key(second)
    }
    return try Pagination.reply(notes, request) {
      MergeRequestEntity.note($0, data, webBase: request.webBase)
    }
  }

  /// `noteable.notes.find`: a note of another merge request is `404 Not found`.
  static func note(_ request: APIRequest, of mergeRequest: MergeRequestRecord, _ data: StoreData)
    throws -> NoteRecord
  {
    let id = try request.pathInt("note_id")
    guard let note = data.notes[id], note.mergeRequestID == mergeRequest.id else {
      throw APIError.recordNotFound
    }
    return note
  }

  static func show(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (_, mergeRequest) = try mergeRequest(request, data)
    return .json(MergeRequestEntity.note(try note(request, of: mergeRequest, data), data, webBase: request.webBase))
  }

  /// The model's length and presence rules, as `bad_request!("Note #{errors.messages}")`.
  static func checkBody(_ body: String) throws {
    if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw APIError.badRequest(#"Note {:note=>["can't be blank"]}"#)
    }
    if body.count > maximumLength {
      throw APIError.badRequest(#"Note {:note=>["is too long (maximum is 1000000 characters)"]}"#)
    }
  }

  static func create(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let caller = try request.requireCaller()
    try request.params.require(["body"])
    let (project, mergeRequest) = try mergeRequest(request, data)
    let body = try request.params.string("body") ?? ""
    try checkBody(body)
    let isInternal = try (request.params.bool("internal") ?? false) || (request.params.bool("confidential") ?? false)
    // `created_at` is honoured only for admins and project Owners; others are silently ignored.
    var createdAt = request.now
    let level = ResourceLookup.level(request, ResourceReference(kind: .project, id: project.id), data)
    if level >= StoreData.owner, let requested = try request.params.dateTime("created_at") {
      createdAt = requested
    }
    let note = NoteRecord(
      id: data.takeObjectID(), mergeRequestID: mergeRequest.id, authorID: caller.user.id,
      body: body, system: false, isInternal: isInternal, createdAt: createdAt, updatedAt: createdAt)
    data.notes[note.id] = note
    return .json(MergeRequestEntity.note(note, data, webBase: request.webBase), status: 201)
  }

  /// `admin_note`: the author, or a Maintainer+; system notes never.
  static func editable(_ note: NoteRecord, _ request: APIRequest, _ project: ProjectRecord,
    _ data: StoreData) throws
  {
    let caller = try request.requireCaller()
    let level = ResourceLookup.level(request, ResourceReference(kind: .project, id: project.id), data)
    guard !note.system, note.authorID == caller.user.id || level >= StoreData.maintainer else {
      throw APIError.forbidden()
    }
  }

  static func update(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    if case .string(let text)? = request.params["body"], text.isEmpty {
      throw APIError.parameter("body is empty")
    }
    let (project, mergeRequest) = try mergeRequest(request, data)
    var found = try note(request, of: mergeRequest, data)
    try editable(found, request, project, data)
    if let body = try request.params.string("body") {
      try checkBody(body)
      found.body = body
      found.updatedAt = request.now
    }
    data.notes[found.id] = found
    return .json(MergeRequestEntity.note(found, data, webBase: request.webBase))
  }

  static func delete(_ request: APIRequest, _ data: inout StoreData) throws -> Reply {
    let (project, mergeRequest) = try mergeRequest(request, data)
    let found = try note(request, of: mergeRequest, data)
    try editable(found, request, project, data)
    data.notes[found.id] = nil
    return .noContent
  }
}
