import XCTest

@testable import GitformCore

/// `plan -mr-note` with two states on one merge request — a staging and a production plan job —
/// against the emulator: each job keeps its own note, edited only by plans of its own state,
/// and a summary posted before notes were kept per state is taken over, not left stale.
final class PlanMergeRequestNotePerStateTests: XCTestCase {
  private var scene: InProcessCLI!
  private var projectID = 0
  private var notesPath: String { "/api/v4/projects/\(projectID)/merge_requests/1/notes" }

  override func setUpWithError() throws {
    scene = try InProcessCLI("mr-note-states")
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

  /// A configuration keeping its state in GitLab-managed state `state`, with one variable per key.
  private func configuration(state: String, _ keys: [String]) -> String {
    "gitform {\n  backend \"gitlab\" {\n    project = \"team/app\"\n    name    = \"\(state)\"\n  }\n}\n\n"
      + keys.map {
        "resource \"project_variable\" \"\($0.lowercased())\" {\n  project = \"team/app\"\n  key     = \"\($0)\"\n  value   = \"secret-\($0)-value\"\n}\n"
      }.joined(separator: "\n")
  }

  /// Every note of the merge request, oldest first, by id.
  private func notes() throws -> [Int: String] {
    let answer = try scene.fixture.raw(.get, notesPath + "?per_page=100")
    XCTAssertEqual(answer.status, 200)
    var bodies: [Int: String] = [:]
    for note in answer.json as? [[String: Any]] ?? [] {
      if let id = note["id"] as? Int { bodies[id] = note["body"] as? String ?? "" }
    }
    return bodies
  }

  private func plan(state: String, _ keys: [String]) throws -> (code: Int32, out: String, err: String) {
    try scene.write(configuration(state: state, keys))
    let result = scene.run(["plan", "-mr-note"])
    XCTAssertEqual(result.code, 0, result.err)
    return result
  }

  private func stateAddress(_ name: String) throws -> String {
    let port = try XCTUnwrap(scene.fixture.emulator.baseURL.port)
    return "http://127.0.0.1:\(port)/api/v4/projects/team%2Fapp/terraform/state/\(name)"
  }

  func testTwoStatesOnOneMergeRequestEachEditTheirOwnNote() throws {
    _ = try plan(state: "staging", ["A"])
    let afterStaging = try notes()
    XCTAssertEqual(afterStaging.count, 1)
    let stagingID = try XCTUnwrap(afterStaging.keys.first)
    let stagingBody = try XCTUnwrap(afterStaging[stagingID])
    XCTAssertTrue(
      stagingBody.hasPrefix("<!-- gitform:plan-summary state=\(try stateAddress("staging")) -->\n### gitform plan: 1 to add"),
      stagingBody)
    XCTAssertTrue(
      stagingBody.contains("\n\nState: `GitLab-managed state \"staging\" of project team/app (\(try stateAddress("staging")))`\n"),
      stagingBody)

    let production = try plan(state: "production", ["A", "B"])
    let afterProduction = try notes()
    XCTAssertEqual(afterProduction.count, 2, "production's plan adds its own note")
    let productionID = try XCTUnwrap(afterProduction.keys.first { $0 != stagingID })
    XCTAssertTrue(production.out.contains("Plan summary on merge request !1 (note \(productionID))."), production.out)
    XCTAssertEqual(afterProduction[stagingID], stagingBody, "staging's note is untouched")
    let productionBody = try XCTUnwrap(afterProduction[productionID])
    XCTAssertTrue(productionBody.hasPrefix("<!-- gitform:plan-summary state=\(try stateAddress("production")) -->\n"))
    XCTAssertTrue(productionBody.contains("| create | `project_variable.b` |"), productionBody)

    // A second push: staging changes; only staging's note is edited.
    let again = try plan(state: "staging", ["A", "C"])
    XCTAssertTrue(again.out.contains("Plan summary on merge request !1 (note \(stagingID))."), again.out)
    let afterPush = try notes()
    XCTAssertEqual(Set(afterPush.keys), [stagingID, productionID])
    XCTAssertEqual(afterPush[productionID], productionBody, "production's note is untouched")
    let edited = try XCTUnwrap(afterPush[stagingID])
    XCTAssertTrue(edited.contains("| create | `project_variable.c` |"), edited)
    XCTAssertFalse(edited.contains("project_variable.b"), edited)
    XCTAssertFalse(afterPush.values.joined().contains("secret-"), "a variable's value is in a note")
  }

  func testASummaryPostedBeforeNotesWereKeptPerStateIsTakenOver() throws {
    let plain = "\(PlanReview.marker)\n### gitform plan: 1 to add, 0 to change, 0 to destroy\n"
    let old = try scene.fixture.raw(.post, notesPath, ["body": plain])
    XCTAssertEqual(old.status, 201)
    let oldID = try XCTUnwrap(try scene.fixture.field(old, "id") as? Int)
    XCTAssertEqual(try scene.fixture.raw(.post, notesPath, ["body": "quoting: \(PlanReview.marker)"]).status, 201)

    _ = try plan(state: "production", ["A"])
    var bodies = try notes()
    XCTAssertEqual(bodies.count, 2, "the old summary is edited, not a third note added")
    XCTAssertTrue(bodies[oldID]?.hasPrefix("<!-- gitform:plan-summary state=\(try stateAddress("production")) -->") ?? false)

    // The next state finds no note of its own and no plain one: it posts its own.
    _ = try plan(state: "staging", ["A"])
    bodies = try notes()
    XCTAssertEqual(bodies.count, 3)
    XCTAssertTrue(bodies[oldID]?.contains("state=\(try stateAddress("production"))") ?? false)
  }

  /// A state address that could close the HTML comment or break its line is encoded.
  func testTheMarkerCannotEndTheCommentEarly() {
    let state = MergeRequestNotePoster.PlannedState(key: "http://h/s/a-->b c\n<x>%", shown: "s")
    XCTAssertEqual(state.marker, "<!-- gitform:plan-summary state=http://h/s/a-%2D%3Eb%20c%0A%3Cx%3E% -->")
    XCTAssertNil(MergeRequestNotePoster.PlannedState(remote: nil, statePath: nil))
    XCTAssertNil(MergeRequestNotePoster.PlannedState(remote: nil, statePath: "gitform.tfstate"))
    XCTAssertEqual(
      MergeRequestNotePoster.PlannedState(remote: nil, statePath: "staging.tfstate")?.marker,
      "<!-- gitform:plan-summary state=staging.tfstate -->")
  }
}
