import Foundation
import XCTest

@testable import GitformCore

/// A deposed token (the old one of a create-before-destroy replacement) is revoked only after
/// every dependent that carried it was updated in the same run. While the CI variable still
/// holds the old value — its update failed again in a later apply, or -target left it out — the
/// old token stays active; the apply that finally updates the variable revokes it.
final class DeposedDependentTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func configure(_ scopes: String) throws {
    try scene.write(
      """
      resource "project_token" "t" {
        project    = "team/app"
        name       = "t"
        scopes     = [\(scopes)]
        expires_at = "2026-12-01"
      }

      resource "project_variable" "v" {
        project = "team/app"
        key     = "T"
        value   = project_token.t.token
        masked  = true
      }

      """)
  }

  private func variableValue() throws -> String? {
    try scene.fixture.field(scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T"), "value")
      as? String
  }

  /// GitLab's answer to the token itself: 200 while it works, 401 once revoked.
  private func status(of token: String) throws -> Int {
    try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: token).status
  }

  /// First apply of a scopes change with the variable's update failing: the new token exists,
  /// the variable and the old token are as they were.
  private func replaceWithFailingVariable(times: Int) throws -> String {
    try configure("\"read_api\"")
    try scene.apply()
    let old = try XCTUnwrap(try variableValue())
    try configure("\"read_api\", \"read_repository\"")
    try scene.fixture.fault("PUT", "/api/v4/projects/:id/variables/:key", times: times, ["status": 500])
    let first = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(first.status, 1, first.standardOutput)
    XCTAssertTrue(first.standardError.contains("Error: Failed to update project_variable.v"), first.standardError)
    XCTAssertFalse(first.standardOutput.contains("Destroying..."), first.standardOutput)
    XCTAssertEqual(try variableValue(), old)
    XCTAssertEqual(try status(of: old), 200)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 2)
    return old
  }

  func testDeposedTokenSurvivesASecondApplyWhoseVariableUpdateFailsAgain() throws {
    let old = try replaceWithFailingVariable(times: 3)

    let second = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(second.status, 1, second.standardOutput)
    XCTAssertTrue(second.standardOutput.contains("project_token.t (deposed object "), second.standardOutput)
    XCTAssertTrue(second.standardError.contains("Error: Failed to update project_variable.v"), second.standardError)
    XCTAssertFalse(second.standardOutput.contains("Destroying..."), second.standardOutput)
    XCTAssertEqual(try variableValue(), old, "the variable still carries the old token")
    XCTAssertEqual(try status(of: old), 200, "so the old token is still active")
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 2)

    try scene.fixture.raw(.delete, "/-/emulator/faults")
    let third = try scene.apply()
    XCTAssertTrue(third.standardOutput.contains("Apply complete! Resources: 0 added, 1 changed, 1 destroyed."), third.standardOutput)
    // Dependents first, then the revocation.
    let update = try XCTUnwrap(third.standardOutput.range(of: "project_variable.v: Modifications complete"))
    let revoke = try XCTUnwrap(third.standardOutput.range(of: "): Destroying..."))
    XCTAssertLessThan(update.lowerBound, revoke.lowerBound)
    let new = try XCTUnwrap(try variableValue())
    XCTAssertNotEqual(new, old)
    XCTAssertEqual(new, try scene.state("project_token.t")["token"] as? String)
    XCTAssertEqual(try status(of: old), 401)
    XCTAssertEqual(try status(of: new), 200)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 1)
    try scene.assertNoChanges()
  }

  func testTargetingTheTokenAloneDoesNotRevokeWhatTheVariableCarries() throws {
    let old = try replaceWithFailingVariable(times: 1)

    // -target leaves the variable out: nothing fails, yet it still carries the old token.
    let targeted = try scene.gitform.run(["apply", "-auto-approve", "-no-color", "-target=project_token.t"])
    XCTAssertEqual(targeted.status, 0, targeted.standardOutput + targeted.standardError)
    XCTAssertFalse(targeted.standardOutput.contains("Destroying..."), targeted.standardOutput)
    let warning = targeted.standardOutput.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(warning.contains("Warning: project_token.t (deposed object "), targeted.standardOutput)
    XCTAssertTrue(
      warning.contains("project_variable.v still carries its value and was not updated in this run"),
      targeted.standardOutput)
    XCTAssertEqual(try variableValue(), old)
    XCTAssertEqual(try status(of: old), 200)

    let full = try scene.apply()
    XCTAssertTrue(full.standardOutput.contains("1 destroyed."), full.standardOutput)
    XCTAssertEqual(try status(of: old), 401)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 1)
    try scene.assertNoChanges()
  }

  func testAVariableThatIgnoresItsValueDoesNotHoldTheOldTokenBack() throws {
    func configure(_ scopes: String) throws {
      try scene.write(
        """
        resource "project_token" "t" {
          project    = "team/app"
          name       = "t"
          scopes     = [\(scopes)]
          expires_at = "2026-12-01"
        }

        resource "project_variable" "v" {
          project = "team/app"
          key     = "T"
          value   = project_token.t.token
          masked  = true

          lifecycle {
            ignore_changes = [value]
          }
        }

        """)
    }
    try configure("\"read_api\"")
    try scene.apply()
    let old = try XCTUnwrap(try variableValue())
    try configure("\"read_api\", \"read_repository\"")
    // The configuration says the variable's value is not gitform's to keep current.
    let replaced = try scene.apply()
    XCTAssertTrue(replaced.standardOutput.contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed."), replaced.standardOutput)
    XCTAssertFalse(replaced.standardOutput.contains("was not destroyed"), replaced.standardOutput)
    XCTAssertEqual(try status(of: old), 401)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 1)
  }
}
