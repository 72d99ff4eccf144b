import Foundation
import XCTest

@testable import GitformCore

/// `data "users"` and `data "user_ssh_keys"` read through the command line: filters reach
/// GitLab, every page is read, keys carry their fingerprints.
final class UserDataSourcesTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  override func setUpWithError() throws {
    scene = try InProcessCLI("user-data")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func outputs() throws -> [String: Any] {
    let result = scene.run(["output", "-json"])
    XCTAssertEqual(result.code, 0, result.err)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
  }

  private func value(_ outputs: [String: Any], _ name: String) -> Any? {
    (outputs[name] as? [String: Any])?["value"]
  }

  func testUsersFiltersAndKeys() throws {
    var botIDs: [Int] = []
    for index in 1...105 { botIDs.append(try fixture.createUser(String(format: "bot-%03d", index))) }
    _ = try fixture.createUser("alice")
    XCTAssertEqual(try fixture.raw(.post, "/api/v4/users/\(botIDs[1])/block").status, 201)
    let key = try fixture.raw(
      .post, "/api/v4/users/\(botIDs[0])/keys",
      ["title": "deploy", "key": SSHPublicKeyTextTests.ed25519 + " x", "expires_at": "2027-01-31"])
    XCTAssertEqual(key.status, 201)
    try scene.write(
      """
      data "users" "bots" {
        search = "bot-"
      }
      data "users" "blocked" {
        blocked = true
      }
      data "user_ssh_keys" "first" {
        username = "bot-001"
      }
      output "bot_count" { value = length(data.users.bots.users) }
      output "first_bot" { value = data.users.bots.users[0].username }
      output "blocked" { value = [for u in data.users.blocked.users : u.username] }
      output "key" { value = data.user_ssh_keys.first.keys[0] }
      """)
    try fixture.resetStats()
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.out + applied.err)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users"), 3 + 1, "two pages of bots, one of blocked, one lookup")
    let out = try outputs()
    XCTAssertEqual(value(out, "bot_count") as? Int, 105)
    XCTAssertEqual(value(out, "first_bot") as? String, "bot-001")
    XCTAssertEqual(value(out, "blocked") as? [String], ["bot-002"])
    let first = try XCTUnwrap(value(out, "key") as? [String: Any])
    XCTAssertEqual(first["title"] as? String, "deploy")
    XCTAssertEqual(first["user_id"] as? Int, botIDs[0])
    XCTAssertEqual(first["expires_at"] as? String, "2027-01-31T00:00:00Z")
    XCTAssertEqual(first["fingerprint_sha256"] as? String, BotUserTests.fingerprint)
  }

  func testExactlyOneOwnerForKeys() throws {
    try scene.write("data \"user_ssh_keys\" \"none\" {}\n")
    let refused = scene.run(["validate"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Exactly one of user_id or username must be set."), refused.err)
  }
}
