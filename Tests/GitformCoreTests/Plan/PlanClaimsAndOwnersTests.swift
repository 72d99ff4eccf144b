import XCTest

@testable import GitformCore

/// Plans that could not be applied fail at plan time, before any change (issue 9, item 11):
/// two instances managing one GitLab object, and objects to be made in a project, group or
/// user that does not exist.
final class PlanClaimsAndOwnersTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var directory: URL { scene.directory }
  private var projectID = 0

  override func setUpWithError() throws {
    scene = try InProcessCLI("claims")
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func summaries(_ err: String) -> [String] {
    err.components(separatedBy: "\n").filter { $0.hasPrefix("Error: ") }
  }

  private func flat(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Requests that would change GitLab since the last reset.
  private func mutatingRequests() throws -> Int {
    let stats = try fixture.raw(.get, "/-/emulator/stats")
    let routes = try XCTUnwrap(fixture.field(stats, "routes") as? [String: Int])
    return routes.filter { !$0.key.hasPrefix("GET ") }.values.reduce(0, +)
  }

  /// Plan and apply both refuse, naming `expected`, and nothing is sent that changes GitLab.
  private func assertRefused(
    _ expected: [String], summaries wanted: [String], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    try fixture.resetStats()
    for command in [["plan"], ["apply", "-auto-approve"]] {
      let result = scene.run(command)
      XCTAssertEqual(result.code, 1, result.out, file: file, line: line)
      XCTAssertEqual(summaries(result.err), wanted, result.err, file: file, line: line)
      for text in expected {
        XCTAssertTrue(flat(result.err).contains(text), "\(command[0]): \(result.err)", file: file, line: line)
      }
    }
    XCTAssertEqual(try mutatingRequests(), 0, "nothing was sent that changes GitLab", file: file, line: line)
  }

  func testCountWithAConstantKeyIsRefusedByPlanAndValidate() throws {
    try scene.write("""
      resource "project_variable" "v" {
        count   = 3
        project = "team/app"
        key     = "DEPLOY_TOKEN"
        value   = "value-${count.index}"
      }

      """)
    let claim = "both manage the variable DEPLOY_TOKEN (environment scope \"*\") of project \"team/app\""
    try assertRefused(
      ["project_variable.v[1] and project_variable.v[0] \(claim)", "project_variable.v[2] and project_variable.v[0] \(claim)"],
      summaries: ["Error: Two resources manage the same object", "Error: Two resources manage the same object"])
    let validate = scene.run(["validate"])
    XCTAssertEqual(validate.code, 1)
    XCTAssertEqual(summaries(validate.err).count, 2, validate.err)
  }

  func testOneVariableNamedByPathAndByIdIsRefusedAtPlan() throws {
    try scene.write("""
      resource "project_variable" "a" {
        project = "team/app"
        key     = "DEPLOY_TOKEN"
        value   = "first-value"
      }

      resource "project_variable" "b" {
        project = "\(projectID)"
        key     = "DEPLOY_TOKEN"
        value   = "second-value"
      }

      resource "project_variable" "staging" {
        project           = "team/app"
        key               = "DEPLOY_TOKEN"
        value             = "third-value"
        environment_scope = "staging"
      }

      """)
    try assertRefused(
      ["project_variable.b and project_variable.a both manage the variable DEPLOY_TOKEN (environment scope \"*\") of project \"\(projectID)\""],
      summaries: ["Error: Two resources manage the same object"])
    // Validate cannot know that both spellings name one project.
    XCTAssertEqual(scene.run(["validate"]).code, 0)
  }

  func testOneTokenImportedAtTwoAddressesIsRefused() throws {
    let user = try fixture.createUser("alice")
    let made = try fixture.raw(
      .post, "/api/v4/users/\(user)/personal_access_tokens", ["name": "ci", "scopes": ["api"], "expires_at": "2026-12-01"])
    let tokenID = try XCTUnwrap(fixture.field(made, "id") as? Int)
    var source = ""
    for name in ["a", "b"] {
      source += """
        import {
          to = user_token.\(name)
          id = "\(user):\(tokenID)"
        }

        resource "user_token" "\(name)" {
          user_id    = \(user)
          name       = "ci"
          scopes     = ["api"]
          expires_at = "2026-12-01"
        }

        """
    }
    try scene.write(source)
    try assertRefused(
      ["user_token.b and user_token.a both manage the user_token with id \"\(user):\(tokenID)\""],
      summaries: ["Error: Two resources manage the same object"])
  }

  func testObjectsInAProjectGroupOrUserThatDoesNotExistAreRefusedAtPlan() throws {
    try scene.write("""
      resource "project_variable" "v" {
        project = "team/nosuch"
        key     = "DEPLOY_TOKEN"
        value   = "some-value"
      }

      resource "project_token" "p" {
        project    = "team/nosuch"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "group_token" "g" {
        group      = "nosuch"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "user_token" "u" {
        user_id    = 9999
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      """)
    try assertRefused(
      [
        "group_token.g cannot be created: GitLab has no group \"nosuch\", or the token gitform runs with cannot see it. Check group",
        "project_token.p cannot be created: GitLab has no project \"team/nosuch\"",
        "project_variable.v cannot be created: GitLab has no project \"team/nosuch\"",
        "user_token.u cannot be created: GitLab has no user 9999",
      ],
      summaries: ["Error: Group not found", "Error: Project not found", "Error: Project not found", "Error: User not found"])
    // One lookup per owner, however many objects it has.
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/projects/:id"), 2, "one per run")
  }

  func testRotationDaysThatWouldRotateEveryDayAreRefusedAtPlan() throws {
    try scene.write("""
      resource "project_token" "p" {
        project                = "team/app"
        name                   = "deploy"
        scopes                 = ["read_api"]
        rotation_configuration = { expiration_days = 10, rotate_before_days = 20 }
      }

      """)
    try assertRefused(
      ["rotation_configuration.rotate_before_days (20) must be less than expiration_days (10)"],
      summaries: ["Error: Invalid Attribute Combination"])
  }
}
