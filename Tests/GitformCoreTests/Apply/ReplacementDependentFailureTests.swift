import XCTest

@testable import GitformCore

/// A create-before-destroy replacement whose dependent (the CI variable carrying the token)
/// cannot be updated must not revoke the old token: the variable still holds it. The old
/// object stays deposed; the next successful apply updates the variable and revokes it.
final class ReplacementDependentFailureTests: XCTestCase {
  func testOldTokenSurvivesWhenTheVariableCarryingItFailsToUpdate() throws {
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    let group = try fixture.createGroup("platform")
    let project = try fixture.createProject("deployer", inGroup: group)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-cbd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func write(_ scopes: String) throws {
      try """
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

        """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    }
    let environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
      let output = CapturedOutput()
      let code = CommandLineInterface().run(
        arguments + ["-no-color"], context: output.context(directory: directory.path, environment: environment))
      return (code, output.standardOutput, output.standardError)
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

    try write("\"read_api\"")
    XCTAssertEqual(run(["apply", "-auto-approve"]).code, 0)
    let oldToken = try variableValue()
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: oldToken).status, 200)

    try write("\"read_api\", \"read_repository\"")
    try fixture.fault("PUT", "/api/v4/projects/:id/variables/:key", times: 5, ["status": 500])
    let failed = run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1, failed.out)
    XCTAssertTrue(failed.err.contains("Error: Failed to update project_variable.deploy"), failed.err)
    XCTAssertFalse(failed.out.contains("Destroying..."), failed.out)
    // The variable still carries the old token, and that token still works.
    XCTAssertEqual(try variableValue(), oldToken)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: oldToken).status, 200)
    XCTAssertEqual(try activeTokens().count, 2)

    let plan = run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 2, plan.err)
    XCTAssertTrue(plan.out.contains("  # project_token.deploy (deposed object "), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 0 to add, 1 to change, 1 to destroy."), plan.out)

    try fixture.raw(.delete, "/-/emulator/faults")
    let finish = run(["apply", "-auto-approve"])
    XCTAssertEqual(finish.code, 0, finish.out + finish.err)
    let newToken = try variableValue()
    XCTAssertNotEqual(newToken, oldToken)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: oldToken).status, 401)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: newToken).status, 200)
    XCTAssertEqual(try activeTokens().count, 1)
    XCTAssertEqual(run(["plan", "-detailed-exitcode"]).code, 0)
  }
}
