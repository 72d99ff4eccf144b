import Foundation
import XCTest

@testable import GitformCore

/// Tokens revoked outside gitform (terraform-gitlab-provider.md §6): recreated with the
/// reason stated; left alone when their fixed expiry has passed; and the reuse-detection hint
/// when GitLab revoked a token family because a rotated-away value was used.
final class RevocationScenarioTests: XCTestCase {
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

  private func revoke(_ tokenID: Int, file: StaticString = #filePath, line: UInt = #line) throws {
    XCTAssertEqual(
      try scene.fixture.raw(.delete, "/api/v4/personal_access_tokens/\(tokenID)").status, 204,
      file: file, line: line)
  }

  func testRevokedTokenIsRecreatedWithTheReasonStated() throws {
    try scene.write(userToken("2026-12-01"))
    try scene.apply()
    let old = try scene.state("user_token.ci")
    let oldID = try XCTUnwrap(old["token_id"] as? Int)
    try revoke(oldID)

    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardError)
    XCTAssertTrue(
      plan.standardOutput.contains("  # user_token.ci must be replaced\n  # (revoked outside gitform)\n+/- resource \"user_token\" \"ci\" {\n"),
      plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("Plan: 1 to add, 0 to change, 1 to destroy."))
    XCTAssertFalse(plan.standardOutput.contains("reuse detection"), "no newer token of its family exists")
    try scene.apply()

    let new = try scene.state("user_token.ci")
    let newID = try XCTUnwrap(new["token_id"] as? Int)
    XCTAssertGreaterThan(newID, oldID)
    XCTAssertEqual(new["revoked"] as? Bool, false)
    XCTAssertEqual(new["active"] as? Bool, true)
    XCTAssertNotEqual(new["token"] as? String, old["token"] as? String)
    let active = LifecycleHarness.active(try scene.userTokens(), named: "ci")
    XCTAssertEqual(active.map { $0["id"] as? Int }, [newID])
    try scene.assertNoChanges()
  }

  func testRevokedTokenWithAPastFixedExpiryIsLeftAlone() throws {
    try scene.write(userToken("2026-06-05"))
    try scene.apply()
    let tokenID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    try scene.moveClock(to: "2026-06-10T12:00:00Z")
    try revoke(tokenID)
    try scene.fixture.resetStats()

    try scene.assertNoChanges()
    let apply = try scene.apply()
    XCTAssertTrue(apply.standardOutput.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."))
    XCTAssertEqual(try scene.requests("POST /api/v4/users/:user_id/personal_access_tokens"), 0)
    let attributes = try scene.state("user_token.ci")
    XCTAssertEqual(attributes["token_id"] as? Int, tokenID)
    XCTAssertEqual(attributes["revoked"] as? Bool, true)
    XCTAssertEqual(attributes["active"] as? Bool, false)
    XCTAssertEqual(try scene.userTokens().filter { $0["name"] as? String == "ci" }.count, 1)
  }

  func testExpiredTokenWithAFixedPastExpiryIsNotAnError() throws {
    // An existing token left as it is never trips the past-expiry check.
    try scene.write(userToken("2026-06-05"))
    try scene.apply()
    try scene.moveClock(to: "2026-06-20T12:00:00Z")
    try scene.assertNoChanges()
  }

  func testExpiredTokenWithRotationConfigurationIsReplaced() throws {
    try scene.write(
      """
      resource "project_token" "deploy" {
        project = "team/app"
        name    = "deploy"
        scopes  = ["read_api"]
        rotation_configuration {
          expiration_days    = 3
          rotate_before_days = 1
        }
      }

      """)
    try scene.apply()
    let oldID = try XCTUnwrap(scene.state("project_token.deploy")["token_id"] as? Int)
    try scene.moveClock(to: "2026-06-08T12:00:00Z")
    let plan = try scene.plan()
    XCTAssertTrue(plan.standardOutput.contains("  # (expired on 2026-06-04)\n"), plan.standardOutput)
    try scene.apply()
    let new = try scene.state("project_token.deploy")
    XCTAssertEqual(new["expires_at"] as? String, "2026-06-11")
    XCTAssertGreaterThan(try XCTUnwrap(new["token_id"] as? Int), oldID)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "deploy").count, 1)
  }

  func testReuseDetectionIsNamedWhenANewerTokenOfTheFamilyExists() throws {
    try scene.write(userToken("2026-12-01", scopes: "\"api\", \"self_rotate\""))
    try scene.apply()
    let managed = try scene.state("user_token.ci")
    let managedID = try XCTUnwrap(managed["token_id"] as? Int)
    let oldValue = try XCTUnwrap(managed["token"] as? String)
    // Someone rotates the token with its own value outside gitform, then uses the old value
    // to rotate again: GitLab revokes the family (gitlab-api.md §2.9).
    let outside = try scene.fixture.raw(.post, "/api/v4/personal_access_tokens/self/rotate", token: oldValue)
    XCTAssertEqual(outside.status, 200)
    let successorID = try XCTUnwrap(scene.fixture.field(outside, "id") as? Int)
    XCTAssertEqual(
      try scene.fixture.raw(.post, "/api/v4/personal_access_tokens/self/rotate", token: oldValue).status, 401)
    let tokens = try scene.userTokens()
    XCTAssertEqual(tokens.first { $0["id"] as? Int == successorID }?["revoked"] as? Bool, true)

    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains("  # (revoked outside gitform)\n"), plan.standardOutput)
    XCTAssertTrue(
      plan.standardOutput.contains(
        "Warning: user_token.ci was revoked by GitLab's automatic reuse detection, probably"),
      plan.standardOutput)
    XCTAssertTrue(
      plan.standardOutput.contains(
        "Token \(managedID) is revoked, and newer tokens of its family exist: \(successorID) (revoked)."),
      plan.standardOutput)
    try scene.apply()
    let active = LifecycleHarness.active(try scene.userTokens(), named: "ci")
    XCTAssertEqual(active.count, 1)
    XCTAssertEqual(active.first?["id"] as? Int, try scene.state("user_token.ci")["token_id"] as? Int)
  }

  func testRotationOutsideGitformIsNamed() throws {
    try scene.write(userToken("2026-12-01", scopes: "\"api\", \"self_rotate\""))
    try scene.apply()
    let managed = try scene.state("user_token.ci")
    let managedID = try XCTUnwrap(managed["token_id"] as? Int)
    let outside = try scene.fixture.raw(
      .post, "/api/v4/personal_access_tokens/self/rotate", token: try XCTUnwrap(managed["token"] as? String))
    let successorID = try XCTUnwrap(scene.fixture.field(outside, "id") as? Int)
    let plan = try scene.plan()
    let flat = plan.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(flat.contains("Warning: user_token.ci was rotated outside gitform"), plan.standardOutput)
    XCTAssertTrue(
      flat.contains(
        "Token \(managedID) is revoked, and newer tokens of its family exist: \(successorID) (active). Someone rotated it outside gitform."),
      plan.standardOutput)
    XCTAssertFalse(flat.contains("reuse detection, probably"))
  }
}
