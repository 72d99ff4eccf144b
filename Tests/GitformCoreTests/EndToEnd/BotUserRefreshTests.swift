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

  /// An ed25519 public key line whose 32 key bytes are all `seed`: valid, and distinct per seed.
  static func ed25519Key(_ seed: UInt8) -> String {
    var blob: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
    blob += [UInt8](repeating: seed, count: 32)
    return "ssh-ed25519 " + Data(blob).base64EncodedString()
  }

  /// Three managed users with three keys and three e-mails each: a plan reads each user once,
  /// its keys as one list and its e-mails as one list — 9 requests for 21 objects, plus the
  /// one look at the token's own user — and never a key or user list per object.
  func testThreeUsersWithThreeKeysAndEmailsEachRefreshOneRequestPerOwnerAndList() throws {
    var text = ""
    for user in 0..<3 {
      text += """
        resource "user" "u\(user)" {
          username = "bot\(user)"
          name     = "Bot \(user)"
          email    = "bot\(user)@example.com"
          password = "Sw0rdfish-Carrot-77"
        }

        """
      for item in 0..<3 {
        text += """
          resource "user_ssh_key" "u\(user)_k\(item)" {
            user_id = user.u\(user).user_id
            title   = "k\(item)"
            key     = "\(BotUserRefreshTests.ed25519Key(UInt8(user * 3 + item + 1)))"
          }

          resource "user_email" "u\(user)_e\(item)" {
            user_id = user.u\(user).user_id
            email   = "bot\(user)-\(item)@example.com"
          }

          """
      }
    }
    try scene.write(text)
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.out.contains("Apply complete! Resources: 21 added, 0 changed, 0 destroyed."), applied.out + applied.err)
    try fixture.resetStats()
    let plan = scene.run(["plan"])
    XCTAssertTrue(plan.out.contains("No changes."), plan.out + plan.err)
    let stats = try fixture.raw(.get, "/-/emulator/stats")
    let routes = try XCTUnwrap(fixture.field(stats, "routes") as? [String: Int])
    XCTAssertEqual(
      routes,
      ["GET /api/v4/users/:id": 3, "GET /api/v4/users/:id/keys": 3, "GET /api/v4/users/:id/emails": 3, "GET /api/v4/user": 1])
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
