import XCTest

@testable import GitformCore

/// A saved plan made against GitLab-managed state (`backend "gitlab"`) is refused by `apply
/// FILE` once another apply — another pipeline's job, in another directory — has advanced the
/// remote state: in Terraform's words, with nothing sent to GitLab's token routes and the
/// remote state left as the other apply wrote it.
final class RemoteSavedPlanTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var projectID = 0
  private var aliceID = 0

  override func setUpWithError() throws {
    scene = try InProcessCLI("remote-saved-plan")
    aliceID = try fixture.createUser("alice")
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(_ tokens: [String]) -> String {
    """
    gitform {
      backend "gitlab" {
        project = "team/app"
        name    = "production"
      }
    }

    """
      + tokens.map {
        """
        resource "user_token" "\($0)" {
          user_id    = \(aliceID)
          name       = "\($0)"
          scopes     = ["api"]
          expires_at = "2026-12-01"
        }

        """
      }.joined(separator: "\n")
  }

  private var statePath: String { "/api/v4/projects/\(projectID)/terraform/state/production" }

  private func remoteState() throws -> [String: Any] {
    let answer = try fixture.raw(.get, statePath)
    XCTAssertEqual(answer.status, 200)
    return try XCTUnwrap(answer.json as? [String: Any])
  }

  /// The routes the emulator counted since the last reset, by `METHOD /template`.
  private func routes() throws -> [String: Int] {
    let stats = try fixture.raw(.get, "/-/emulator/stats")
    return try XCTUnwrap(fixture.field(stats, "routes") as? [String: Int])
  }

  func testAStalePlanOnGitLabManagedStateIsRefusedBeforeAnyTokenRequest() throws {
    try scene.write(configuration(["ci"]))
    let first = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(first.code, 0, first.out + first.err)
    try assertStalePlanRefused(existing: ["ci"])
  }

  /// The first merge request, before any apply: GitLab has no state yet when the plan is saved.
  func testAStalePlanMadeBeforeTheStateExistedIsRefused() throws {
    XCTAssertTrue([204, 404].contains(try fixture.raw(.get, statePath).status), "no state yet")
    try assertStalePlanRefused(existing: [])
  }

  /// Saves a plan adding `deploy` to `existing`, lets another job apply `release` instead, and
  /// checks that the saved plan is refused without a request beyond the state store.
  private func assertStalePlanRefused(existing: [String], file: StaticString = #filePath, line: UInt = #line) throws {
    // The merge request's pipeline saves a plan (another token)…
    try scene.write(configuration(existing + ["deploy"]))
    let planned = scene.run(["plan", "-out=mr.plan"])
    XCTAssertEqual(planned.code, 0, planned.out + planned.err)
    XCTAssertTrue(planned.out.contains("Plan: 1 to add, 0 to change, 0 to destroy."), planned.out)

    // …and before it is applied, another job, from an empty directory, applies another change.
    let other = try CommandWorkspace("remote-saved-plan-other", environment: scene.environment)
    defer { other.remove() }
    try other.write("main.gf.hcl", configuration(existing + ["release"]))
    let advanced = other.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(advanced.code, 0, advanced.out + advanced.err)
    let after = try remoteState()
    let serial = try XCTUnwrap(after["serial"] as? Int)

    try fixture.resetStats()
    let stale = scene.run(["apply", "mr.plan"])
    XCTAssertEqual(stale.code, 1, stale.out + stale.err)
    XCTAssertEqual(
      stale.err,
      "\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by\nanother operation after the plan was created.\n")
    XCTAssertFalse(stale.out.contains("Creating..."), stale.out)

    // Only the state store was asked: no token was made, listed or revoked.
    let asked = try routes()
    XCTAssertFalse(asked.isEmpty, "the state was read")
    for route in asked.keys {
      XCTAssertTrue(route.contains("/terraform/state/"), "a request beyond the state store: \(route) in \(asked)")
    }
    XCTAssertEqual(try remoteState()["serial"] as? Int, serial, "the other apply's state stands")
    let names = try XCTUnwrap(
      try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(aliceID)").json as? [[String: Any]]
    ).compactMap { $0["name"] as? String }
    XCTAssertEqual(names.sorted(), (existing + ["release"]).sorted())
    // The lock was released: a fresh plan sees the other job's token and proposes the swap.
    let replan = scene.run(["plan"])
    XCTAssertEqual(replan.code, 0, replan.out + replan.err)
    XCTAssertTrue(replan.out.contains("Plan: 1 to add, 0 to change, 1 to destroy."), replan.out)
  }
}
