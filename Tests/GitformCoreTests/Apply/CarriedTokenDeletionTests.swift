import Foundation
import XCTest

@testable import GitformCore

/// The sibling of the deposed-token rule for tokens the plan deletes outright: a token is not
/// revoked while a variable of the state still carries its value because that variable's own
/// deletion or update failed in the same run. The next apply that deals with the variable
/// finishes the job.
final class CarriedTokenDeletionTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func configure(token: Bool, value: String) throws {
    let tokenBlock = """
      resource "project_token" "t" {
        project    = "team/app"
        name       = "t"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }


      """
    try scene.write(
      (token ? tokenBlock : "") + """
        resource "project_variable" "v" {
          project = "team/app"
          key     = "T"
          value   = \(value)
          masked  = true
        }

        """)
  }

  private func status(of token: String) throws -> Int {
    try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: token).status
  }

  private func variableValue() throws -> String? {
    try scene.fixture.field(scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T"), "value")
      as? String
  }

  func testDestroyKeepsTheTokenWhileTheVariableCarryingItCannotBeDeleted() throws {
    try configure(token: true, value: "project_token.t.token")
    try scene.apply()
    let value = try XCTUnwrap(try scene.state("project_token.t")["token"] as? String)
    // Every attempt of the variable's DELETE (retried, being idempotent: 5 sends) fails.
    try scene.fixture.fault("DELETE", "/api/v4/projects/:id/variables/:key", times: 5, ["status": 500])
    let failed = try scene.gitform.run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    XCTAssertTrue(failed.standardError.contains("Error: Failed to destroy project_variable.v"), failed.standardError)
    XCTAssertFalse(failed.standardOutput.contains("project_token.t: Destroying..."), failed.standardOutput)
    XCTAssertEqual(try variableValue(), value)
    XCTAssertEqual(try status(of: value), 200, "the variable's token still works")
    XCTAssertEqual(try scene.state("project_token.t")["token"] as? String, value)

    let finish = try scene.gitform.run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(finish.status, 0, finish.standardOutput + finish.standardError)
    XCTAssertTrue(finish.standardOutput.contains("Destroy complete! Resources: 2 destroyed."), finish.standardOutput)
    XCTAssertEqual(try status(of: value), 401)
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T").status, 404)
  }

  func testRemovedTokenIsKeptWhileTheVariableItWasInFailsToChange() throws {
    try configure(token: true, value: "project_token.t.token")
    try scene.apply()
    let value = try XCTUnwrap(try scene.state("project_token.t")["token"] as? String)
    // The variable gets another value and the token goes; the variable's update fails.
    try configure(token: false, value: "sensitive(\"another-value-1\")")
    try scene.fixture.fault("PUT", "/api/v4/projects/:id/variables/:key", ["status": 500])
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    XCTAssertTrue(failed.standardError.contains("Error: Failed to update project_variable.v"), failed.standardError)
    XCTAssertFalse(failed.standardOutput.contains("project_token.t: Destroying..."), failed.standardOutput)
    XCTAssertEqual(try variableValue(), value)
    XCTAssertEqual(try status(of: value), 200)

    let finish = try scene.apply()
    XCTAssertTrue(finish.standardOutput.contains("Apply complete! Resources: 0 added, 1 changed, 1 destroyed."), finish.standardOutput)
    XCTAssertEqual(try variableValue(), "another-value-1")
    XCTAssertEqual(try status(of: value), 401)
    try scene.assertNoChanges()
  }
}
