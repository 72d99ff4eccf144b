import Foundation
import XCTest

@testable import GitformCore

/// Refresh cost and the token's own user: keys and e-mails are read as one list per user, and
/// a key without `user_id` goes through `/user/keys` with a non-administrator's token.
final class BotUserRefreshTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  override func setUpWithError() throws {
    scene = try InProcessCLI("bot-user-refresh")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  func testKeysAndEmailsRefreshOneListPerUser() throws {
    let userID = try fixture.createUser("bot")
    let keys = [SSHPublicKeyTextTests.ed25519, SSHPublicKeyTextTests.rsa2048, SSHPublicKeyTextTests.ecdsa384]
    var text = ""
    for (index, key) in keys.enumerated() {
      text += "resource \"user_ssh_key\" \"k\(index)\" {\n  user_id = \(userID)\n  title   = \"k\(index)\"\n  key     = \"\(key)\"\n}\n"
      text += "resource \"user_email\" \"e\(index)\" {\n  user_id = \(userID)\n  email   = \"bot\(index)@example.com\"\n}\n"
    }
    try scene.write(text)
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try fixture.resetStats()
    let plan = scene.run(["plan"])
    XCTAssertTrue(plan.out.contains("No changes."), plan.out + plan.err)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users/:id/keys"), 1)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users/:id/emails"), 1)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users/:id/keys/:key_id"), 0)
  }

  func testAKeyOfTheTokensOwnUser() throws {
    let aliceID = try fixture.createUser("alice")
    let made = try fixture.raw(
      .post, "/api/v4/users/\(aliceID)/personal_access_tokens",
      ["name": "own", "scopes": ["api"], "expires_at": "2027-01-01"])
    scene.environment["GITLAB_TOKEN"] = try XCTUnwrap(fixture.field(made, "token") as? String)
    try scene.write(
      "resource \"user_ssh_key\" \"laptop\" {\n  title = \"laptop\"\n  key   = \"\(SSHPublicKeyTextTests.ed25519)\"\n}\n")
    try fixture.resetStats()
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.out + applied.err)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/user/keys"), 1)
    let listed = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(aliceID)/keys").json as? [[String: Any]])
    let keyID = try XCTUnwrap(listed.first?["id"] as? Int)
    XCTAssertTrue(applied.out.contains("user_ssh_key.laptop: Creation complete after 0s [id=\(aliceID):\(keyID)]"), applied.out)
    XCTAssertTrue(scene.run(["plan"]).out.contains("No changes."))
    let destroyed = scene.run(["destroy", "-auto-approve"])
    XCTAssertEqual(destroyed.code, 0, destroyed.out + destroyed.err)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/user/keys/:key_id"), 1)
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/users/\(aliceID)/keys").json as? [[String: Any]])?.count, 0)
  }
}
