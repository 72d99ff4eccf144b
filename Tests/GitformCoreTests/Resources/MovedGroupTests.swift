import XCTest

@testable import GitformCore

/// A group bot's username names its group's id (`group_<id>_bot_<hex>`); nothing else does.
final class MovedGroupTests: XCTestCase {
  func testOnlyAGroupBotsUsernameNamesAGroup() {
    XCTAssertEqual(MovedGroup.groupID(botUsername: "group_45_bot_4ffca233d8298ea1"), 45)
    XCTAssertNil(MovedGroup.groupID(botUsername: "project_45_bot_4ffca233d8298ea1"))
    XCTAssertNil(MovedGroup.groupID(botUsername: "group_x_bot_4ffca233d8298ea1"))
    XCTAssertNil(MovedGroup.groupID(botUsername: "group_45_bot"))
    XCTAssertNil(MovedGroup.groupID(botUsername: "alice"))
  }
}
