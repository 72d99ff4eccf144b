import Foundation
import XCTest

@testable import GitformCore

/// Rotation beyond the personal token's scenarios: impersonation tokens (which the Terraform
/// provider cannot rotate), project and group tokens rotated three times in a row, and a saved
/// plan that carries its rotation date and reason into a later apply.
final class RotationKindsTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func projectToken(_ setting: String) -> String {
    """
    resource "project_token" "deploy" {
      project = "team/app"
      name    = "deploy"
      scopes  = ["read_api"]
    \(setting)
    }

    resource "project_variable" "deploy_token" {
      project = "team/app"
      key     = "DEPLOY_TOKEN"
      value   = project_token.deploy.token
      masked  = true
    }

    """
  }

  private func rotation(_ days: Int, _ before: Int) -> String {
    """
      rotation_configuration {
        expiration_days    = \(days)
        rotate_before_days = \(before)
      }
    """
  }

  /// The project variable's value on the emulator equals the token in the state.
  private func assertVariableCarriesToken(file: StaticString = #filePath, line: UInt = #line) throws {
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    let token = try scene.state("project_token.deploy")["token"] as? String
    XCTAssertNotNil(token, file: file, line: line)
    XCTAssertEqual(try scene.fixture.field(variable, "value") as? String, token, file: file, line: line)
  }

  /// Impersonation tokens rotate too (the Terraform provider can only replace them): by date
  /// with rotation_configuration, then by a changed expires_at.
  func testImpersonationTokenRotatesInPlace() throws {
    let config = { (setting: String) in
      """
      resource "impersonation_token" "bot" {
        user_id = \(self.scene.aliceID)
        name    = "bot"
        scopes  = ["read_api"]
      \(setting)
      }

      """
    }
    try scene.write(config(rotation(10, 3)))
    try scene.apply()
    let firstID = try XCTUnwrap(scene.state("impersonation_token.bot")["token_id"] as? Int)
    XCTAssertEqual(try scene.state("impersonation_token.bot")["expires_at"] as? String, "2026-06-11")
    try scene.moveClock(to: "2026-06-08T12:00:00Z")
    let plan = try scene.plan()
    XCTAssertTrue(
      plan.standardOutput.contains(
        "  # impersonation_token.bot will be updated in-place\n  # (rotation: expires 2026-06-11, within rotate_before_days = 3)\n"),
      plan.standardOutput)
    try scene.apply()
    let rotated = try scene.state("impersonation_token.bot")
    let rotatedID = try XCTUnwrap(rotated["token_id"] as? Int)
    XCTAssertGreaterThan(rotatedID, firstID)
    XCTAssertEqual(rotated["expires_at"] as? String, "2026-06-18")
    XCTAssertEqual(rotated["impersonation"] as? Bool, true)
    XCTAssertEqual(rotated["user_id"] as? Int, scene.aliceID)
    let list = try XCTUnwrap(
      scene.fixture.raw(.get, "/api/v4/users/\(scene.aliceID)/impersonation_tokens").json as? [[String: Any]])
    XCTAssertEqual(list.first { $0["id"] as? Int == firstID }?["revoked"] as? Bool, true)
    XCTAssertEqual(LifecycleHarness.active(list, named: "bot").map { $0["id"] as? Int }, [rotatedID])
    try scene.assertNoChanges()

    try scene.write(config("  expires_at = \"2026-08-01\""))
    let fixed = try scene.plan()
    XCTAssertTrue(fixed.standardOutput.contains("  # (rotation: expires_at changed)\n"), fixed.standardOutput)
    try scene.apply()
    XCTAssertEqual(try scene.state("impersonation_token.bot")["expires_at"] as? String, "2026-08-01")
    XCTAssertGreaterThan(try XCTUnwrap(scene.state("impersonation_token.bot")["token_id"] as? Int), rotatedID)
    try scene.assertNoChanges()
  }

  /// A saved plan states the rotation's reason in `show -json`, and `apply FILE` a day later
  /// asks GitLab for the expiry the plan showed, not one computed on the later day.
  func testSavedPlanCarriesTheRotationDateAndReason() throws {
    try scene.write(projectToken(rotation(10, 2)))
    try scene.apply()
    XCTAssertEqual(try scene.state("project_token.deploy")["expires_at"] as? String, "2026-06-11")
    try scene.moveClock(to: "2026-06-09T12:00:00Z")
    let plan = try scene.gitform.run(["plan", "-no-color", "-out=rotate.gfplan"])
    XCTAssertEqual(plan.status, 0, plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains("~ expires_at             = \"2026-06-11\" -> \"2026-06-19\""), plan.standardOutput)
    let show = try scene.gitform.run(["show", "-json", "rotate.gfplan"])
    XCTAssertEqual(show.status, 0, show.standardError)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(show.standardOutput.utf8)) as? [String: Any])
    let changes = try XCTUnwrap(json["resource_changes"] as? [[String: Any]])
    let token = try XCTUnwrap(changes.first { $0["address"] as? String == "project_token.deploy" })
    XCTAssertEqual((token["change"] as? [String: Any])?["actions"] as? [String], ["update"])
    XCTAssertEqual(token["reason"] as? String, "expires 2026-06-11, within rotate_before_days = 2")

    try scene.moveClock(to: "2026-06-10T12:00:00Z")
    let apply = try scene.gitform.run(["apply", "-no-color", "rotate.gfplan"])
    XCTAssertEqual(apply.status, 0, apply.standardOutput + apply.standardError)
    XCTAssertEqual(try scene.state("project_token.deploy")["expires_at"] as? String, "2026-06-19")
    XCTAssertEqual(
      LifecycleHarness.active(try scene.projectTokens(), named: "deploy").first?["expires_at"] as? String,
      "2026-06-19")
    try assertVariableCarriesToken()
  }

  /// The project and group variants of the three-rotations scenario: the bot user survives
  /// every rotation, and each old token is revoked.
  func testProjectAndGroupTokensRotateThreeTimesKeepingTheirBotUsers() throws {
    let config = { (expiry: String) in
      """
      resource "project_token" "deploy" {
        project    = "team/app"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "\(expiry)"
      }

      resource "group_token" "team" {
        group      = "team"
        name       = "team"
        scopes     = ["read_api"]
        expires_at = "\(expiry)"
      }

      """
    }
    try scene.write(config("2026-06-11"))
    try scene.apply()
    let projectBot = try XCTUnwrap(scene.state("project_token.deploy")["user_id"] as? Int)
    let groupBot = try XCTUnwrap(scene.state("group_token.team")["user_id"] as? Int)
    var ids = [
      try XCTUnwrap(scene.state("project_token.deploy")["token_id"] as? Int),
      try XCTUnwrap(scene.state("group_token.team")["token_id"] as? Int),
    ]
    for expiry in ["2026-06-21", "2026-07-01", "2026-07-11"] {
      try scene.write(config(expiry))
      let plan = try scene.plan()
      XCTAssertTrue(plan.standardOutput.contains("Plan: 0 to add, 2 to change, 0 to destroy."), plan.standardOutput)
      try scene.apply()
      let project = try scene.state("project_token.deploy")
      let group = try scene.state("group_token.team")
      XCTAssertEqual(project["user_id"] as? Int, projectBot)
      XCTAssertEqual(group["user_id"] as? Int, groupBot)
      XCTAssertEqual(project["expires_at"] as? String, expiry)
      XCTAssertEqual(group["expires_at"] as? String, expiry)
      let next = [try XCTUnwrap(project["token_id"] as? Int), try XCTUnwrap(group["token_id"] as? Int)]
      XCTAssertGreaterThan(next[0], ids[0])
      XCTAssertGreaterThan(next[1], ids[1])
      let projectTokens = try scene.projectTokens()
      XCTAssertEqual(projectTokens.first { $0["id"] as? Int == ids[0] }?["revoked"] as? Bool, true)
      XCTAssertEqual(LifecycleHarness.active(projectTokens, named: "deploy").map { $0["id"] as? Int }, [next[0]])
      let groupTokens = try XCTUnwrap(
        scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)/access_tokens").json as? [[String: Any]])
      XCTAssertEqual(groupTokens.first { $0["id"] as? Int == ids[1] }?["revoked"] as? Bool, true)
      XCTAssertEqual(LifecycleHarness.active(groupTokens, named: "team").map { $0["id"] as? Int }, [next[1]])
      try scene.assertNoChanges()
      ids = next
    }
    XCTAssertEqual(try scene.requests("POST /api/v4/groups/:id/access_tokens/:token_id/rotate"), 3)
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens/:token_id/rotate"), 3)

    // A group token revoked outside gitform after it expired: destroy still succeeds.
    try scene.moveClock(to: "2026-07-20T12:00:00Z")
    XCTAssertEqual(
      try scene.fixture.raw(.delete, "/api/v4/groups/\(scene.groupID)/access_tokens/\(ids[1])").status, 204)
    let destroy = try scene.gitform.run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(destroy.status, 0, destroy.standardOutput + destroy.standardError)
    XCTAssertTrue(LifecycleHarness.active(try scene.projectTokens(), named: "deploy").isEmpty)
  }

  /// A group token with `self_rotate` rotates through the group's self/rotate route.
  func testGroupTokenSelfRotates() throws {
    let config = { (expiry: String) in
      """
      resource "group_token" "team" {
        group      = "team"
        name       = "team"
        scopes     = ["read_api", "self_rotate"]
        expires_at = "\(expiry)"
      }

      """
    }
    try scene.write(config("2026-06-11"))
    try scene.apply()
    let first = try scene.state("group_token.team")
    try scene.fixture.resetStats()
    try scene.write(config("2026-06-25"))
    try scene.apply()
    XCTAssertEqual(try scene.requests("POST /api/v4/groups/:id/access_tokens/self/rotate"), 1)
    XCTAssertEqual(try scene.requests("POST /api/v4/groups/:id/access_tokens/:token_id/rotate"), 0)
    let rotated = try scene.state("group_token.team")
    XCTAssertGreaterThan(try XCTUnwrap(rotated["token_id"] as? Int), try XCTUnwrap(first["token_id"] as? Int))
    XCTAssertEqual(rotated["user_id"] as? Int, first["user_id"] as? Int)
    XCTAssertEqual(rotated["expires_at"] as? String, "2026-06-25")
    let value = try XCTUnwrap(rotated["token"] as? String)
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)", token: value).status, 200)
  }
}
