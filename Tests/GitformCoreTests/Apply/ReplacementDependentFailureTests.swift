import XCTest

@testable import GitformCore

/// A create-before-destroy replacement whose dependent (the CI variable carrying the token)
/// cannot be updated must not revoke the old token: the variable still holds it. The old
/// object stays deposed; the next successful apply updates the variable and revokes it. The
/// same holds when the replacement itself cannot be created.
final class ReplacementDependentFailureTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  override func setUpWithError() throws {
    scene = try InProcessCLI("cbd")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  func testOldTokenSurvivesWhenTheVariableCarryingItFailsToUpdate() throws {
    let group = try fixture.createGroup("platform")
    let project = try fixture.createProject("deployer", inGroup: group)
    func configure(_ scopes: String) throws {
      try scene.write(
        """
        resource "project_token" "deploy" {
          project      = "platform/deployer"
          name         = "deploy"
          scopes       = [\(scopes)]
          access_level = "developer"
          expires_at   = "2026-12-01"
        }

        resource "project_variable" "deploy" {
          project = "platform/deployer"
          key     = "DEPLOY_TOKEN"
          value   = project_token.deploy.token
          masked  = true
        }

        """)
    }
    func variableValue() throws -> String {
      let answer = try fixture.raw(.get, "/api/v4/projects/\(project)/variables/DEPLOY_TOKEN")
      XCTAssertEqual(answer.status, 200)
      return try XCTUnwrap(fixture.field(answer, "value") as? String)
    }
    func activeTokens() throws -> [[String: Any]] {
      let answer = try fixture.raw(.get, "/api/v4/projects/\(project)/access_tokens")
      return (answer.json as? [[String: Any]] ?? []).filter { $0["active"] as? Bool == true }
    }

    try configure("\"read_api\"")
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let oldToken = try variableValue()
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: oldToken).status, 200)

    try configure("\"read_api\", \"read_repository\"")
    try fixture.fault("PUT", "/api/v4/projects/:id/variables/:key", times: 5, ["status": 500])
    let failed = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1, failed.out)
    XCTAssertTrue(failed.err.contains("Error: Failed to update project_variable.deploy"), failed.err)
    XCTAssertFalse(failed.out.contains("Destroying..."), failed.out)
    // The variable still carries the old token, and that token still works.
    XCTAssertEqual(try variableValue(), oldToken)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: oldToken).status, 200)
    XCTAssertEqual(try activeTokens().count, 2)

    let plan = scene.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 2, plan.err)
    XCTAssertTrue(plan.out.contains("  # project_token.deploy (deposed object "), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 0 to add, 1 to change, 1 to destroy."), plan.out)

    try fixture.raw(.delete, "/-/emulator/faults")
    let finish = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(finish.code, 0, finish.out + finish.err)
    let newToken = try variableValue()
    XCTAssertNotEqual(newToken, oldToken)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: oldToken).status, 401)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: newToken).status, 200)
    XCTAssertEqual(try activeTokens().count, 1)
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 0)
  }

  func testOldTokenSurvivesWhenItsReplacementCannotBeCreated() throws {
    let alice = try fixture.createUser("alice")
    func configure(_ scopes: String) throws {
      try scene.write(
        """
        resource "user_token" "ci" {
          user_id    = \(alice)
          name       = "ci"
          scopes     = [\(scopes)]
          expires_at = "2026-12-01"
        }

        """)
    }
    func active() throws -> [[String: Any]] {
      let answer = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)")
      return (answer.json as? [[String: Any]] ?? []).filter { $0["active"] as? Bool == true }
    }
    try configure("\"api\"")
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let oldID = try XCTUnwrap(try active().first?["id"] as? Int)

    try configure("\"read_api\"")
    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", times: 5, ["status": 500])
    let failed = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1, failed.out)
    XCTAssertTrue(failed.err.contains("Error: Failed to create user_token.ci"), failed.err)
    XCTAssertFalse(failed.out.contains("Destroying..."), failed.out)
    XCTAssertEqual(try active().compactMap { $0["id"] as? Int }, [oldID])

    try fixture.raw(.delete, "/-/emulator/faults")
    let finish = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(finish.code, 0, finish.out + finish.err)
    let tokens = try active()
    XCTAssertEqual(tokens.count, 1)
    XCTAssertNotEqual(tokens.first?["id"] as? Int, oldID)
    XCTAssertEqual(tokens.first?["scopes"] as? [String], ["read_api"])
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 0)
  }
}
