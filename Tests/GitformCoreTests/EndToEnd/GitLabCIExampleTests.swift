import Foundation
import XCTest

@testable import GitformCore

/// `examples/gitlab-ci` as GitLab runs it, against the emulator: its `.gitlab-ci.yml` parsed
/// (not copied) and its jobs' scripts run by `CIRunner`, each in an empty directory. A merge
/// request's pipeline plans, posts the summary note and the report; a second push edits the
/// same note; the pipeline of the merge applies the saved plan of the merged commit; a
/// scheduled pipeline checks expiry. Only GitLab (state, tokens, notes) carries anything over.
final class GitLabCIExampleTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var projectID = 0

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    fixture?.stop()
  }

  private var exampleDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("examples/gitlab-ci")
  }

  /// The repository as a job's checkout sees it.
  private func checkout() throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: exampleDirectory.path) {
      files[name] = try String(contentsOf: exampleDirectory.appendingPathComponent(name), encoding: .utf8)
    }
    return files
  }

  private var notesPath: String { "/api/v4/projects/\(projectID)/merge_requests/1/notes" }

  /// The merge request's notes by id.
  private func notes() throws -> [Int: String] {
    let answer = try fixture.raw(.get, notesPath + "?per_page=100")
    XCTAssertEqual(answer.status, 200)
    var bodies: [Int: String] = [:]
    for note in answer.json as? [[String: Any]] ?? [] {
      if let id = note["id"] as? Int { bodies[id] = note["body"] as? String }
    }
    return bodies
  }

  private func report(_ run: CIRunner.JobRun) throws -> [String: Int] {
    let data = try XCTUnwrap(run.artifacts["plan.json"], "no report artifact")
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Int])
  }

  private func job(_ name: String, in runs: [CIRunner.JobRun]) throws -> CIRunner.JobRun {
    let run = try XCTUnwrap(runs.first { $0.name == name }, "job \(name) did not run")
    XCTAssertEqual(run.status, 0, "\(name):\n\(run.log)")
    return run
  }

  func testTheMergeRequestWorkflowRunsFromTheExamplesOwnPipeline() throws {
    var files = try checkout()
    let pipeline = try CIPipeline(yaml: try XCTUnwrap(files[".gitlab-ci.yml"]))
    XCTAssertEqual(pipeline.stages, ["check", "plan", "apply"])
    let created = try fixture.raw(
      .post, "/api/v4/projects/\(projectID)/merge_requests",
      ["title": "Deploy token", "source_branch": "deploy-token", "target_branch": "main"])
    XCTAssertEqual(created.status, 201)
    let runner = CIRunner(
      fixture: fixture, projectID: projectID, projectPath: "team/app",
      projectVariables: ["GITLAB_TOKEN": EmulatorFixture.rootToken])
    let checkoutNames = Set(files.keys)

    // 1. The merge request's pipeline: checks, plan, note and report; nothing applied.
    var runs = try runner.run(
      pipeline, runner.pipelineVariables(source: "merge_request_event", branch: "deploy-token", mergeRequest: 1),
      checkout: files)
    XCTAssertEqual(runs.map(\.name), ["validate", "plan"])
    let firstPlan = try job("plan", in: runs)
    XCTAssertEqual(try report(firstPlan), ["create": 2, "update": 0, "delete": 0])
    XCTAssertNotNil(firstPlan.artifacts["plan.gfplan"])
    XCTAssertTrue(firstPlan.log.contains("Plan summary on merge request !1 (note "), firstPlan.log)
    var posted = try notes()
    XCTAssertEqual(posted.count, 1)
    let noteID = try XCTUnwrap(posted.keys.first)
    let firstNote = try XCTUnwrap(posted[noteID])
    XCTAssertTrue(firstNote.hasPrefix("<!-- gitform:plan-summary state="), firstNote)
    XCTAssertTrue(firstNote.contains("### gitform plan: 2 to add, 0 to change, 0 to destroy"), firstNote)
    XCTAssertTrue(firstNote.contains("| create | `project_token.deploy` |"), firstNote)
    XCTAssertEqual(try storedResources().count, 0, "a plan applies nothing")
    let tokens = try fixture.raw(.get, "/api/v4/projects/\(projectID)/access_tokens")
    XCTAssertEqual((tokens.json as? [[String: Any]])?.count, 0, "no token made before the merge")

    // A push to the merge request's branch makes a merge-request pipeline only, never a
    // second, branch pipeline beside it.
    var branchPush = runner.pipelineVariables(source: "push", branch: "deploy-token")
    branchPush["CI_OPEN_MERGE_REQUESTS"] = "team/app!1"
    XCTAssertEqual(try pipeline.jobs(for: branchPush).flatMap { $0 }.count, 0)

    // 2. A second push to the merge request: the same note is edited.
    files["main.gf.hcl"] = try XCTUnwrap(files["main.gf.hcl"]) + """

      resource "project_variable" "deploy_user" {
        project = "team/app"
        key     = "DEPLOY_USER"
        value   = "deploy-bot"
      }

      """
    runs = try runner.run(
      pipeline, runner.pipelineVariables(source: "merge_request_event", branch: "deploy-token", mergeRequest: 1),
      checkout: files)
    let secondPlan = try job("plan", in: runs)
    XCTAssertEqual(try report(secondPlan), ["create": 3, "update": 0, "delete": 0])
    XCTAssertTrue(secondPlan.log.contains("Plan summary on merge request !1 (note \(noteID))."), secondPlan.log)
    posted = try notes()
    XCTAssertEqual(Array(posted.keys), [noteID], "the earlier note is edited, not a second one added")
    XCTAssertTrue(posted[noteID]?.contains("| create | `project_variable.deploy_user` |") ?? false)

    // 3. The merge: the default branch's pipeline plans the merged commit and applies that plan.
    runs = try runner.run(pipeline, runner.pipelineVariables(source: "push", branch: "main"), checkout: files)
    XCTAssertEqual(runs.map(\.name), ["validate", "plan", "apply"])
    let mergePlan = try job("plan", in: runs)
    XCTAssertFalse(mergePlan.log.contains("merge request"), "no note outside a merge request: \(mergePlan.log)")
    let apply = try job("apply", in: runs)
    XCTAssertTrue(apply.startedWith.contains("plan.gfplan"), "the plan job's artifact reaches apply")
    XCTAssertFalse(apply.log.contains("Plan:"), "apply carried out the saved plan without planning again:\n\(apply.log)")
    XCTAssertTrue(apply.log.contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed."), apply.log)
    XCTAssertEqual(try notes().count, 1)

    let deploy = try XCTUnwrap(try storedResources().first { $0["type"] as? String == "project_token" })
    let attributes = try XCTUnwrap(((deploy["instances"] as? [[String: Any]])?.first)?["attributes"] as? [String: Any])
    let tokenValue = try XCTUnwrap(attributes["token"] as? String)
    let variable = try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/DEPLOY_TOKEN")
    XCTAssertEqual(try fixture.field(variable, "value") as? String, tokenValue)

    // 4. A scheduled pipeline: only the expiry check, which passes (the token has 60 days).
    runs = try runner.run(pipeline, runner.pipelineVariables(source: "schedule", branch: "main"), checkout: files)
    XCTAssertEqual(runs.map(\.name), ["expiry"])
    _ = try job("expiry", in: runs)

    // Every job began in an empty directory holding the checkout and earlier stages' artifacts
    // only — no state file, ever — and no job printed a secret.
    XCTAssertEqual(runner.history.count, 8)
    for run in runner.history {
      XCTAssertFalse(run.log.contains(EmulatorFixture.rootToken), run.log)
      XCTAssertFalse(run.log.contains(tokenValue), run.log)
      XCTAssertTrue(
        run.startedWith.isSubset(of: checkoutNames.union(["plan.gfplan"])), "\(run.name): \(run.startedWith)")
      XCTAssertFalse(run.endedWith.contains { $0.contains(".tfstate") }, "\(run.name): \(run.endedWith)")
    }
  }

  /// The resources of the GitLab-managed state (a saved plan's key is kept there from the
  /// first plan on, so the state exists before anything is applied).
  private func storedResources() throws -> [[String: Any]] {
    let answer = try fixture.raw(.get, "/api/v4/projects/\(projectID)/terraform/state/production")
    XCTAssertEqual(answer.status, 200)
    return try XCTUnwrap((answer.json as? [String: Any])?["resources"] as? [[String: Any]])
  }
}
