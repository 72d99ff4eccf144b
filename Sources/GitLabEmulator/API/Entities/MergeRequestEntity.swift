import Foundation

/// GitLab's `MergeRequest` and `Note` entities (§1.6 and §1.8 of the CI reference), with the
/// fields clients read; what the emulator does not model (pipelines, diffs, approvals) is
/// null, empty or false.
struct MergeRequestEntity {
  static func render(_ request: MergeRequestRecord, _ data: StoreData, webBase: String) -> JSONValue {
    let author = data.users[request.authorID].map { UserEntity.render($0, .basic, webBase: webBase) } ?? .null
    let path = data.projects[request.projectID].map(data.projectFullPath) ?? ""
    let reference = "!\(request.iid)"
    let userNotes = data.notes.values.filter { $0.mergeRequestID == request.id && !$0.system }.count
    return .object([
      ("id", .int(request.id)), ("iid", .int(request.iid)), ("project_id", .int(request.projectID)),
      ("title", .string(request.title)), ("description", .optional(request.description)),
      ("state", .string(request.state)),
      ("created_at", .string(Timestamp.format(request.createdAt))),
      ("updated_at", .string(Timestamp.format(request.updatedAt))),
      ("merged_by", .null), ("merge_user", .null), ("merged_at", .null), ("closed_by", .null),
      ("closed_at", .null), ("target_branch", .string(request.targetBranch)),
      ("source_branch", .string(request.sourceBranch)), ("user_notes_count", .int(userNotes)),
      ("upvotes", .int(0)), ("downvotes", .int(0)), ("author", author),
      ("assignees", .array([])), ("assignee", .null), ("reviewers", .array([])),
      ("source_project_id", .int(request.projectID)), ("target_project_id", .int(request.projectID)),
      ("labels", .array([])), ("draft", .bool(false)), ("work_in_progress", .bool(false)),
      ("milestone", .null), ("merge_when_pipeline_succeeds", .bool(false)),
      ("merge_status", .string("checking")), ("detailed_merge_status", .string("preparing")),
      ("sha", .null), ("merge_commit_sha", .null), ("squash_commit_sha", .null),
      ("discussion_locked", .null), ("should_remove_source_branch", .null),
      ("force_remove_source_branch", .bool(false)), ("prepared_at", .null),
      ("reference", .string(reference)),
      ("references", .object([
        ("short", .string(reference)), ("relative", .string(reference)),
        ("full", .string(path + reference)),
      ])),
      ("web_url", .string("\(webBase)/\(path)/-/merge_requests/\(request.iid)")),
      ("squash", .bool(false)), ("squash_on_merge", .bool(false)),
      ("has_conflicts", .bool(false)), ("blocking_discussions_resolved", .bool(true)),
      ("imported", .bool(false)), ("imported_from", .string("none")),
    ])
  }

  static func note(_ note: NoteRecord, _ data: StoreData, webBase: String) -> JSONValue {
    let author = data.users[note.authorID].map { UserEntity.render($0, .basic, webBase: webBase) } ?? .null
    let request = data.mergeRequests[note.mergeRequestID]
    return .object([
      ("id", .int(note.id)), ("type", .null), ("body", .string(note.body)), ("author", author),
      ("created_at", .string(Timestamp.format(note.createdAt))),
      ("updated_at", .string(Timestamp.format(note.updatedAt))),
      ("system", .bool(note.system)), ("noteable_id", .int(note.mergeRequestID)),
      ("noteable_type", .string("MergeRequest")), ("project_id", .optional(request?.projectID)),
      ("resolvable", .bool(false)), ("confidential", .bool(note.isInternal)),
      ("internal", .bool(note.isInternal)), ("imported", .bool(false)),
      ("imported_from", .string("none")), ("noteable_iid", .optional(request?.iid)),
      ("commands_changes", .object([])),
    ])
  }
}
