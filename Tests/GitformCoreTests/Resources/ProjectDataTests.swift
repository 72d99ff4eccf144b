import Foundation
import XCTest

@testable import GitformCore

final class ProjectDataTests: TokenTypeTestCase {
  let type = ProjectData()

  private func config(_ values: [String: Value]) -> Value { Value.object(type.schema, values) }

  func testFindsAProjectByIDOrByPath() throws {
    let projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("platform"))

    let byPath = try type.read(config(["path": .string("platform/app")]), context: context)
    XCTAssertEqual(byPath.string("id"), String(projectID))
    XCTAssertEqual(byPath.int("project_id"), projectID)
    XCTAssertEqual(byPath.string("path"), "platform/app")
    XCTAssertEqual(byPath.string("path_with_namespace"), "platform/app")
    XCTAssertEqual(byPath.string("name"), "app")
    XCTAssertEqual(
      byPath.string("web_url"), fixture.emulator.rootURL.absoluteString + "/platform/app")

    let byID = try type.read(config(["id": .string(String(projectID))]), context: context)
    XCTAssertEqual(byID.string("id"), String(projectID))
    XCTAssertEqual(byID.string("path"), "platform/app")
    XCTAssertEqual(byID.int("project_id"), projectID)
  }

  func testAMissingProjectIsNotFound() {
    XCTAssertThrowsError(
      try type.read(config(["path": .string("platform/nothing")]), context: context)
    ) { error in
      XCTAssertEqual((error as? GitLabError)?.code, .notFound)
    }
  }

  func testValidation() {
    let ranges = TokenTypeTestCase.ranges(["id", "path"])
    XCTAssertEqual(type.validate(config(["path": .string("a/b")]), ranges: ranges), [])
    XCTAssertEqual(
      type.validate(config([:]), ranges: ranges).map(\.detail),
      ["Exactly one of id, path or path_with_namespace must be set."])
    let bare = type.validate(config(["path": .string("app")]), ranges: ranges)
    XCTAssertEqual(
      bare.map(\.detail),
      ["\"app\" is not a full path: GitLab finds a project by \"namespace/project\"."])
    XCTAssertEqual(bare.map(\.subject), [ranges.range(of: "path")])
    XCTAssertEqual(
      type.validate(config(["id": .string(""), "path": .string("a/b")]), ranges: ranges)
        .map(\.detail),
      ["Only one of id, path or path_with_namespace may be set; id and path are.", "id must not be empty."])
  }
}
