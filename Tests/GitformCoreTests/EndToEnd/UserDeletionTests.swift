import Foundation
import XCTest

@testable import GitformCore

/// Deleting a `user`: GitLab refuses to delete a group's sole owner, and the error says how to
/// go ahead (`hard_delete`, which is recorded without a GitLab request and used by the delete).
final class UserDeletionTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  override func setUpWithError() throws {
    scene = try InProcessCLI("user-deletion")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(hardDelete: Bool) -> String {
    """
    resource "user" "owner" {
      username              = "group-owner"
      name                  = "Group Owner"
      email                 = "group-owner@example.com"
      force_random_password = true
      can_create_group      = true
      hard_delete           = \(hardDelete)
    }

    """
  }

  func testASoleGroupOwnerNeedsHardDelete() throws {
    try scene.write(configuration(hardDelete: false))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let listed = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users?username=group-owner").json as? [[String: Any]])
    let userID = try XCTUnwrap(listed.first?["id"] as? Int)
    let token = try fixture.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens", ["name": "t", "scopes": ["api"], "expires_at": "2027-01-01"])
    let secret = try XCTUnwrap(fixture.field(token, "token") as? String)
    let group = try fixture.raw(.post, "/api/v4/groups", ["name": "Owned", "path": "owned"], token: secret)
    XCTAssertEqual(group.status, 201)

    let refused = scene.run(["destroy", "-auto-approve"])
    XCTAssertEqual(refused.code, 1)
    let text = refused.err.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(text.contains("User cannot be removed while is the sole-owner of a group"), refused.err)
    XCTAssertTrue(
      text.contains("To delete the user together with the groups only it owns, set hard_delete = true and apply before destroying it."),
      refused.err)
    XCTAssertEqual(scene.run(["state", "list"]).out, "user.owner\n", "the user stays managed")

    try scene.write(configuration(hardDelete: true))
    try fixture.resetStats()
    let recorded = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(recorded.code, 0, recorded.out + recorded.err)
    XCTAssertEqual(try fixture.requestCount("PUT /api/v4/users/:id"), 0, "hard_delete is gitform's own setting")
    let destroyed = scene.run(["destroy", "-auto-approve"])
    XCTAssertEqual(destroyed.code, 0, destroyed.out + destroyed.err)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/users/\(userID)").status, 404)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/groups/owned").status, 404)
  }
}
