import Foundation
import XCTest

@testable import GitformCore

/// Creates whose answer is lost after GitLab committed (the emulator's `drop_after_commit`),
/// for every secret-bearing kind: user, impersonation, project and group tokens and project
/// variables. The create is recorded in the state before it is sent, so the failed apply
/// leaves a trace, and the next run — plan or apply — adopts what GitLab made instead of
/// creating a second one. A token's value is never shown again, so it is rotated once for
/// one; a variable's value is the configured one. After two runs: exactly one active token
/// per resource, its value in the state and working.
///
/// These runs may not send a create again (`retries = 0`), so what the apply leaves in doubt is
/// resolved by the next run; `CreateRetryTests` resolves it within the run.
final class CreateCrashTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws {
    scene = try LifecycleHarness()
    scene.gitform.environment["GITFORM_RETRIES"] = "0"
  }
  override func tearDown() { scene?.finish() }

  /// The instance's `status` in the state file ("tainted" marks an unresolved create).
  private func status(_ address: String) throws -> String? {
    try instances(address).first?["status"] as? String
  }

  /// Every instance (current and deposed) of one resource in the state file.
  private func instances(_ address: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: scene.gitform.directory.appendingPathComponent("gitform.tfstate"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    for resource in json["resources"] as? [[String: Any]] ?? []
    where "\(resource["type"] ?? "").\(resource["name"] ?? "")" == address {
      return resource["instances"] as? [[String: Any]] ?? []
    }
    return []
  }

  private func groupTokens() throws -> [[String: Any]] {
    try scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)/access_tokens").json as? [[String: Any]] ?? []
  }

  private func impersonationTokens() throws -> [[String: Any]] {
    try scene.fixture.raw(.get, "/api/v4/users/\(scene.aliceID)/impersonation_tokens?state=all").json
      as? [[String: Any]] ?? []
  }

  /// Applies `configuration` with the create route failing after commit; checks the failure
  /// says so and the state holds the pending create.
  private func applyLosingTheCreate(
    _ configuration: String, route: String, address: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    try scene.write(configuration)
    try scene.fixture.fault("POST", route, ["drop_after_commit": true])
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput, file: file, line: line)
    XCTAssertTrue(
      failed.standardError.replacingOccurrences(of: "\n", with: " ").contains(
        "GitLab may have created it. gitform recorded the request before sending it: the next plan or apply looks for what GitLab made and adopts it instead of creating another."),
      failed.standardError, file: file, line: line)
    XCTAssertEqual(try status(address), "tainted", "the create was recorded before it was sent", file: file, line: line)
  }

  /// The next runs: a plan that adopts and rotates (never creates), an apply, and then exactly
  /// one active token of the name, the one in the state, whose value works.
  private func assertAdoptedAndRotated(
    _ address: String, name: String, tokens: () throws -> [[String: Any]], selfCheck: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    XCTAssertEqual(LifecycleHarness.active(try tokens(), named: name).count, 1, "GitLab made it", file: file, line: line)
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardError, file: file, line: line)
    XCTAssertTrue(
      plan.standardOutput.contains(
        "  # \(address) will be updated in-place\n  # (rotation: an interrupted apply made this token but never received its value; a rotation gets one)\n"),
      plan.standardOutput, file: file, line: line)
    XCTAssertFalse(plan.standardOutput.contains("\(address) will be created"), plan.standardOutput, file: file, line: line)
    try scene.apply(file: file, line: line)
    XCTAssertNil(try status(address), file: file, line: line)
    let attributes = try scene.state(address, file: file, line: line)
    let value = try XCTUnwrap(attributes["token"] as? String, "the value is in the state", file: file, line: line)
    let active = LifecycleHarness.active(try tokens(), named: name)
    XCTAssertEqual(
      active.map { $0["id"] as? Int }, [attributes["token_id"] as? Int], "exactly one active token, the managed one",
      file: file, line: line)
    XCTAssertEqual(try scene.fixture.raw(.get, selfCheck, token: value).status, 200, file: file, line: line)
    try scene.assertNoChanges(file: file, line: line)
  }

  func testLostCreateOfAUserToken() throws {
    try applyLosingTheCreate(
      """
      resource "user_token" "ci" {
        user_id    = \(scene.aliceID)
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      """, route: "/api/v4/users/:user_id/personal_access_tokens", address: "user_token.ci")
    try assertAdoptedAndRotated(
      "user_token.ci", name: "ci", tokens: scene.userTokens, selfCheck: "/api/v4/personal_access_tokens/self")
    XCTAssertEqual(try scene.userTokens().filter { $0["name"] as? String == "ci" }.count, 2, "one create, one rotation")
  }

  func testLostCreateOfAnImpersonationToken() throws {
    try applyLosingTheCreate(
      """
      resource "impersonation_token" "ops" {
        user_id    = \(scene.aliceID)
        name       = "ops"
        scopes     = ["read_user"]
        expires_at = "2026-12-01"
      }

      """, route: "/api/v4/users/:user_id/impersonation_tokens", address: "impersonation_token.ops")
    try assertAdoptedAndRotated(
      "impersonation_token.ops", name: "ops", tokens: impersonationTokens, selfCheck: "/api/v4/user")
  }

  func testLostCreateOfAProjectTokenAndItsVariable() throws {
    try applyLosingTheCreate(
      """
      resource "project_token" "deploy" {
        project    = "team/app"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "project_variable" "deploy" {
        project = "team/app"
        key     = "DEPLOY_TOKEN"
        value   = project_token.deploy.token
        masked  = true
      }

      """, route: "/api/v4/projects/:id/access_tokens", address: "project_token.deploy")
    try assertAdoptedAndRotated(
      "project_token.deploy", name: "deploy", tokens: scene.projectTokens,
      selfCheck: "/api/v4/projects/\(scene.projectID)")
    // The variable was created after the rotation, with the value that works.
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    XCTAssertEqual(
      try scene.fixture.field(variable, "value") as? String, try scene.state("project_token.deploy")["token"] as? String)
  }

  func testLostCreateOfAGroupTokenIsResolvedEvenWithoutRefresh() throws {
    try applyLosingTheCreate(
      """
      resource "group_token" "bots" {
        group      = "team"
        name       = "bots"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      """, route: "/api/v4/groups/:id/access_tokens", address: "group_token.bots")
    XCTAssertEqual(LifecycleHarness.active(try groupTokens(), named: "bots").count, 1)
    let apply = try scene.gitform.run(["apply", "-auto-approve", "-no-color", "-refresh=false"])
    XCTAssertEqual(apply.status, 0, apply.standardOutput + apply.standardError)
    XCTAssertTrue(
      apply.standardOutput.contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), apply.standardOutput)
    let attributes = try scene.state("group_token.bots")
    let value = try XCTUnwrap(attributes["token"] as? String)
    XCTAssertEqual(
      LifecycleHarness.active(try groupTokens(), named: "bots").map { $0["id"] as? Int }, [attributes["token_id"] as? Int])
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)", token: value).status, 200)
    try scene.assertNoChanges()
  }

  func testLostCreateOfAVariableIsAdoptedWithItsConfiguredValue() throws {
    try applyLosingTheCreate(
      """
      resource "project_variable" "secret" {
        project = "team/app"
        key     = "SECRET"
        value   = sensitive("s3cr3t-value-1")
        masked  = true
      }

      """, route: "/api/v4/projects/:id/variables", address: "project_variable.secret")
    try scene.fixture.resetStats()
    // GitLab has it with the configured value: the next plan adopts it and has nothing to do.
    try scene.assertNoChanges()
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/variables"), 0)
    try scene.apply()
    XCTAssertNil(try status("project_variable.secret"))
    XCTAssertEqual(try scene.state("project_variable.secret")["value"] as? String, "s3cr3t-value-1")
    let variables = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables").json as? [[String: Any]] ?? []
    XCTAssertEqual(variables.compactMap { $0["key"] as? String }, ["SECRET"])
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/variables"), 0, "never created twice")
    for text in scene.gitform.transcript { XCTAssertFalse(text.contains("s3cr3t-value-1")) }
  }

  func testLostCreateOfAReplacementKeepsTheOldTokenUntilTheNewOneIsAdopted() throws {
    func configure(_ scopes: String) throws {
      try scene.write(
        """
        resource "project_token" "deploy" {
          project    = "team/app"
          name       = "deploy"
          scopes     = [\(scopes)]
          expires_at = "2026-12-01"
        }

        resource "project_variable" "deploy" {
          project = "team/app"
          key     = "DEPLOY_TOKEN"
          value   = project_token.deploy.token
          masked  = true
        }

        """)
    }
    try configure("\"read_api\"")
    try scene.apply()
    let old = try scene.state("project_token.deploy")
    let oldValue = try XCTUnwrap(old["token"] as? String)
    try configure("\"read_api\", \"read_repository\"")
    try scene.fixture.fault("POST", "/api/v4/projects/:id/access_tokens", ["drop_after_commit": true])
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    XCTAssertFalse(failed.standardOutput.contains("Destroying..."), failed.standardOutput)
    // The old token is deposed and still live (the variable carries it); the new one pending.
    let recorded = try instances("project_token.deploy")
    XCTAssertEqual(recorded.count, 2)
    XCTAssertEqual(recorded.filter { $0["deposed"] != nil }.count, 1)
    XCTAssertEqual(recorded.filter { $0["status"] as? String == "tainted" }.count, 1)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "deploy").count, 2)
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: oldValue).status, 200)

    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2)
    XCTAssertTrue(plan.standardOutput.contains("Plan: 0 to add, 2 to change, 1 to destroy."), plan.standardOutput)
    try scene.apply()
    let final = try scene.state("project_token.deploy")
    XCTAssertNotEqual(final["token_id"] as? Int, old["token_id"] as? Int)
    XCTAssertEqual(final["scopes"] as? [String], ["read_api", "read_repository"])
    XCTAssertEqual(
      LifecycleHarness.active(try scene.projectTokens(), named: "deploy").map { $0["id"] as? Int }, [final["token_id"] as? Int])
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: oldValue).status, 401)
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    XCTAssertEqual(try scene.fixture.field(variable, "value") as? String, final["token"] as? String)
    try scene.assertNoChanges()
  }

  func testRefusedCreateOfAReplacementLeavesTheOldTokenCurrentNotDeposed() throws {
    func configure(_ scopes: String) throws {
      try scene.write(
        """
        resource "user_token" "ci" {
          user_id    = \(scene.aliceID)
          name       = "ci"
          scopes     = [\(scopes)]
          expires_at = "2026-12-01"
        }

        """)
    }
    try configure("\"api\"")
    try scene.apply()
    let before = try scene.state("user_token.ci")
    try configure("\"read_api\"")
    // A refusal (not a 500, which may have made a token): nothing was made.
    try scene.fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["status": 422])
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1)
    XCTAssertFalse(failed.standardError.contains("GitLab may have created it"), failed.standardError)
    // GitLab answered: nothing was made, and the state is as before — one current object.
    let recorded = try instances("user_token.ci")
    XCTAssertEqual(recorded.count, 1)
    XCTAssertNil(recorded.first?["deposed"])
    XCTAssertNil(recorded.first?["status"])
    XCTAssertEqual(try scene.state("user_token.ci")["token_id"] as? Int, before["token_id"] as? Int)
    XCTAssertEqual(try scene.state("user_token.ci")["token"] as? String, before["token"] as? String)
    let plan = try scene.plan()
    XCTAssertTrue(plan.standardOutput.contains("Plan: 1 to add, 0 to change, 1 to destroy."), plan.standardOutput)
    XCTAssertFalse(plan.standardOutput.contains("deposed"), plan.standardOutput)
  }

  func testAnOlderTokenOfTheSameNameIsNeverTakenForTheLostCreate() throws {
    // Someone made a token "ci" for alice by hand ten days ago; gitform does not manage it.
    try scene.moveClock(to: "2026-05-22T12:00:00Z")
    let foreign = try scene.fixture.raw(
      .post, "/api/v4/users/\(scene.aliceID)/personal_access_tokens",
      ["name": "ci", "scopes": ["read_api"], "expires_at": "2026-12-01"])
    XCTAssertEqual(foreign.status, 201)
    let foreignValue = try XCTUnwrap(scene.fixture.field(foreign, "token") as? String)
    try scene.moveClock(to: "2026-06-01T12:00:00Z")
    try scene.write(
      """
      resource "user_token" "ci" {
        user_id    = \(scene.aliceID)
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      """)
    // A gateway failed: GitLab made nothing, but gitform cannot know that.
    try scene.fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["status": 502])
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    XCTAssertTrue(failed.standardError.contains("GitLab may have created it."), failed.standardError)
    XCTAssertEqual(try status("user_token.ci"), "tainted")

    let plan = try scene.plan()
    XCTAssertTrue(plan.standardOutput.contains("  # user_token.ci will be created\n"), plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("user_token.ci: Refreshing state...\n"), plan.standardOutput)
    try scene.apply()
    let managed = try XCTUnwrap(try scene.state("user_token.ci")["token"] as? String)
    XCTAssertNotEqual(managed, foreignValue)
    // The hand-made token was neither adopted nor rotated away.
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: foreignValue).status, 200)
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: managed).status, 200)
    XCTAssertEqual(LifecycleHarness.active(try scene.userTokens(), named: "ci").count, 2)
    try scene.assertNoChanges()
  }
}
