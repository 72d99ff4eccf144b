import Foundation
import XCTest

@testable import GitformCore

/// An SSH key replaced with `create_before_destroy`: GitLab refuses the second copy of the
/// same key, the error says why and what to change, and the old key stays managed.
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

  func testTheSameKeyCannotBeMadeBeforeTheOldGoes() throws {
    userID = try fixture.createUser("bot")
    try scene.write(configuration(title: "one", createFirst: true))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(configuration(title: "two", createFirst: true))
    let failed = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1)
    let text = failed.err.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(text.contains("fingerprint_sha256 has already been taken"), failed.err)
    XCTAssertTrue(text.contains("remove create_before_destroy: the old key must go first."), failed.err)
    let keys = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
    XCTAssertEqual(keys.map { $0["title"] as? String }, ["one"], "the old key is untouched")

    // Without the lifecycle setting the type's own order applies: old key first.
    try scene.write(configuration(title: "two", createFirst: false))
    let replaced = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(replaced.code, 0, replaced.out + replaced.err)
    let after = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
    XCTAssertEqual(after.map { $0["title"] as? String }, ["two"])
  }
}
