import Foundation
import XCTest

@testable import GitformCore

/// A project or group renamed in GitLab after gitform made tokens and variables in it: gitform
/// follows it (a project's old path redirects; a group is found through its tokens' bot users),
/// replaces nothing, records the new path in the state, and warns on every plan until the
/// configuration names the new path. Writes by the old path work too (GitLab refuses them with
/// 405; gitform sends them again by id), and the token values keep working throughout.
final class RenameTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func projectConfiguration(_ project: String, expiresAt: String = "2026-12-01", protected: Bool = false) -> String {
    """
    resource "project_token" "t" {
      project    = "\(project)"
      name       = "t"
      scopes     = ["read_api"]
      expires_at = "\(expiresAt)"
    }

    resource "project_variable" "v" {
      project   = "\(project)"
      key       = "T"
      value     = project_token.t.token
      masked    = true
      protected = \(protected)
    }

    """
  }

  private func rename(_ path: String, to newPath: String) throws {
    let answer = try scene.fixture.raw(.put, path, ["path": newPath, "name": newPath])
    XCTAssertEqual(answer.status, 200, "\(answer.json ?? "")")
  }

  private func variableValue() throws -> String? {
    try scene.fixture.field(scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T"), "value") as? String
  }

  func testARenamedProjectIsFollowedWithoutReplacingAnything() throws {
    try scene.write(projectConfiguration("team/app"))
    try scene.apply()
    let before = try scene.state("project_token.t")
    try rename("/api/v4/projects/\(scene.projectID)", to: "app2")

    // (1) The configuration still names the old path.
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 0, plan.standardOutput + plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains("No changes."), plan.standardOutput)
    let warning = plan.standardOutput.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(warning.contains("Warning: Project \"team/app\" was renamed or moved to \"team/app2\""), plan.standardOutput)
    XCTAssertTrue(
      warning.contains("Change project = \"team/app\" to \"team/app2\" in the configuration (project_token.t, project_variable.v)"),
      plan.standardOutput)
    let applied = try scene.apply()
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertEqual(try scene.state("project_token.t")["project"] as? String, "team/app2", "the state takes the new path")
    XCTAssertEqual(try scene.state("project_token.t")["token_id"] as? Int, before["token_id"] as? Int)
    XCTAssertEqual(try scene.state("project_variable.v")["id"] as? String, "team/app2:T:*")

    // Changes in place still by the old path: a rotation and a variable update, sent by id.
    try scene.moveClock(to: "2026-06-02T12:00:00Z")
    try scene.write(projectConfiguration("team/app", expiresAt: "2026-12-02", protected: true))
    let changed = try scene.apply()
    XCTAssertTrue(changed.standardOutput.contains("Apply complete! Resources: 0 added, 2 changed, 0 destroyed."), changed.standardOutput)
    XCTAssertFalse(changed.standardOutput.contains("must be replaced"), changed.standardOutput)
    let rotated = try scene.state("project_token.t")
    let value = try XCTUnwrap(rotated["token"] as? String)
    XCTAssertTrue(try variableValue() == value, "the variable carries the rotated value")
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: value).status, 200)
    XCTAssertEqual(
      LifecycleHarness.active(try scene.projectTokens(), named: "t").map { $0["id"] as? Int }, [rotated["token_id"] as? Int])

    // (2) The configuration names the new path: the other spelling replaces nothing, no warning.
    try scene.write(projectConfiguration("team/app2", expiresAt: "2026-12-02", protected: true))
    let updated = try scene.plan()
    XCTAssertEqual(updated.status, 0, updated.standardOutput + updated.standardError)
    XCTAssertTrue(updated.standardOutput.contains("No changes."), updated.standardOutput)
    XCTAssertFalse(updated.standardOutput.contains("Warning:"), updated.standardOutput)
    XCTAssertEqual(try scene.state("project_token.t")["token_id"] as? Int, rotated["token_id"] as? Int)
  }

  func testWritesByTheOldPathWithoutRefreshAreSentAgainByID() throws {
    try scene.write(projectConfiguration("team/app"))
    try scene.apply()
    try rename("/api/v4/projects/\(scene.projectID)", to: "app2")
    try scene.write(projectConfiguration("team/app", protected: true))
    try scene.fixture.resetStats()
    let result = try scene.gitform.run(["apply", "-auto-approve", "-no-color", "-refresh=false"])
    XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError)
    XCTAssertTrue(result.standardOutput.contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), result.standardOutput)
    // Refused once by the old path (405), found by following it, sent again by id.
    XCTAssertEqual(try scene.requests("PUT /api/v4/projects/:id/variables/:key"), 2)
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/T")
    XCTAssertEqual(try scene.fixture.field(variable, "protected") as? Bool, true)
  }

  func testARenamedGroupIsFoundThroughItsTokensBotUser() throws {
    let configuration = { (group: String, project: String, expiresAt: String) in
      """
      resource "group_token" "g" {
        group      = "\(group)"
        name       = "g"
        scopes     = ["read_api"]
        expires_at = "\(expiresAt)"
      }

      resource "project_variable" "v" {
        project = "\(project)"
        key     = "T"
        value   = group_token.g.token
        masked  = true
      }

      """
    }
    try scene.write(configuration("team", "team/app", "2026-12-01"))
    try scene.apply()
    let before = try scene.state("group_token.g")
    try rename("/api/v4/groups/\(scene.groupID)", to: "team2")
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/groups/team").status, 404, "GitLab keeps no redirect for a group")

    // (1) The configuration still names the old paths: nothing is taken for deleted or replaced.
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 0, plan.standardOutput + plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains("No changes."), plan.standardOutput)
    XCTAssertFalse(plan.standardOutput.contains("has been deleted"), plan.standardOutput)
    let warning = plan.standardOutput.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(warning.contains("Warning: Group \"team\" was renamed or moved to \"team2\""), plan.standardOutput)
    XCTAssertTrue(warning.contains("Change group = \"team\" to \"team2\" in the configuration (group_token.g)"), plan.standardOutput)
    XCTAssertTrue(warning.contains("Warning: Project \"team/app\" was renamed or moved to \"team2/app\""), plan.standardOutput)
    try scene.apply()
    XCTAssertEqual(try scene.state("group_token.g")["group"] as? String, "team2")
    XCTAssertEqual(try scene.state("group_token.g")["token_id"] as? Int, before["token_id"] as? Int)

    // A rotation by the old path.
    try scene.moveClock(to: "2026-06-02T12:00:00Z")
    try scene.write(configuration("team", "team/app", "2026-12-02"))
    let rotated = try scene.apply()
    XCTAssertTrue(rotated.standardOutput.contains("Apply complete! Resources: 0 added, 2 changed, 0 destroyed."), rotated.standardOutput)
    let token = try scene.state("group_token.g")
    let value = try XCTUnwrap(token["token"] as? String)
    XCTAssertTrue(try variableValue() == value, "the variable carries the rotated value")
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)", token: value).status, 200)
    let groupTokens = try scene.fixture.raw(.get, "/api/v4/groups/\(scene.groupID)/access_tokens").json as? [[String: Any]] ?? []
    XCTAssertEqual(LifecycleHarness.active(groupTokens, named: "g").map { $0["id"] as? Int }, [token["token_id"] as? Int])

    // (2) The new paths: no replacement, no warning.
    try scene.write(configuration("team2", "team2/app", "2026-12-02"))
    let updated = try scene.plan()
    XCTAssertEqual(updated.status, 0, updated.standardOutput + updated.standardError)
    XCTAssertTrue(updated.standardOutput.contains("No changes."), updated.standardOutput)
    XCTAssertFalse(updated.standardOutput.contains("Warning:"), updated.standardOutput)
  }
}
