import XCTest

@testable import GitformCore

/// Mistakes GitLab would refuse at apply are reported by `gitform plan`, before any change.
final class PlanTimeChecksTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var directory: URL { scene.directory }

  override func setUpWithError() throws {
    scene = try InProcessCLI("checks")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  /// The error blocks' summaries, in order.
  private func summaries(_ err: String) -> [String] {
    err.components(separatedBy: "\n").filter { $0.hasPrefix("Error: ") }
  }

  func testAnEmptyNameAndALongDescriptionOfAUserTokenAreRefusedAtPlan() throws {
    let user = try fixture.createUser("alice")
    try scene.write("""
      resource "user_token" "a" {
        user_id     = \(user)
        name        = ""
        description = "\(String(repeating: "d", count: 300))"
        scopes      = ["api"]
        expires_at  = "2026-12-01"
      }

      """)
    let plan = scene.run(["plan"])
    XCTAssertEqual(plan.code, 1)
    XCTAssertEqual(summaries(plan.err), ["Error: Invalid name", "Error: Invalid description"])
    XCTAssertTrue(plan.err.contains("A token needs a name that is not empty."), plan.err)
    XCTAssertTrue(plan.err.contains("description is too long: 300 characters, at most 255."), plan.err)
  }

  func testAVariableFedByAnImportedTokensMissingValueIsAPlanError() throws {
    let user = try fixture.createUser("bob")
    let project = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    let made = try fixture.raw(
      .post, "/api/v4/users/\(user)/personal_access_tokens",
      ["name": "ci", "scopes": ["api"], "expires_at": "2026-12-01"])
    let tokenID = try XCTUnwrap(fixture.field(made, "id") as? Int)
    try scene.write("""
      resource "user_token" "ci" {
        user_id    = \(user)
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      resource "project_variable" "v" {
        project = "\(project)"
        key     = "CI_TOKEN"
        value   = user_token.ci.token
      }

      """)
    XCTAssertEqual(scene.run(["import", "user_token.ci", "\(user):\(tokenID)"]).code, 0)
    let plan = scene.run(["plan"])
    XCTAssertEqual(plan.code, 1, plan.out)
    XCTAssertEqual(summaries(plan.err), ["Error: Missing value for value"])
    let detail = plan.err.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(detail.contains("It comes from user_token.ci.token, which has no value"), plan.err)
    XCTAssertTrue(detail.contains("gitform apply -replace=user_token.ci"), plan.err)
  }

  func testADataSourceWithNeitherKeyGivesOneErrorAndSendsNoRequest() throws {
    try scene.write("""
      data "user" "both" {}

      """)
    try fixture.resetStats()
    let plan = scene.run(["plan"])
    XCTAssertEqual(plan.code, 1)
    XCTAssertEqual(summaries(plan.err), ["Error: Missing required argument"])
    XCTAssertTrue(plan.err.contains("Exactly one of"), plan.err)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users"), 0)
  }
}
