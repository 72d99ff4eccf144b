import Foundation
import XCTest

@testable import GitformCore

/// QA: a value unknown at plan time is validated once apply knows it, before any request; an
/// invalid one is reported by gitform alone (never shown) and nothing is sent to GitLab.
final class ApplyTimeValidationTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!
  private var botID = 0

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    botID = try fixture.createUser("ci-bot")
    let groupID = try fixture.createGroup("platform")
    _ = try fixture.createProject("deployer", inGroup: groupID)
    gitform = try .inTemporaryDirectory("apply-validation", against: fixture, now: "2026-11-24T09:00:00Z", extraEnvironment: ["PATH": "/usr/bin:/bin"])
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  private func run(_ arguments: [String], status: Int32) throws -> String {
    let result = try gitform.run(arguments)
    XCTAssertEqual(result.status, status, "\(arguments): \(result.standardOutput)\(result.standardError)")
    return result.standardOutput + result.standardError
  }

  private func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  func testValuesKnownOnlyAtApplyAreValidatedBeforeAnyRequest() throws {
    let filler = String(repeating: "x", count: 260)
    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "s" {
        user_id    = \(botID)
        name       = "source"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      resource "project_variable" "bad" {
        project = "platform/deployer"
        key     = "BADMASK2"
        value   = "${user_token.s.token} with spaces"
        masked  = true
      }

      resource "project_variable" "dep" {
        project = "platform/deployer"
        key     = "DEP"
        value   = project_variable.bad.key
      }

      resource "user_token" "long" {
        user_id     = \(botID)
        name        = "long"
        description = "${user_token.s.token}\(filler)"
        scopes      = ["read_api"]
        expires_at  = "2027-02-01"
      }

      """)
    let output = try run(["apply", "-auto-approve", "-no-color", "-parallelism=1"], status: 1)
    XCTAssertEqual(occurrences(of: "Error: Invalid value for a masked variable", in: output), 1, output)
    XCTAssertEqual(occurrences(of: "Error: Invalid description", in: output), 1, output)
    XCTAssertTrue(output.contains("Skipped project_variable.dep"), output)
    XCTAssertFalse(output.contains("Failed to create project_variable.bad"), output)
    XCTAssertFalse(output.contains("Failed to create user_token.long"), output)
    XCTAssertFalse(output.contains("is invalid"), output)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/projects/:id/variables"), 0)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/users/:user_id/personal_access_tokens"), 1)
    let stateData = try XCTUnwrap(FileManager.default.contents(atPath: gitform.directory.appendingPathComponent("gitform.tfstate").path))
    let state = try XCTUnwrap(String(data: stateData, encoding: .utf8))
    let token = try XCTUnwrap(
      state.range(of: #""token": ?"([^"]+)""#, options: .regularExpression).map { String(state[$0]) })
    let value = try XCTUnwrap(token.split(separator: "\"").last.map(String.init))
    XCTAssertGreaterThan(value.count, 8)
    XCTAssertFalse(output.contains(value), output)
  }

  func testOverlongVariableDescriptionFailsThePlan() throws {
    try gitform.write(
      "main.gf.hcl",
      """
      resource "project_variable" "v" {
        project     = "platform/deployer"
        key         = "LONG_DESCRIPTION"
        value       = "x"
        description = "\(String(repeating: "d", count: 256))"
      }

      """)
    let output = try run(["plan", "-no-color"], status: 1)
    XCTAssertTrue(output.contains("Error: Invalid description"), output)
    XCTAssertTrue(output.contains("description is too long: 256 characters, at most 255."), output)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/projects/:id/variables"), 0)
  }
}
