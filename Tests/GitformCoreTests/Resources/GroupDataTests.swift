import Foundation
import XCTest

@testable import GitformCore

final class GroupDataTests: TokenTypeTestCase {
  let type = GroupData()

  private func config(_ values: [String: Value]) -> Value { Value.object(type.schema, values) }

  func testFindsAGroupByIDOrByFullPath() throws {
    let groupID = try fixture.createGroup("platform")

    let byPath = try type.read(config(["full_path": .string("platform")]), context: context)
    XCTAssertEqual(byPath.string("id"), String(groupID))
    XCTAssertEqual(byPath.int("group_id"), groupID)
    XCTAssertEqual(byPath.string("full_path"), "platform")
    XCTAssertEqual(byPath.string("path"), "platform")
    XCTAssertEqual(byPath.string("name"), "Platform")

    let byID = try type.read(config(["id": .string(String(groupID))]), context: context)
    XCTAssertEqual(byID.string("full_path"), "platform")
    XCTAssertEqual(byID.int("group_id"), groupID)
  }

  func testAMissingGroupIsNotFound() {
    XCTAssertThrowsError(try type.read(config(["id": .string("9191")]), context: context)) {
      error in
      XCTAssertEqual((error as? GitLabError)?.code, .notFound)
    }
  }

  func testValidation() {
    let ranges = TokenTypeTestCase.ranges(["id", "full_path"])
    XCTAssertEqual(type.validate(config(["full_path": .string("team")]), ranges: ranges), [])
    XCTAssertEqual(
      type.validate(config([:]), ranges: ranges).map(\.detail),
      ["Exactly one of id, full_path or group_id must be set."])
    XCTAssertEqual(
      type.validate(config(["full_path": .string("")]), ranges: ranges).map(\.detail),
      ["full_path must not be empty."])
  }
}
