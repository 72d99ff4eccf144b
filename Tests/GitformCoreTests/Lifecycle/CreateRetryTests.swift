import Foundation
import XCTest

@testable import GitformCore

/// Creates whose outcome is in doubt are resolved within the apply: gitform looks at GitLab for
/// what the failed send made, adopts it (a token is rotated once for its value, a variable is
/// taken as it is), and sends again only when nothing was made — never more often than the
/// client's retry count, and never after a refusal. Each ends with one active token per
/// resource, its value in the state and working, and nothing left for the next plan.
final class CreateRetryTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func userToken(_ name: String) -> String {
    """
    resource "user_token" "\(name)" {
      user_id    = \(scene.aliceID)
      name       = "\(name)"
      scopes     = ["api"]
      expires_at = "2026-12-01"
    }

    """
  }

  private func tokens(_ path: String) throws -> [[String: Any]] {
    try scene.fixture.raw(.get, path).json as? [[String: Any]] ?? []
  }

  /// One active token named `name` in `list`, the state's, whose value passes `selfCheck`.
  private func assertOneWorkingToken(
    _ address: String, name: String, list: String, selfCheck: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let attributes = try scene.state(address, file: file, line: line)
    let value = try XCTUnwrap(attributes["token"] as? String, "the value is in the state", file: file, line: line)
    XCTAssertEqual(
      LifecycleHarness.active(try tokens(list), named: name).map { $0["id"] as? Int }, [attributes["token_id"] as? Int],
      "exactly one active token, the managed one", file: file, line: line)
    XCTAssertEqual(try scene.fixture.raw(.get, selfCheck, token: value).status, 200, file: file, line: line)
  }

  func testServerErrorsAreSentAgainAfterLookingAtGitLab() throws {
    try scene.write(userToken("ci"))
    try scene.fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", times: 2, ["status": 500])
    try scene.fixture.resetStats()
    let applied = try scene.apply()
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertEqual(try scene.requests("POST /api/v4/users/:user_id/personal_access_tokens"), 3)
    // Before each new send, one look at the user's tokens.
    XCTAssertEqual(try scene.requests("GET /api/v4/personal_access_tokens"), 2)
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate"), 0)
    try assertOneWorkingToken(
      "user_token.ci", name: "ci", list: "/api/v4/personal_access_tokens?user_id=\(scene.aliceID)",
      selfCheck: "/api/v4/personal_access_tokens/self")
    try scene.assertNoChanges()
  }

  func testLostAnswersOfEveryTokenKindAreAdoptedAndRotatedInTheSameApply() throws {
    try scene.write(
      userToken("ci") + """

        resource "impersonation_token" "ops" {
          user_id    = \(scene.aliceID)
          name       = "ops"
          scopes     = ["read_user"]
          expires_at = "2026-12-01"
        }

        resource "project_token" "deploy" {
          project    = "team/app"
          name       = "deploy"
          scopes     = ["read_api"]
          expires_at = "2026-12-01"
        }

        resource "group_token" "bots" {
          group      = "team"
          name       = "bots"
          scopes     = ["read_api"]
          expires_at = "2026-12-01"
        }

        resource "project_variable" "deploy" {
          project = "team/app"
          key     = "DEPLOY_TOKEN"
          value   = project_token.deploy.token
          masked  = true
        }

        """)
    for route in [
      "/api/v4/users/:user_id/personal_access_tokens", "/api/v4/users/:user_id/impersonation_tokens",
      "/api/v4/projects/:id/access_tokens", "/api/v4/groups/:id/access_tokens", "/api/v4/projects/:id/variables",
    ] {
      try scene.fixture.fault("POST", route, ["drop_after_commit": true])
    }
    try scene.fixture.resetStats()
    let applied = try scene.apply()
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed."), applied.standardOutput)
    // Every create was sent once; each token was rotated once for the value the lost answer held.
    for route in [
      "POST /api/v4/users/:user_id/personal_access_tokens", "POST /api/v4/users/:user_id/impersonation_tokens",
      "POST /api/v4/projects/:id/access_tokens", "POST /api/v4/groups/:id/access_tokens",
      "POST /api/v4/projects/:id/variables",
    ] {
      XCTAssertEqual(try scene.requests(route), 1, route)
    }
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate"), 2, "user and impersonation token")
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens/:token_id/rotate"), 1)
    XCTAssertEqual(try scene.requests("POST /api/v4/groups/:id/access_tokens/:token_id/rotate"), 1)
    // The variable GitLab made holds the configured value: adopted without a change.
    XCTAssertEqual(try scene.requests("PUT /api/v4/projects/:id/variables/:key"), 0)

    let alice = scene.aliceID
    try assertOneWorkingToken(
      "user_token.ci", name: "ci", list: "/api/v4/personal_access_tokens?user_id=\(alice)",
      selfCheck: "/api/v4/personal_access_tokens/self")
    try assertOneWorkingToken(
      "impersonation_token.ops", name: "ops", list: "/api/v4/users/\(alice)/impersonation_tokens?state=all",
      selfCheck: "/api/v4/user")
    try assertOneWorkingToken(
      "project_token.deploy", name: "deploy", list: "/api/v4/projects/\(scene.projectID)/access_tokens",
      selfCheck: "/api/v4/projects/\(scene.projectID)")
    try assertOneWorkingToken(
      "group_token.bots", name: "bots", list: "/api/v4/groups/\(scene.groupID)/access_tokens",
      selfCheck: "/api/v4/groups/\(scene.groupID)")
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    XCTAssertTrue(
      try scene.fixture.field(variable, "value") as? String == scene.state("project_token.deploy")["token"] as? String,
      "the variable carries the rotated value")
    try scene.assertNoChanges()
  }

  func testARotationOfTheAdoptedTokenLostTooIsFollowedToItsSuccessor() throws {
    try scene.write(userToken("ci"))
    try scene.fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["drop_after_commit": true])
    try scene.fixture.fault("POST", "/api/v4/personal_access_tokens/:id/rotate", ["drop_after_commit": true])
    try scene.fixture.resetStats()
    try scene.apply()
    XCTAssertEqual(try scene.requests("POST /api/v4/users/:user_id/personal_access_tokens"), 1)
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate"), 2)
    // Made, rotated (answer lost), rotated again: three tokens, only the last one active.
    XCTAssertEqual(try scene.userTokens().filter { $0["name"] as? String == "ci" }.count, 3)
    try assertOneWorkingToken(
      "user_token.ci", name: "ci", list: "/api/v4/personal_access_tokens?user_id=\(scene.aliceID)",
      selfCheck: "/api/v4/personal_access_tokens/self")
    try scene.assertNoChanges()
  }

  func testARefusalIsNeverSentAgain() throws {
    try scene.write(userToken("ci"))
    try scene.fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["status": 400])
    try scene.fixture.resetStats()
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    XCTAssertTrue(failed.standardError.contains("Error: Failed to create user_token.ci"), failed.standardError)
    XCTAssertFalse(failed.standardError.contains("GitLab may have created it"), failed.standardError)
    XCTAssertEqual(try scene.requests("POST /api/v4/users/:user_id/personal_access_tokens"), 1)
    XCTAssertEqual(try scene.requests("GET /api/v4/personal_access_tokens"), 0, "nothing to look for")
    XCTAssertTrue(try scene.userTokens().isEmpty)
    let list = try scene.gitform.run(["state", "list"])
    XCTAssertEqual(list.standardOutput, "", "nothing was made, nothing is recorded")
  }

  func testSendsStopAtTheRetryCountWithTheCreateKeptInDoubt() throws {
    try scene.write(userToken("ci"))
    try scene.fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", times: 5, ["status": 503])
    try scene.fixture.resetStats()
    let started = Date()
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    // Five sends (the default four retries) with the client's back-off between them: 0.25 +
    // 0.5 + 1 + 2 seconds, the longer ones announced.
    XCTAssertEqual(try scene.requests("POST /api/v4/users/:user_id/personal_access_tokens"), 5)
    XCTAssertEqual(try scene.requests("GET /api/v4/personal_access_tokens"), 4)
    XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 3.75)
    XCTAssertTrue(
      failed.standardError.contains(
        "Waiting 2s for GitLab before retrying POST /users/:user_id/personal_access_tokens (attempt 5 of 5): HTTP 503, GitLab may or may not have made it.\n"),
      failed.standardError)
    let error = failed.standardError.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(
      error.contains("gitform sent it 5 times, each time after looking at GitLab for what the send before had made."),
      failed.standardError)
    XCTAssertTrue(error.contains("GitLab may have created it."), failed.standardError)
    let list = try scene.gitform.run(["state", "list"])
    XCTAssertEqual(list.standardOutput, "user_token.ci\n", "the create is kept in doubt")

    // The next run finds nothing GitLab made and creates the token.
    let plan = try scene.plan()
    XCTAssertTrue(plan.standardOutput.contains("  # user_token.ci will be created\n"), plan.standardOutput)
    try scene.apply()
    try assertOneWorkingToken(
      "user_token.ci", name: "ci", list: "/api/v4/personal_access_tokens?user_id=\(scene.aliceID)",
      selfCheck: "/api/v4/personal_access_tokens/self")
  }
}
