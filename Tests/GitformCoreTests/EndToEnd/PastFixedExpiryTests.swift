import XCTest

@testable import GitformCore

/// A token whose fixed `expires_at` has passed cannot be renewed by gitform (a new token with
/// that date would be born expired). Plan, apply and `gitform expiry` agree: each says so and
/// what to change, on every run until the configuration changes (issue 9, item 4).
final class PastFixedExpiryTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws {
    scene = try LifecycleHarness()
  }

  override func tearDown() {
    scene?.finish()
  }

  private func userToken(_ expiresAt: String) -> String {
    """
    resource "user_token" "ci" {
      user_id    = \(scene.aliceID)
      name       = "ci"
      scopes     = ["api"]
      expires_at = "\(expiresAt)"
    }

    """
  }

  private func flat(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private let advice =
    "and its expires_at is the fixed date 2027-01-01, which has passed: gitform cannot renew it, because a new "
    + "token with that date would be born expired. Change expires_at to a future date (the token is then "
    + "replaced), or use rotation_configuration to renew it automatically."

  func testPlanApplyAndExpiryAgreeThatAPassedFixedDateCannotBeRenewed() throws {
    try scene.write(userToken("2027-01-01"))
    try scene.apply()
    try scene.moveClock(to: "2027-01-10T12:00:00Z")
    try scene.fixture.resetStats()

    for _ in 0..<2 {
      let plan = try scene.plan()
      XCTAssertEqual(plan.status, 0, plan.standardError)
      XCTAssertTrue(plan.standardOutput.contains("No changes."), plan.standardOutput)
      XCTAssertTrue(plan.standardOutput.contains("Warning: user_token.ci has expired and cannot be renewed"), plan.standardOutput)
      XCTAssertTrue(flat(plan.standardOutput).contains("The token expired on 2027-01-01, " + advice), plan.standardOutput)
    }
    let apply = try scene.apply()
    XCTAssertTrue(apply.standardOutput.contains("Warning: user_token.ci has expired and cannot be renewed"), apply.standardOutput)

    let expiry = try scene.gitform.run(["expiry"])
    XCTAssertEqual(expiry.status, 2, expiry.standardError)
    XCTAssertFalse(expiry.standardOutput.contains("Run gitform apply"), expiry.standardOutput)
    XCTAssertTrue(
      flat(expiry.standardOutput).contains(
        "user_token.ci cannot be renewed by gitform apply. The token expired on 2027-01-01, " + advice),
      expiry.standardOutput)
    let json = try scene.gitform.run(["expiry", "-json"])
    let rows = try XCTUnwrap(
      (JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])?["tokens"] as? [[String: Any]])
    XCTAssertEqual(rows.first?["status"] as? String, "expired")
    XCTAssertTrue(rows.first?["next_apply"] is NSNull)
    XCTAssertEqual((rows.first?["advice"] as? String).map(flat), "The token expired on 2027-01-01, " + advice)
    XCTAssertEqual(try scene.requests("POST /api/v4/users/:user_id/personal_access_tokens"), 0)

    // A revoked one says so too.
    let tokenID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    XCTAssertEqual(try scene.fixture.raw(.delete, "/api/v4/personal_access_tokens/\(tokenID)").status, 204)
    let revoked = try scene.plan()
    XCTAssertEqual(revoked.status, 0, revoked.standardError)
    XCTAssertTrue(revoked.standardOutput.contains("Warning: user_token.ci is revoked and cannot be renewed"), revoked.standardOutput)
    XCTAssertTrue(flat(revoked.standardOutput).contains("The token was revoked, " + advice), revoked.standardOutput)

    // Following the advice: a future date replaces it, and the warning is gone.
    try scene.write(userToken("2027-03-01"))
    let fixed = try scene.plan()
    XCTAssertEqual(fixed.status, 2, fixed.standardError)
    XCTAssertFalse(fixed.standardOutput.contains("cannot be renewed"), fixed.standardOutput)
    try scene.apply()
    XCTAssertEqual(LifecycleHarness.active(try scene.userTokens(), named: "ci").count, 1)
    try scene.assertNoChanges()
  }
}
