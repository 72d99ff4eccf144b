import Foundation
import XCTest

@testable import GitformCore

/// GitLab refuses to add a key whose `expires_at` has passed ("has expired", on create only). A
/// key is replaced by deleting the old one first, so a replacement with such a date would leave
/// the user without the key: the plan refuses it, before anything is deleted.
final class SSHKeyPastExpiryTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var userID = 0

  override func setUpWithError() throws {
    scene = try InProcessCLI("ssh-key-past-expiry")
    userID = try fixture.createUser("bot")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(title: String, expiry: String) -> String {
    """
    resource "user_ssh_key" "deploy" {
      user_id    = \(userID)
      title      = "\(title)"
      key        = "\(SSHPublicKeyTextTests.ed25519)"
      expires_at = "\(expiry)"
    }

    """
  }

  private func keys() throws -> [[String: Any]] {
    try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
  }

  private func refused(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    let text = (result.out + result.err).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertEqual(result.code, 1, text, file: file, line: line)
    return text
  }

  func testANewKeyThatHasAlreadyExpiredIsRefusedAtPlanTime() throws {
    try scene.write(configuration(title: "deploy", expiry: "2026-05-31"))
    let text = refused(["plan"])
    XCTAssertTrue(text.contains("Error: Key already expired"), text)
    XCTAssertTrue(
      text.contains("expires_at (\"2026-05-31\") has passed: GitLab refuses to add a key that has already expired."), text)
    XCTAssertTrue(text.contains("on main.gf.hcl line 5"), text)
    try fixture.resetStats()
    _ = refused(["apply", "-auto-approve"])
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/users/:id/keys"), 0)
  }

  func testAReplacementWhoseExpiryHasPassedKeepsTheOldKey() throws {
    try scene.write(configuration(title: "deploy", expiry: "2026-07-01"))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    // Two months on, the title changes: the replacement would re-add a key that expired.
    try fixture.raw(.post, "/-/emulator/clock", ["now": "2026-08-01T12:00:00Z"])
    scene.environment["GITFORM_NOW"] = "2026-08-01T12:00:00Z"
    try scene.write(configuration(title: "renamed", expiry: "2026-07-01"))
    let text = refused(["apply", "-auto-approve"])
    XCTAssertTrue(text.contains("Error: Key already expired"), text)
    XCTAssertFalse(text.contains("Destroying..."), text)
    XCTAssertEqual(try keys().map { $0["title"] as? String }, ["deploy"], "the old key stays")
    // Unchanged, the expired key is left alone.
    try scene.write(configuration(title: "deploy", expiry: "2026-07-01"))
    let plan = scene.run(["plan"])
    XCTAssertEqual(plan.code, 0, plan.out + plan.err)
    XCTAssertTrue(plan.out.contains("No changes."), plan.out)
  }
}
