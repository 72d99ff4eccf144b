import XCTest

@testable import GitformCore

/// `plan -mr-note` against the emulator's merge requests: one note per merge request, edited
/// on later pushes (found by its marker past the first page), and a clear word instead of a
/// failed plan when the job has only its CI job token.
final class PlanMergeRequestNoteTests: XCTestCase {
  private var scene: InProcessCLI!
  private var projectID = 0
  private var notesPath: String { "/api/v4/projects/\(projectID)/merge_requests/1/notes" }

  override func setUpWithError() throws {
    scene = try InProcessCLI("mr-note")
    projectID = try scene.fixture.createProject("app", inGroup: try scene.fixture.createGroup("team"))
    let created = try scene.fixture.raw(
      .post, "/api/v4/projects/\(projectID)/merge_requests",
      ["title": "Rotate", "source_branch": "rotate", "target_branch": "main"])
    XCTAssertEqual(created.status, 201)
    scene.environment["CI_API_V4_URL"] = scene.fixture.emulator.baseURL.absoluteString
    scene.environment["CI_PROJECT_ID"] = String(projectID)
    scene.environment["CI_MERGE_REQUEST_IID"] = "1"
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func variables(_ keys: [String]) -> String {
    keys.map {
      "resource \"project_variable\" \"\($0.lowercased())\" {\n  project = \"team/app\"\n  key     = \"\($0)\"\n  value   = \"secret-\($0)-value\"\n}\n"
    }.joined(separator: "\n")
  }

  private func notes() throws -> [[String: Any]] {
    var all: [[String: Any]] = []
    for page in 1...5 {
      let answer = try scene.fixture.raw(.get, notesPath + "?per_page=100&page=\(page)")
      XCTAssertEqual(answer.status, 200)
      let items = answer.json as? [[String: Any]] ?? []
      all += items
      if items.isEmpty { break }
    }
    return all.filter { ($0["body"] as? String)?.hasPrefix(PlanReview.marker) ?? false }
  }

  func testTheSummaryIsPostedOnceAndEditedOnLaterPushes() throws {
    try scene.write(variables(["A"]))
    let first = scene.run(["plan", "-mr-note"])
    XCTAssertEqual(first.code, 0, first.err)
    XCTAssertTrue(first.out.contains("\nPlan summary on merge request !1 (note "), first.out + first.err)
    let posted = try notes()
    XCTAssertEqual(posted.count, 1)
    let noteID = try XCTUnwrap(posted.first?["id"] as? Int)
    XCTAssertTrue((posted.first?["body"] as? String ?? "").contains("| create | `project_variable.a` |"))
    // A busy merge request: gitform's note is now on the second page, and someone quotes the marker.
    for index in 1...110 {
      XCTAssertEqual(try scene.fixture.raw(.post, notesPath, ["body": "review comment \(index)"]).status, 201)
    }
    XCTAssertEqual(try scene.fixture.raw(.post, notesPath, ["body": "quoting: \(PlanReview.marker)"]).status, 201)

    try scene.write(variables(["A", "B"]))
    let second = scene.run(["plan", "-mr-note", "-markdown"])
    XCTAssertEqual(second.code, 0, second.err)
    XCTAssertTrue(second.out.hasPrefix(PlanReview.marker), second.out)
    XCTAssertTrue(second.err.contains("Plan summary on merge request !1 (note \(noteID))."), second.err)
    let edited = try notes()
    XCTAssertEqual(edited.count, 1, "the earlier note is edited, not a second one added")
    XCTAssertEqual(edited.first?["id"] as? Int, noteID)
    let body = try XCTUnwrap(edited.first?["body"] as? String)
    XCTAssertEqual(body, second.out)
    XCTAssertTrue(body.contains("| create | `project_variable.b` |"), body)
    XCTAssertFalse(body.contains("secret-"), "a variable's value is in the note")
  }

  func testWithOnlyAJobTokenThePlanSaysWhatTokenTheNoteNeeds() throws {
    let job = try scene.fixture.raw(.post, "/-/emulator/job_tokens", ["project_id": projectID, "user_id": 1])
    let jobToken = try XCTUnwrap(try scene.fixture.field(job, "token") as? String)
    scene.environment["CI_JOB_TOKEN"] = jobToken
    scene.environment["GITLAB_TOKEN"] = nil
    try scene.write(
      "variable \"admin_token\" {\n  type      = string\n  sensitive = true\n}\n\nprovider \"gitlab\" {\n  token = var.admin_token\n}\n\n"
        + variables(["A"]))
    let plan = scene.run(["plan", "-mr-note", "-detailed-exitcode", "-var=admin_token=\(EmulatorFixture.rootToken)"])
    XCTAssertEqual(plan.code, 2, plan.err)
    XCTAssertTrue(plan.out.contains("Plan: 1 to add, 0 to change, 0 to destroy."), plan.out)
    XCTAssertTrue(plan.out.contains("Warning: Merge request note not posted"), plan.out)
    XCTAssertTrue(plan.out.replacingOccurrences(of: "\n", with: " ").contains("GitLab does not accept the CI job token (CI_JOB_TOKEN)"), plan.out)
    XCTAssertTrue(plan.out.contains("GITLAB_TOKEN"), plan.out)
    XCTAssertFalse(plan.out.contains(jobToken) || plan.err.contains(jobToken))
    XCTAssertEqual(try notes().count, 0)
  }

  func testOutsideAMergeRequestPipelineTheNoteIsSkippedWithAWarning() throws {
    scene.environment["CI_MERGE_REQUEST_IID"] = nil
    try scene.write(variables(["A"]))
    let plan = scene.run(["plan", "-mr-note"])
    XCTAssertEqual(plan.code, 0, plan.err)
    XCTAssertTrue(plan.out.contains("Warning: Merge request note not posted"), plan.out)
    XCTAssertTrue(plan.out.contains("no CI_MERGE_REQUEST_IID"), plan.out)
  }
}
