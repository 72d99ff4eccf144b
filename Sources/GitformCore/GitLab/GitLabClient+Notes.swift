import Foundation

/// A merge request's notes (gitlab-ci-integration.md §1): what `plan -mr-note` reads to find its
/// own earlier note, and writes. GitLab never takes a CI job token for posting or editing.
extension GitLabClient {
  /// A note as far as gitform reads it.
  public struct MergeRequestNote: Sendable, GitLabDecodable, Equatable {
    public var id: Int
    public var body: String
    /// System notes ("added 1 commit") are never editable and never gitform's.
    public var system: Bool

    public init(id: Int, body: String, system: Bool) {
      self.id = id
      self.body = body
      self.system = system
    }

    init(gitLab reader: GitLabJSONReader) throws(GitLabDecodingProblem) {
      id = try reader.int("id")
      body = try reader.string("body")
      system = try reader.bool("system")
    }
  }

  /// `GET /projects/:id/merge_requests/:iid/notes`, every page, user notes only.
  public func mergeRequestNotes(project: GitLabReference, mergeRequest: Int) throws -> [MergeRequestNote] {
    try listAll(
      MergeRequestNote.self, route: "/projects/:id/merge_requests/:iid/notes",
      [project.pathSegment, String(mergeRequest)], query: [(name: "activity_filter", value: "only_comments")]
    ).filter { !$0.system }
  }

  /// `POST /projects/:id/merge_requests/:iid/notes`. Not retried: a second post would be a
  /// second note.
  public func createMergeRequestNote(project: GitLabReference, mergeRequest: Int, body: String) throws
    -> MergeRequestNote
  {
    try perform(
      request(
        .post, "/projects/:id/merge_requests/:iid/notes", [project.pathSegment, String(mergeRequest)],
        body: ["body": body]),
      as: MergeRequestNote.self)
  }

  /// `PUT /projects/:id/merge_requests/:iid/notes/:note_id`. Idempotent.
  public func updateMergeRequestNote(project: GitLabReference, mergeRequest: Int, note: Int, body: String) throws
    -> MergeRequestNote
  {
    try perform(
      request(
        .put, "/projects/:id/merge_requests/:iid/notes/:note_id",
        [project.pathSegment, String(mergeRequest), String(note)], body: ["body": body]),
      as: MergeRequestNote.self)
  }
}
