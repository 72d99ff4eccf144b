/// `plan -mr-note`: puts the plan's summary on the merge request of the pipeline, editing
/// gitform's own earlier note (found by `PlanReview.marker` across every page, not by author)
/// so a merge request keeps one current summary however often it is pushed.
///
/// A note that cannot be posted never fails the plan: the plan is what the job is for, and the
/// reason comes back as a warning that says what to change (most often: GitLab refuses CI job
/// tokens on the notes routes, so the job needs `GITLAB_TOKEN`).
struct MergeRequestNotePoster {
  var environment: [String: String]

  enum Outcome: Equatable {
    case posted(noteID: Int, mergeRequest: Int)
    case updated(noteID: Int, mergeRequest: Int)
    case notPosted(summary: String, detail: String)
  }

  private func given(_ name: String) -> String? {
    guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    return value
  }

  func post(_ markdown: String) -> Outcome {
    guard let project = given("CI_PROJECT_ID"), let iidText = given("CI_MERGE_REQUEST_IID") else {
      return .notPosted(
        summary: "Merge request note not posted",
        detail: "-mr-note posts on the merge request of a merge-request pipeline, named by CI_PROJECT_ID and CI_MERGE_REQUEST_IID; this job has "
          + (given("CI_PROJECT_ID") == nil ? "no CI_PROJECT_ID." : "no CI_MERGE_REQUEST_IID (is it a branch pipeline?)."))
    }
    guard let iid = Int(iidText), iid > 0 else {
      return .notPosted(summary: "Merge request note not posted", detail: "CI_MERGE_REQUEST_IID must be a merge request number, not \"\(ServerText.printable(iidText))\".")
    }
    guard let token = given("GITLAB_TOKEN") else {
      let why = given("CI_JOB_TOKEN") != nil
        ? "GitLab does not accept the CI job token (CI_JOB_TOKEN) for posting or editing notes."
        : "No token is set."
      return .notPosted(
        summary: "Merge request note not posted",
        detail: why + " Give the job GITLAB_TOKEN, a masked CI/CD variable holding a project access token (or a personal access token) with the api scope and at least the Reporter role in the project; the plan itself is unaffected.")
    }
    do {
      let settings = GitLabSettings(baseURL: given("CI_API_V4_URL") ?? given("GITLAB_BASE_URL"), token: token)
      let client = try GitLabClient(
        connection: try settings.connection(environment: environment, clientVersion: CommandLineInterface.version),
        retryPolicy: try settings.retryPolicy(environment: environment))
      let reference = GitLabReference(project)
      let earlier = try client.mergeRequestNotes(project: reference, mergeRequest: iid)
        .first { $0.body.hasPrefix(PlanReview.marker) }
      if let earlier {
        let note = try client.updateMergeRequestNote(project: reference, mergeRequest: iid, note: earlier.id, body: markdown)
        return .updated(noteID: note.id, mergeRequest: iid)
      }
      let note = try client.createMergeRequestNote(project: reference, mergeRequest: iid, body: markdown)
      return .posted(noteID: note.id, mergeRequest: iid)
    } catch {
      return .notPosted(summary: "Merge request note not posted", detail: Refresher.describe(error))
    }
  }
}
