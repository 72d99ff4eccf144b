import XCTest

@testable import GitformCore

/// Mistakes GitLab would refuse at apply are reported by `gitform plan`, before any change.
final class PlanTimeChecksTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var directory: URL!
  private var environment: [String: String] = [:]

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-checks-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    if let directory { try? FileManager.default.removeItem(at: directory) }
  }

  private func write(_ source: String) throws {
    try source.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
  }

  private func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let output = CapturedOutput()
    let context = output.context(directory: directory.path, environment: environment)
    let code = CommandLineInterface().run(arguments + ["-no-color"], context: context)
    return (code, output.standardOutput, output.standardError)
  }

  /// The error blocks' summaries, in order.
  private func summaries(_ err: String) -> [String] {
    err.components(separatedBy: "\n").filter { $0.hasPrefix("Error: ") }
  }

  func testAnEmptyNameAndALongDescriptionOfAUserTokenAreRefusedAtPlan() throws {
    let user = try fixture.createUser("alice")
    try write("""
      resource "user_token" "a" {
        user_id     = \(user)
        name        = ""
        description = "\(String(repeating: "d", count: 300))"
        scopes      = ["api"]
        expires_at  = "2026-12-01"
      }

      """)
    let plan = run(["plan"])
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
    try write("""
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
    XCTAssertEqual(run(["import", "user_token.ci", "\(user):\(tokenID)"]).code, 0)
    let plan = run(["plan"])
    XCTAssertEqual(plan.code, 1, plan.out)
    XCTAssertEqual(summaries(plan.err), ["Error: Missing value for value"])
    let detail = plan.err.replacingOccurrences(of: "\n", with: " ")
    XCTAssertTrue(detail.contains("It comes from user_token.ci.token, which has no value"), plan.err)
    XCTAssertTrue(detail.contains("gitform apply -replace=user_token.ci"), plan.err)
  }

  func testADataSourceWithNeitherKeyGivesOneErrorAndSendsNoRequest() throws {
    try write("""
      data "user" "both" {}

      """)
    try fixture.resetStats()
    let plan = run(["plan"])
    XCTAssertEqual(plan.code, 1)
    XCTAssertEqual(summaries(plan.err), ["Error: Missing required argument"])
    XCTAssertTrue(plan.err.contains("Exactly one of"), plan.err)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users"), 0)
  }
}
