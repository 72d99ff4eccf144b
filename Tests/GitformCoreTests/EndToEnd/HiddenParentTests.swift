import Foundation
import XCTest

@testable import GitformCore

/// gitform run with the token of a user who is not a member of the project and group its
/// objects live in: GitLab answers 404 for everything there, which is not the objects'
/// deletion. Refresh, apply, destroy and import stop with an error naming the missing access,
/// the state file stays byte for byte as it was, and every token stays active.
final class HiddenParentTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private let configuration = """
    resource "project_token" "t" {
      project    = "team/app"
      name       = "t"
      scopes     = ["read_api"]
      expires_at = "2026-12-01"
    }

    resource "group_token" "g" {
      group      = "team"
      name       = "g"
      scopes     = ["read_api"]
      expires_at = "2026-12-01"
    }

    resource "project_variable" "v" {
      project = "team/app"
      key     = "T"
      value   = project_token.t.token
      masked  = true
    }

    """

  /// A user who is a member of nothing, and a personal access token of theirs.
  private func strangerToken() throws -> String {
    let bob = try scene.fixture.createUser("bob")
    let answer = try scene.fixture.raw(
      .post, "/api/v4/users/\(bob)/personal_access_tokens",
      ["name": "bob", "scopes": ["api"], "expires_at": "2026-12-01"])
    XCTAssertEqual(answer.status, 201)
    return try XCTUnwrap(scene.fixture.field(answer, "token") as? String)
  }

  private func stateBytes() throws -> Data {
    try Data(contentsOf: scene.gitform.directory.appendingPathComponent("gitform.tfstate"))
  }

  private func activeTokenIDs() throws -> [Int] {
    let group = try scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)/access_tokens").json as? [[String: Any]] ?? []
    return (try scene.projectTokens() + group).filter { $0["active"] as? Bool == true }.compactMap { $0["id"] as? Int }.sorted()
  }

  private func assertNamesTheMissingAccess(_ result: GitformProcess.Result, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.status, 1, result.standardOutput + result.standardError, file: file, line: line)
    let error = result.standardError.replacingOccurrences(of: "\n", with: " ")
    // One error per project, group or user the token cannot see, naming what the state has there.
    XCTAssertEqual(result.standardError.components(separatedBy: "Error: ").count - 1, 2, result.standardError, file: file, line: line)
    XCTAssertTrue(
      error.contains("Error: Failed to refresh the 2 objects in project \"team/app\"  The GitLab token (user bob) cannot see project \"team/app\" (GET /projects/:id answered HTTP 404)."),
      result.standardError, file: file, line: line)
    XCTAssertTrue(
      error.contains("The 2 objects of this state there: project_token.t, project_variable.v."),
      result.standardError, file: file, line: line)
    XCTAssertTrue(
      error.contains("Error: Failed to refresh group_token.g  The GitLab token (user bob) cannot see group \"team\" (GET /groups/:id answered HTTP 404)."),
      result.standardError, file: file, line: line)
    XCTAssertTrue(error.contains("Use the token of a Maintainer or Owner of the project"), result.standardError, file: file, line: line)
    XCTAssertFalse(result.standardOutput.contains("has been deleted"), result.standardOutput, file: file, line: line)
    XCTAssertFalse(result.standardOutput.contains("will be created"), result.standardOutput, file: file, line: line)
    XCTAssertFalse(result.standardOutput.contains("Creating..."), result.standardOutput, file: file, line: line)
  }

  func testApplyWithANonMembersTokenStopsAndKeepsTheState() throws {
    try scene.write(configuration)
    try scene.apply()
    let before = try stateBytes()
    let active = try activeTokenIDs()
    XCTAssertEqual(active.count, 2)
    let carried = try scene.fixture.field(
      scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T"), "value") as? String

    scene.gitform.environment["GITLAB_TOKEN"] = try strangerToken()
    assertNamesTheMissingAccess(try scene.gitform.run(["apply", "-auto-approve", "-no-color"]))
    assertNamesTheMissingAccess(try scene.gitform.run(["plan", "-no-color"]))
    XCTAssertEqual(try stateBytes(), before, "the state is untouched")
    let files = try FileManager.default.contentsOfDirectory(atPath: scene.gitform.directory.path)
    XCTAssertFalse(files.contains("gitform.tfstate.backup"), "nothing was rewritten: \(files)")
    XCTAssertFalse(files.contains("gitform.tfstate.journal"), "\(files)")
    XCTAssertEqual(try activeTokenIDs(), active, "both tokens are still live")
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T")
    XCTAssertEqual(try scene.fixture.field(variable, "value") as? String, carried)

    // With root's token again nothing has changed.
    scene.gitform.environment["GITLAB_TOKEN"] = EmulatorFixture.rootToken
    try scene.assertNoChanges()
  }

  func testManyObjectsOfOneHiddenProjectGiveOneError() throws {
    try scene.write(
      """
      resource "project_token" "many" {
        for_each   = toset(["a", "b", "c", "d", "e", "f", "g", "h"])
        project    = "team/app"
        name       = each.key
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "project_variable" "many" {
        for_each = project_token.many
        project  = "team/app"
        key      = "T_${upper(each.key)}"
        value    = each.value.token
        masked   = true
      }

      """)
    try scene.apply()
    let before = try stateBytes()
    scene.gitform.environment["GITLAB_TOKEN"] = try strangerToken()
    let plan = try scene.gitform.run(["plan", "-no-color"])
    XCTAssertEqual(plan.status, 1, plan.standardOutput + plan.standardError)
    XCTAssertEqual(plan.standardError.components(separatedBy: "Error: ").count - 1, 1, plan.standardError)
    XCTAssertEqual(plan.standardError.components(separatedBy: "cannot see project").count - 1, 1, plan.standardError)
    let error = plan.standardError.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(
      error.contains("Error: Failed to refresh the 16 objects in project \"team/app\"  The GitLab token (user bob) cannot see project \"team/app\""),
      plan.standardError)
    XCTAssertTrue(
      error.contains(
        "The 16 objects of this state there: project_token.many[\"a\"], project_token.many[\"b\"], project_token.many[\"c\"], project_token.many[\"d\"], project_token.many[\"e\"], and 11 more."),
      plan.standardError)
    XCTAssertFalse(plan.standardOutput.contains("has been deleted"), plan.standardOutput)
    XCTAssertEqual(try stateBytes(), before, "the state is untouched")
  }

  func testDestroyWithoutRefreshByANonMemberRevokesNothingAndForgetsNothing() throws {
    try scene.write(configuration)
    try scene.apply()
    let before = try stateBytes()
    let active = try activeTokenIDs()
    scene.gitform.environment["GITLAB_TOKEN"] = try strangerToken()
    // Without refresh the deletes themselves meet the 404s: "already gone" must not be assumed.
    let destroy = try scene.gitform.run(["destroy", "-auto-approve", "-refresh=false", "-no-color"])
    XCTAssertEqual(destroy.status, 1, destroy.standardOutput + destroy.standardError)
    let error = destroy.standardError.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(error.contains("Error: Failed to destroy project_variable.v"), destroy.standardError)
    XCTAssertTrue(error.contains("cannot see project \"team/app\""), destroy.standardError)
    XCTAssertTrue(error.contains("Error: Failed to destroy group_token.g"), destroy.standardError)
    XCTAssertTrue(error.contains("cannot see group \"team\""), destroy.standardError)
    XCTAssertFalse(destroy.standardOutput.contains("Destruction complete"), destroy.standardOutput)
    XCTAssertEqual(try activeTokenIDs(), active)
    // Every object is still in the state (the file may be rewritten, with the same objects).
    let stateAfter = try JSONSerialization.jsonObject(with: try stateBytes()) as? [String: Any]
    let stateBefore = try JSONSerialization.jsonObject(with: before) as? [String: Any]
    XCTAssertEqual(
      (stateAfter?["resources"] as? [[String: Any]])?.count, (stateBefore?["resources"] as? [[String: Any]])?.count)
    scene.gitform.environment["GITLAB_TOKEN"] = EmulatorFixture.rootToken
    try scene.assertNoChanges()
  }

  func testImportByANonMemberNamesTheMissingAccess() throws {
    try scene.write(configuration)
    try scene.apply()
    let tokenID = try XCTUnwrap(scene.state("project_token.t")["token_id"] as? Int)
    try scene.write(
      configuration + """
        resource "project_token" "adopted" {
          project    = "team/app"
          name       = "t"
          scopes     = ["read_api"]
          expires_at = "2026-12-01"
        }

        """)
    let before = try stateBytes()
    scene.gitform.environment["GITLAB_TOKEN"] = try strangerToken()
    let result = try scene.gitform.run(["import", "-no-color", "project_token.adopted", "team/app:\(tokenID)"])
    XCTAssertEqual(result.status, 1, result.standardOutput)
    let error = result.standardError.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(error.contains("The GitLab token (user bob) cannot see project \"team/app\""), result.standardError)
    XCTAssertFalse(error.contains("non-existent"), result.standardError)
    XCTAssertEqual(try stateBytes(), before)
  }
}
