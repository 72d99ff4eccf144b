import Foundation
import XCTest

@testable import GitformCore

/// What the plan says about users and their keys that only their types know, through the
/// `ResourceType` contract: a user changed outside gitform is set back (and why), deleting a
/// user deletes what it owns, a key's fingerprint is known before apply, the same key text
/// cannot be created before the old one goes, and a key's expiry is in `gitform expiry`.
final class UserPlanExplanationTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  override func setUpWithError() throws {
    scene = try InProcessCLI("user-plan-explanations")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(expiry: String = "2027-01-31", keyLifecycle: String = "") -> String {
    """
    resource "user" "bot" {
      username = "deploy-bot"
      name     = "Deploy Bot"
      email    = "deploy-bot@example.com"
      password = "\(BotUserTests.password)"
    }

    resource "user_ssh_key" "deploy" {
      user_id    = user.bot.user_id
      title      = "deploy"
      key        = "\(BotUserTests.key)"
      expires_at = "\(expiry)"
    \(keyLifecycle)
    }

    """
  }

  @discardableResult
  private func run(_ arguments: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    let text = result.out + result.err
    XCTAssertEqual(result.code, code, "\(arguments): \(text)", file: file, line: line)
    XCTAssertFalse(text.contains(BotUserTests.password), "password shown by \(arguments)", file: file, line: line)
    return text
  }

  private func applied() throws -> Int {
    try scene.write(configuration())
    XCTAssertTrue(run(["apply", "-auto-approve"]).contains("Apply complete! Resources: 2 added"))
    let users = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users?username=deploy-bot").json as? [[String: Any]])
    return try XCTUnwrap(users.first?["id"] as? Int)
  }

  func testTheFingerprintIsKnownWhenTheKeyIsPlanned() throws {
    try scene.write(configuration())
    let plan = run(["plan"])
    XCTAssertTrue(plan.contains("+ fingerprint_sha256 = \"\(BotUserTests.fingerprint)\""), plan)
  }

  func testAUserChangedOutsideIsSetBackWithItsReason() throws {
    let userID = try applied()
    XCTAssertEqual(try fixture.raw(.post, "/api/v4/users/\(userID)/block").status, 201)
    let plan = run(["plan"])
    XCTAssertTrue(
      plan.contains(
        "  # user.bot will be updated in-place\n"
          + "  # (state changed outside gitform; apply sets it back to the configuration)\n"
          + "  ~ resource \"user\" \"bot\" {"), plan)
  }

  func testDeletingAUserSaysWhatGoesWithIt() throws {
    _ = try applied()
    let plan = run(["plan", "-destroy"])
    XCTAssertTrue(plan.contains("Warning: user.bot deletes user \"deploy-bot\" and everything it owns"), plan)
    XCTAssertTrue(plan.contains("Add lifecycle { prevent_destroy = true } to the user"), plan)
  }

  func testTheSameKeyTextIsDestroyedFirstWhateverTheLifecycleAsks() throws {
    let userID = try applied()
    let lifecycle = "  lifecycle {\n    create_before_destroy = true\n  }"
    try scene.write(configuration(expiry: "2027-03-31", keyLifecycle: lifecycle))
    let plan = run(["plan"])
    XCTAssertTrue(plan.contains("-/+ resource \"user_ssh_key\" \"deploy\" {"), plan)
    XCTAssertTrue(plan.contains("Warning: user_ssh_key.deploy is destroyed before it is created again"), plan)
    XCTAssertTrue(
      plan.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        .contains("GitLab keeps one copy of a key text in the whole instance: gitform deletes the old one first."), plan)
    let apply = run(["apply", "-auto-approve"])
    XCTAssertTrue(apply.contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed."), apply)
    let keys = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
    XCTAssertEqual(keys.map { $0["expires_at"] as? String }, ["2027-03-31T00:00:00.000Z"])
  }

  func testAKeysExpiryIsInTheExpiryReport() throws {
    _ = try applied()
    let report = run(["expiry", "-json"])
    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
    let rows = try XCTUnwrap(json["tokens"] as? [[String: Any]])
    let key = try XCTUnwrap(rows.first { $0["address"] as? String == "user_ssh_key.deploy" })
    XCTAssertEqual(key["expires_at"] as? String, "2027-01-31")
    XCTAssertEqual(key["status"] as? String, "ok")
  }
}
