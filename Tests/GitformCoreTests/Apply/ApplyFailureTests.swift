import XCTest

@testable import GitformCore

/// An apply with a failing create: what is running finishes, dependents of the failure are
/// skipped, independent work goes on, everything done is recorded, exit 1 with the address.
final class ApplyFailureTests: XCTestCase {
  func testFailureSkipsDependentsAndKeepsEverythingElse() throws {
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    let alice = try fixture.createUser("alice")
    let projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-fail-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try """
      resource "user_token" "ci" {
        user_id    = \(alice)
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      resource "project_variable" "carrier" {
        project = "team/app"
        key     = "CI_TOKEN"
        value   = user_token.ci.token
      }

      resource "project_variable" "independent" {
        project = "team/app"
        key     = "FLAG"
        value   = "on"
      }

      """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["status": 422])
    let environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
    let output = CapturedOutput()
    let code = CommandLineInterface().run(
      ["apply", "-auto-approve", "-no-color"], context: output.context(directory: directory.path, environment: environment))
    XCTAssertEqual(code, 1)
    XCTAssertTrue(output.standardError.contains("Error: Failed to create user_token.ci"), output.standardError)
    XCTAssertTrue(output.standardError.contains("Error: Skipped project_variable.carrier"), output.standardError)
    XCTAssertTrue(output.standardError.contains("It depends on user_token.ci, which could not be applied."))
    XCTAssertTrue(output.standardOutput.contains("project_variable.independent: Creation complete after 0s [id=team/app:FLAG:*]"))
    XCTAssertFalse(output.standardOutput.contains("Apply complete!"))
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/FLAG").status, 200)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/CI_TOKEN").status, 404)

    let list = CapturedOutput()
    XCTAssertEqual(CommandLineInterface().run(["state", "list"], context: list.context(directory: directory.path)), 0)
    XCTAssertEqual(list.standardOutput, "project_variable.independent\n")

    // The fault was used up: the next apply does the rest.
    let again = CapturedOutput()
    XCTAssertEqual(
      CommandLineInterface().run(
        ["apply", "-auto-approve", "-no-color"], context: again.context(directory: directory.path, environment: environment)), 0,
      again.standardError)
    XCTAssertTrue(again.standardOutput.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."), again.standardOutput)
  }
}
