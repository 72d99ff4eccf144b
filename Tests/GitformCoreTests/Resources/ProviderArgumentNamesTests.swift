import Foundation
import XCTest

@testable import GitformCore

/// The data sources `project`, `group` and `user` take the Terraform provider's argument names
/// too (`path_with_namespace`, `group_id`, `user_id`, `email`), so copied configurations work.
final class ProviderArgumentNamesTests: TokenTypeTestCase {
  func testProjectByPathWithNamespace() throws {
    let groupID = try fixture.createGroup("platform")
    let projectID = try fixture.createProject("app", inGroup: groupID)
    let type = ProjectData()
    let found = try type.read(Value.object(type.schema, ["path_with_namespace": .string("platform/app")]), context: context)
    XCTAssertEqual(found.int("project_id"), projectID)
    XCTAssertEqual(found.string("path"), "platform/app")
    XCTAssertEqual(found.string("path_with_namespace"), "platform/app")
    let ranges = TokenTypeTestCase.ranges(["id", "path", "path_with_namespace"])
    XCTAssertEqual(type.validate(Value.object(type.schema, ["path_with_namespace": .string("app")]), ranges: ranges).map(\.detail),
      ["\"app\" is not a full path: GitLab finds a project by \"namespace/project\"."])
  }

  func testGroupByGroupID() throws {
    let groupID = try fixture.createGroup("platform")
    let type = GroupData()
    let found = try type.read(Value.object(type.schema, ["group_id": .number(groupID)]), context: context)
    XCTAssertEqual(found.string("full_path"), "platform")
    XCTAssertEqual(found.string("id"), String(groupID))
    let ranges = TokenTypeTestCase.ranges(["id", "full_path", "group_id"])
    XCTAssertEqual(
      type.validate(Value.object(type.schema, ["group_id": .number(0)]), ranges: ranges).map(\.detail),
      ["group_id must be a GitLab id, a whole number from 1, not 0."])
  }

  func testUserByUserIDOrEmail() throws {
    let aliceID = try fixture.createUser("alice")
    let type = UserData()
    let byID = try type.read(Value.object(type.schema, ["user_id": .number(aliceID)]), context: context)
    XCTAssertEqual(byID.string("username"), "alice")
    XCTAssertEqual(byID.string("email"), "alice@example.com", "an administrator sees the address")
    let byEmail = try type.read(Value.object(type.schema, ["email": .string("Alice@Example.com")]), context: context)
    XCTAssertEqual(byEmail.int("user_id"), aliceID)
    XCTAssertEqual(byEmail.string("email"), "Alice@Example.com", "the configured spelling is kept")
    XCTAssertThrowsError(try type.read(Value.object(type.schema, ["email": .string("alic@example.com")]), context: context)) {
      XCTAssertEqual(($0 as? GitLabError)?.code, .notFound)
    }
  }

  /// Before, `path_with_namespace` was refused as "its value will be decided automatically".
  func testAProviderStyleConfigurationValidates() {
    let problems = validationProblems(
      """
      data "project" "app" {
        path_with_namespace = "platform/app"
      }
      data "group" "platform" {
        group_id = 7
      }
      data "user" "bot" {
        email = "bot@example.com"
      }
      """)
    XCTAssertEqual(problems.map(\.detail), [])
  }
}
