import Foundation
import XCTest

@testable import GitformCore

/// An SSH key replaced with `create_before_destroy`: GitLab keeps one copy of a key text, so the
/// plan says so and deletes the old key first; a key another user holds fails with GitLab's
/// message and what it means.
final class SSHKeyReplacementOrderTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  override func setUpWithError() throws {
    scene = try InProcessCLI("ssh-key-order")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(title: String, createFirst: Bool) -> String {
    """
    resource "user_ssh_key" "deploy" {
      user_id = \(userID)
      title   = "\(title)"
      key     = "\(SSHPublicKeyTextTests.ed25519)"
    \(createFirst ? "  lifecycle {\n    create_before_destroy = true\n  }\n" : "")}

    """
  }

  private var userID = 0

  func testTheSameKeyIsDestroyedFirstEvenWithCreateBeforeDestroy() throws {
    userID = try fixture.createUser("bot")
    try scene.write(configuration(title: "one", createFirst: true))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(configuration(title: "two", createFirst: true))
    let replaced = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(replaced.code, 0, replaced.out + replaced.err)
    let text = (replaced.out + replaced.err).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(text.contains("Warning: user_ssh_key.deploy is destroyed before it is created again"), text)
    XCTAssertTrue(text.contains("GitLab keeps one copy of a key text in the whole instance: gitform deletes the old one first."), text)
    let destroyed = try XCTUnwrap(text.range(of: "user_ssh_key.deploy: Destruction complete"))
    let created = try XCTUnwrap(text.range(of: "user_ssh_key.deploy: Creation complete"))
    XCTAssertLessThan(destroyed.lowerBound, created.lowerBound, "the old key goes first")
    let after = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
    XCTAssertEqual(after.map { $0["title"] as? String }, ["two"])
  }

  func testAKeyTakenElsewhereFailsWithWhatToChange() throws {
    userID = try fixture.createUser("bot")
    let other = try fixture.createUser("other")
    XCTAssertEqual(
      try fixture.raw(.post, "/api/v4/users/\(other)/keys", ["title": "theirs", "key": SSHPublicKeyTextTests.ed25519]).status, 201)
    try scene.write(configuration(title: "one", createFirst: false))
    let failed = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1)
    let text = failed.err.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(text.contains("fingerprint_sha256 has already been taken"), failed.err)
    XCTAssertTrue(text.contains("GitLab keeps one copy of a key in the whole instance, whichever user has it."), failed.err)
    let keys = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
    XCTAssertEqual(keys.count, 0)
  }
}
