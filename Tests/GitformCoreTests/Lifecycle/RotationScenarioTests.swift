import Foundation
import XCTest

@testable import GitformCore

/// The Terraform provider's rotation acceptance scenarios (terraform-gitlab-provider.md §6),
/// run with the built gitform against the emulator while both clocks move: rotation by a
/// changed `expires_at` three times in a row, rotation by date, `{10,1}` → `{20,30}` →
/// `{20,1}`, and self-rotation. Each step checks the emulator's tokens (ids, revoked flags,
/// family: same name and owner) and the reason the plan states.
final class RotationScenarioTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func userToken(_ expiry: String, scopes: String = "\"api\"") -> String {
    """
    resource "user_token" "ci" {
      user_id    = \(scene.aliceID)
      name       = "ci"
      scopes     = [\(scopes)]
      expires_at = "\(expiry)"
    }

    """
  }

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

  func testChangedExpiresAtRotatesInPlaceThreeTimesInARow() throws {
    try scene.write(userToken("2026-06-11"))
    try scene.apply()
    var previousID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    var values: Set<String> = [try XCTUnwrap(scene.state("user_token.ci")["token"] as? String)]
    for (step, expiry) in ["2026-06-21", "2026-07-01", "2026-07-11"].enumerated() {
      try scene.write(userToken(expiry))
      let plan = try scene.plan()
      XCTAssertEqual(plan.status, 2, plan.standardError)
      XCTAssertTrue(plan.standardOutput.contains("  # user_token.ci will be updated in-place\n  # (rotation: expires_at changed)\n  ~ resource \"user_token\" \"ci\" {\n"), plan.standardOutput)
      XCTAssertTrue(plan.standardOutput.contains("Plan: 0 to add, 1 to change, 0 to destroy."))
      let apply = try scene.apply()
      XCTAssertTrue(apply.standardOutput.contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), apply.standardOutput)

      let attributes = try scene.state("user_token.ci")
      let newID = try XCTUnwrap(attributes["token_id"] as? Int)
      XCTAssertGreaterThan(newID, previousID, "step \(step): the rotation made a new token")
      XCTAssertEqual(attributes["expires_at"] as? String, expiry)
      XCTAssertEqual(attributes["id"] as? String, "\(scene.aliceID):\(newID)")
      values.insert(try XCTUnwrap(attributes["token"] as? String))
      let tokens = try scene.userTokens()
      let old = try XCTUnwrap(tokens.first { $0["id"] as? Int == previousID })
      XCTAssertEqual(old["revoked"] as? Bool, true, "step \(step): GitLab revoked the rotated-away token")
      let active = LifecycleHarness.active(tokens, named: "ci")
      XCTAssertEqual(active.map { $0["id"] as? Int }, [newID])
      XCTAssertEqual(active.first?["expires_at"] as? String, expiry)
      XCTAssertEqual(active.first?["scopes"] as? [String], ["api"])
      try scene.assertNoChanges()
      previousID = newID
    }
    XCTAssertEqual(values.count, 4, "every rotation issued a new value")
    XCTAssertEqual(try scene.userTokens().filter { $0["name"] as? String == "ci" }.count, 4)
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate"), 3)
  }

  func testRotationByDateWithRotationConfiguration() throws {
    try scene.write(projectToken(rotation(3, 1)))
    try scene.apply()
    let first = try scene.state("project_token.deploy")
    XCTAssertEqual(first["expires_at"] as? String, "2026-06-04")
    let botID = try XCTUnwrap(first["user_id"] as? Int)
    let firstID = try XCTUnwrap(first["token_id"] as? Int)
    try assertVariableCarriesToken()

    try scene.moveClock(to: "2026-06-02T09:00:00Z")
    try scene.assertNoChanges()

    // 2026-06-04 − 1 day: the rotation date has come.
    try scene.moveClock(to: "2026-06-03T00:00:00Z")
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardError)
    XCTAssertTrue(
      plan.standardOutput.contains(
        "  # project_token.deploy will be updated in-place\n  # (rotation: expires 2026-06-04, within rotate_before_days = 1)\n"),
      plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("~ expires_at             = \"2026-06-04\" -> \"2026-06-06\""), plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("Plan: 0 to add, 2 to change, 0 to destroy."), plan.standardOutput)
    try scene.apply()

    let second = try scene.state("project_token.deploy")
    XCTAssertEqual(second["expires_at"] as? String, "2026-06-06")
    XCTAssertEqual(second["user_id"] as? Int, botID, "a rotation keeps the bot user")
    let secondID = try XCTUnwrap(second["token_id"] as? Int)
    XCTAssertGreaterThan(secondID, firstID)
    XCTAssertNotEqual(second["token"] as? String, first["token"] as? String)
    let tokens = try scene.projectTokens()
    XCTAssertEqual(tokens.first { $0["id"] as? Int == firstID }?["revoked"] as? Bool, true)
    XCTAssertEqual(LifecycleHarness.active(tokens, named: "deploy").map { $0["id"] as? Int }, [secondID])
    XCTAssertEqual(LifecycleHarness.active(tokens, named: "deploy").first?["user_id"] as? Int, botID)
    try assertVariableCarriesToken()
    try scene.assertNoChanges()
  }

  func testChangedRotationDaysRotateAtOnceThenStayStable() throws {
    try scene.write(projectToken(rotation(10, 1)))
    try scene.apply()
    XCTAssertEqual(try scene.state("project_token.deploy")["expires_at"] as? String, "2026-06-11")
    let firstID = try XCTUnwrap(scene.state("project_token.deploy")["token_id"] as? Int)

    // {20,5}: rotates immediately, to today + 20. (The provider's scenario uses {20,30}, which
    // gitform refuses: renewing 30 days before an expiry 20 days away would rotate every day.)
    try scene.write(projectToken(rotation(20, 5)))
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2)
    XCTAssertTrue(
      plan.standardOutput.contains(
        "  # (rotation: rotation_configuration changed to expiration_days = 20, rotate_before_days = 5)\n"),
      plan.standardOutput)
    try scene.apply()
    let rotated = try scene.state("project_token.deploy")
    XCTAssertEqual(rotated["expires_at"] as? String, "2026-06-21")
    let rotatedID = try XCTUnwrap(rotated["token_id"] as? Int)
    XCTAssertGreaterThan(rotatedID, firstID)
    XCTAssertEqual(try scene.projectTokens().first { $0["id"] as? Int == firstID }?["revoked"] as? Bool, true)

    // {20,1}: today + 20 is the date the token has: nothing to do, now or on later days.
    try scene.write(projectToken(rotation(20, 1)))
    try scene.assertNoChanges()
    let apply = try scene.apply()
    XCTAssertTrue(apply.standardOutput.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."))
    let recorded = try scene.state("project_token.deploy")["rotation_configuration"]
    XCTAssertEqual(
      (recorded as? [String: Any])?["rotate_before_days"] as? Int, 1, "the new days are recorded: \(String(describing: recorded))")
    for day in ["2026-06-02T12:00:00Z", "2026-06-10T12:00:00Z", "2026-06-19T23:59:59Z"] {
      try scene.moveClock(to: day)
      try scene.assertNoChanges()
    }
    XCTAssertEqual(try scene.state("project_token.deploy")["token_id"] as? Int, rotatedID)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "deploy").count, 1)

    // The day before expiry the {20,1} schedule rotates it, once.
    try scene.moveClock(to: "2026-06-20T06:00:00Z")
    let due = try scene.plan()
    XCTAssertTrue(due.standardOutput.contains("  # (rotation: expires 2026-06-21, within rotate_before_days = 1)\n"), due.standardOutput)
    try scene.apply()
    XCTAssertEqual(try scene.state("project_token.deploy")["expires_at"] as? String, "2026-07-10")
    try scene.assertNoChanges()
  }

  func testSelfRotateScopeRotatesWithTheTokensOwnValue() throws {
    try scene.write(userToken("2026-06-11", scopes: "\"api\", \"self_rotate\""))
    try scene.apply()
    let firstID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    try scene.fixture.resetStats()
    try scene.write(userToken("2026-07-01", scopes: "\"api\", \"self_rotate\""))
    try scene.apply()
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/self/rotate"), 1)
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate"), 0)
    let tokens = try scene.userTokens()
    XCTAssertEqual(tokens.first { $0["id"] as? Int == firstID }?["revoked"] as? Bool, true)
    let active = LifecycleHarness.active(tokens, named: "ci")
    XCTAssertEqual(active.count, 1)
    XCTAssertEqual(active.first?["id"] as? Int, try scene.state("user_token.ci")["token_id"] as? Int)
    XCTAssertEqual(active.first?["expires_at"] as? String, "2026-07-01")

    // A project token with self_rotate, rotated by date, uses the project's self/rotate route.
    try scene.write(
      userToken("2026-07-01", scopes: "\"api\", \"self_rotate\"")
        + """
        resource "project_token" "bot" {
          project = "team/app"
          name    = "bot"
          scopes  = ["read_api", "self_rotate"]
          rotation_configuration {
            expiration_days    = 5
            rotate_before_days = 2
          }
        }

        """)
    try scene.apply()
    let botFirst = try XCTUnwrap(scene.state("project_token.bot")["token_id"] as? Int)
    try scene.fixture.resetStats()
    try scene.moveClock(to: "2026-06-04T10:00:00Z")
    try scene.apply()
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens/self/rotate"), 1)
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens/:token_id/rotate"), 0)
    let bot = try scene.state("project_token.bot")
    XCTAssertGreaterThan(try XCTUnwrap(bot["token_id"] as? Int), botFirst)
    XCTAssertEqual(bot["expires_at"] as? String, "2026-06-09")
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "bot").count, 1)
  }
}
