import XCTest

@testable import GitformCore

/// An apply with a failing create: what is running finishes, dependents of the failure are
/// skipped, independent work goes on, everything done is recorded, exit 1 with the address.
final class ApplyFailureTests: XCTestCase {
  func testFailureSkipsDependentsAndKeepsEverythingElse() throws {
    let scene = try InProcessCLI("fail")
    defer { scene.finish() }
    let fixture = scene.fixture
    let alice = try fixture.createUser("alice")
    let projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    try scene.write(
      """
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

      """)
    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["status": 422])
    let output = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(output.code, 1)
    XCTAssertTrue(output.err.contains("Error: Failed to create user_token.ci"), output.err)
    XCTAssertTrue(output.err.contains("Error: Skipped project_variable.carrier"), output.err)
    XCTAssertTrue(output.err.contains("It depends on user_token.ci, which could not be applied."))
    XCTAssertTrue(output.out.contains("project_variable.independent: Creation complete after 0s [id=team/app:FLAG:*]"))
    XCTAssertFalse(output.out.contains("Apply complete!"))
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/FLAG").status, 200)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/CI_TOKEN").status, 404)

    let list = scene.workspace.run(["state", "list"])
    XCTAssertEqual(list.code, 0)
    XCTAssertEqual(list.out, "project_variable.independent\n")

    // The fault was used up: the next apply does the rest.
    let again = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(again.code, 0, again.err)
    XCTAssertTrue(again.out.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."), again.out)
  }
}
