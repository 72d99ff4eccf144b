/// `plan -mr-note`: puts the plan's summary on the merge request of the pipeline, editing
/// gitform's own earlier note (found by its hidden marker across every page, not by author)
/// so a merge request keeps one current summary however often it is pushed.
///
/// One note per state: a merge request planned against staging and production (two plan jobs,
/// two backend blocks) gets two notes, each edited only by the plans of its own state. The
/// marker names the state by its address, so no flag is needed; the default local state file
/// keeps the plain `PlanReview.marker`.
///
/// A note that cannot be posted never fails the plan: the plan is what the job is for, and the
/// reason comes back as a warning that says what to change (most often: GitLab refuses CI job
/// tokens on the notes routes, so the job needs `GITLAB_TOKEN`).
struct MergeRequestNotePoster {
  var environment: [String: String]
  /// The state the plan was made against; nil for the default local state file.
  var state: PlannedState?

  /// Which state a plan was made against, as its note names it.
  struct PlannedState: Equatable {
    /// What tells two states apart: a remote state's address (without credentials or query),
    /// or a local state file's path as given.
    var key: String
    /// The state as people read it, shown under the note's heading.
    var shown: String

    /// The state of a command: its remote backend, else the `-state=PATH` it was given; nil
    /// for the default local file.
    init?(remote: StateBackend?, statePath: String?) {
      if let http = remote as? HTTPStateBackend {
        self.init(key: http.settings.displayAddress, shown: http.location)
      } else if let remote {
        self.init(key: remote.location, shown: remote.location)
      } else if let statePath, statePath != StateFile.defaultName {
        self.init(key: statePath, shown: statePath)
      } else {
        return nil
      }
    }

    init(key: String, shown: String) {
      self.key = key
      self.shown = shown
    }

    /// `<!-- gitform:plan-summary state=KEY -->`, with the key percent-encoded where it could
    /// end the comment early or break the line (`>`, `--`, spaces, line breaks).
    var marker: String {
      var encoded = ""
      for scalar in key.unicodeScalars {
        if scalar.isASCII, scalar.value > 0x20, scalar != ">", scalar != "<" {
          encoded.unicodeScalars.append(scalar)
        } else {
          for byte in String(scalar).utf8 { encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
        }
      }
      while encoded.contains("--") { encoded = encoded.replacingOccurrences(of: "--", with: "-%2D") }
      return "<!-- gitform:plan-summary state=\(encoded) -->"
    }
  }

  enum Outcome: Equatable {
    case posted(noteID: Int, mergeRequest: Int)
    case updated(noteID: Int, mergeRequest: Int)
    case notPosted(summary: String, detail: String)
  }

  /// The first line that marks this state's note.
  var marker: String { state?.marker ?? PlanReview.marker }

  /// The note's text: the summary under this state's marker, with the state named below the
  /// heading, shortened so that the whole still fits GitLab's note limit.
  func body(_ review: PlanReview) -> String {
    guard let state else { return review.markdown() }
    let stateLine = "State: " + PlanReview.code(state.shown) + "\n"
    let extra = PlanReview.length(marker + stateLine) + 2
    var lines = review.markdown(limit: PlanReview.noteLimit - extra)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.first == PlanReview.marker else { return marker + "\n" + stateLine + lines.joined(separator: "\n") }
    lines[0] = marker
    let heading = lines.count > 1 && lines[1].hasPrefix("### ") ? 2 : 1
    lines.insert(contentsOf: ["", String(stateLine.dropLast())], at: heading)
    return lines.joined(separator: "\n")
  }

  /// Whether `body` is this state's note. A note with the plain marker is taken over by the
  /// first remote state that finds no note of its own (summaries posted before notes were
  /// kept per state), so an upgrade does not leave a stale summary behind.
  private func isOurs(_ body: String, adoptingPlain: Bool) -> Bool {
    let first = body.prefix { $0 != "\n" }
    return first == marker || (adoptingPlain && first == PlanReview.marker)
  }

  private func given(_ name: String) -> String? {
    guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
    return value
  }

  func post(_ review: PlanReview) -> Outcome {
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
      let notes = try client.mergeRequestNotes(project: reference, mergeRequest: iid)
      let earlier =
        notes.first { isOurs($0.body, adoptingPlain: false) }
        ?? (state == nil ? nil : notes.first { isOurs($0.body, adoptingPlain: true) })
      let text = body(review)
      if let earlier {
        let note = try client.updateMergeRequestNote(project: reference, mergeRequest: iid, note: earlier.id, body: text)
        return .updated(noteID: note.id, mergeRequest: iid)
      }
      let note = try client.createMergeRequestNote(project: reference, mergeRequest: iid, body: text)
      return .posted(noteID: note.id, mergeRequest: iid)
    } catch {
      return .notPosted(summary: "Merge request note not posted", detail: Refresher.describe(error))
    }
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
