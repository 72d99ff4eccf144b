import Foundation
import XCTest

@testable import GitformCore

final class UserDataTests: TokenTypeTestCase {
  let type = UserData()

  private func config(_ values: [String: Value]) -> Value { Value.object(type.schema, values) }

  func testFindsAUserByIDOrByUsername() throws {
    let aliceID = try fixture.createUser("alice")

    let byID = try type.read(config(["id": .string(String(aliceID))]), context: context)
    XCTAssertEqual(byID.string("id"), String(aliceID))
    XCTAssertEqual(byID.int("user_id"), aliceID)
    XCTAssertEqual(byID.string("username"), "alice")
    XCTAssertEqual(byID.string("name"), "Alice")
    XCTAssertEqual(byID.string("state"), "active")
    XCTAssertEqual(byID.bool("is_admin"), false)
    XCTAssertEqual(byID.bool("bot"), false)

    let byName = try type.read(config(["username": .string("ALICE")]), context: context)
    XCTAssertEqual(byName.string("id"), String(aliceID))
    XCTAssertEqual(byName.string("username"), "ALICE", "the configured spelling is kept")

    let root = try type.read(config(["id": .string("1")]), context: context)
    XCTAssertEqual(root.string("username"), "root")
    XCTAssertEqual(root.bool("is_admin"), true)
  }

  func testAMissingUserIsNotFound() throws {
    for missing in [config(["id": .string("4040")]), config(["username": .string("nobody")])] {
      XCTAssertThrowsError(try type.read(missing, context: context)) { error in
        XCTAssertEqual((error as? GitLabError)?.code, .notFound)
      }
    }
  }

  func testExactlyOneKeyIsRequired() {
    let ranges = TokenTypeTestCase.ranges(["id", "username"])
    XCTAssertEqual(type.validate(config(["id": .string("5")]), ranges: ranges), [])
    XCTAssertEqual(type.validate(config(["username": .unknown(.string)]), ranges: ranges), [])
    XCTAssertEqual(
      type.validate(config([:]), ranges: ranges),
      [.error("Missing required argument", detail: "Exactly one of id, username, user_id or email must be set.",
        subject: ranges.block)])
    XCTAssertEqual(
      type.validate(config(["id": .string("5"), "username": .string("a")]), ranges: ranges),
      [.error("Invalid Attribute Combination",
        detail: "Only one of id, username, user_id or email may be set; id and username are.",
        subject: ranges.range(of: "username"))])
    for bad in ["-2", "0", "alice", "1.5", "٣"] {
      XCTAssertEqual(
        type.validate(config(["id": .string(bad)]), ranges: ranges).map(\.detail),
        ["id must be a GitLab user id, a whole number from 1, not \"\(bad)\"."], bad)
    }
    XCTAssertEqual(
      type.validate(config(["username": .string("")]), ranges: ranges).map(\.detail),
      ["username must not be empty."])
  }
}
