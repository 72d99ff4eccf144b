import Foundation
import XCTest

@testable import GitformCore

/// Expiry inputs checked at plan time, before any request that changes GitLab: the provider's
/// attribute-validation errors, past and same-day dates (on by default in gitform, off with
/// `validate_past_expiration_date = false`), dates beyond GitLab's 365-day maximum, and the
/// warning for `timestamp()` in `expires_at`.
final class ExpiryInputCheckTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func userToken(_ expiry: String, extra: String = "") -> String {
    """
    resource "user_token" "ci" {
      user_id    = \(scene.aliceID)
      name       = "ci"
      scopes     = ["api"]
      expires_at = \(expiry)
    \(extra)
    }

    """
  }

  /// Every request the emulator counted that could change something (POST, PUT, DELETE).
  private func mutatingRequests() throws -> Int {
    let stats = try scene.fixture.raw(.get, "/-/emulator/stats")
    let routes = try XCTUnwrap(scene.fixture.field(stats, "routes") as? [String: Any])
    return routes.filter { !$0.key.hasPrefix("GET ") }.values.compactMap { $0 as? Int }.reduce(0, +)
  }

  private func assertPlanFails(
    _ expected: [String], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    try scene.fixture.resetStats()
    for command in [["plan", "-no-color"], ["apply", "-auto-approve", "-no-color"]] {
      let result = try scene.gitform.run(command)
      XCTAssertEqual(result.status, 1, result.standardOutput, file: file, line: line)
      // Diagnostics wrap their detail at 78 columns: compare with single spaces.
      let flat = result.standardError.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      for text in expected {
        XCTAssertTrue(flat.contains(text), "\(command[0]): \(result.standardError)", file: file, line: line)
      }
    }
    XCTAssertEqual(try mutatingRequests(), 0, "nothing was sent that changes GitLab", file: file, line: line)
  }

  func testAttributeValidationErrors() throws {
    let both = """
      resource "project_token" "deploy" {
        project    = "team/app"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
        rotation_configuration {
          expiration_days    = 30
          rotate_before_days = 7
        }
      }

      """
    try scene.write(both)
    try assertPlanFails([
      "Error: Invalid Attribute Combination",
      "expires_at and rotation_configuration exclude each other: set one of them.",
    ])
    try scene.write(
      """
      resource "project_token" "deploy" {
        project = "team/app"
        name    = "deploy"
        scopes  = ["read_api"]
      }

      """)
    try assertPlanFails([
      "Error: Invalid Attribute Combination",
      "Exactly one of expires_at or rotation_configuration must be set.",
    ])
    try scene.write(
      """
      resource "group_token" "team" {
        group  = "team"
        name   = "team"
        scopes = ["read_api"]
        rotation_configuration {
          expiration_days    = -1
          rotate_before_days = -1
        }
      }

      """)
    try assertPlanFails([
      "rotation_configuration.expiration_days value must be at least 1, got -1.",
      "rotation_configuration.rotate_before_days value must be at least 1, got -1.",
    ])
  }

  /// `validate` sees both as unknown: only values known to be set conflict, as in Terraform.
  func testConditionalExpiryAndRotationAreNotAConflictAtValidate() throws {
    try scene.write("""
      variable "fixed" {
        type    = bool
      }

      resource "project_token" "deploy" {
        project    = "team/app"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = var.fixed ? "2026-12-01" : null
        rotation_configuration = var.fixed ? null : {
          expiration_days    = 30
          rotate_before_days = 7
        }
      }

      """)
    let result = try scene.gitform.run(["validate", "-no-color"])
    XCTAssertEqual(result.status, 0, result.standardError)
  }

  func testPastOrSameDayExpiryIsAPlanTimeErrorNamingBothDates() throws {
    try scene.write(userToken("\"2026-06-01\""))
    try assertPlanFails([
      "Error: Expiry date in the past",
      "user_token.ci: expiry date 2026-06-01 must be in the future. Current time is 2026-06-01T12:00:00Z.",
      "set validate_past_expiration_date = false to allow it.",
      "on main.gf.hcl line 5, in resource \"user_token\" \"ci\": 5: expires_at = \"2026-06-01\"",
    ])
    try scene.write(userToken("\"2026-05-01\""))
    try assertPlanFails(["expiry date 2026-05-01 must be in the future"])
    XCTAssertTrue(try scene.userTokens().isEmpty)
  }

  func testValidationDisabledAllowsAPastExpiry() throws {
    try scene.write(userToken("\"2026-05-01\"", extra: "  validate_past_expiration_date = false"))
    try scene.apply()
    let tokens = try scene.userTokens()
    XCTAssertEqual(tokens.count, 1)
    XCTAssertEqual(tokens.first?["expires_at"] as? String, "2026-05-01")
    XCTAssertEqual(tokens.first?["active"] as? Bool, false)
    // The born-expired token with a fixed past date is then left alone.
    try scene.assertNoChanges()
  }

  func testRotatingToAPastDateFailsUnlessValidationIsDisabled() throws {
    try scene.write(userToken("\"2026-12-01\""))
    try scene.apply()
    let tokenID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    try scene.write(userToken("\"2026-05-20\""))
    try assertPlanFails(["expiry date 2026-05-20 must be in the future. Current time is 2026-06-01T12:00:00Z."])
    XCTAssertEqual(try scene.state("user_token.ci")["token_id"] as? Int, tokenID)
    XCTAssertEqual(LifecycleHarness.active(try scene.userTokens(), named: "ci").count, 1)

    try scene.write(userToken("\"2026-05-20\"", extra: "  validate_past_expiration_date = false"))
    try scene.apply()
    let rotated = try scene.state("user_token.ci")
    XCTAssertGreaterThan(try XCTUnwrap(rotated["token_id"] as? Int), tokenID)
    XCTAssertEqual(rotated["expires_at"] as? String, "2026-05-20")
    XCTAssertEqual(try scene.userTokens().first { $0["id"] as? Int == tokenID }?["revoked"] as? Bool, true)
  }

  func testExpiryBeyondTheMaximumLifetimeNamesTheLatestAllowedDate() throws {
    try scene.write(userToken("\"2027-06-02\""))
    try assertPlanFails([
      "Error: Expiry date too far away",
      "user_token.ci: expiry date 2027-06-02 is beyond GitLab's maximum token lifetime of 365 days. The latest allowed date is 2027-06-01.",
    ])
    try scene.write(
      """
      resource "project_token" "deploy" {
        project = "team/app"
        name    = "deploy"
        scopes  = ["read_api"]
        rotation_configuration {
          expiration_days    = 400
          rotate_before_days = 7
        }
      }

      """)
    try assertPlanFails(["project_token.deploy: expiry date 2027-07-06 is beyond GitLab's maximum token lifetime of 365 days. The latest allowed date is 2027-06-01."])
    // The last allowed day is accepted.
    try scene.write(userToken("\"2027-06-01\""))
    try scene.apply()
    XCTAssertEqual(try scene.userTokens().first?["expires_at"] as? String, "2027-06-01")
  }

  func testTimestampInExpiresAtIsWarnedAbout() throws {
    try scene.write(userToken("formatdate(\"YYYY-MM-DD\", timeadd(timestamp(), \"720h\"))"))
    let plan = try scene.gitform.run(["plan", "-no-color"])
    XCTAssertEqual(plan.status, 0, plan.standardError)
    XCTAssertTrue(
      plan.standardOutput.contains("Warning: timestamp() in expires_at changes the token on every run"),
      plan.standardOutput)
    let flat = plan.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(flat.contains("Use plantimestamp() (fixed for one plan), a fixed date, or rotation_configuration"), plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("rotation_configuration"), plan.standardOutput)
    // plantimestamp() is known at plan time: no warning.
    try scene.write(userToken("formatdate(\"YYYY-MM-DD\", timeadd(plantimestamp(), \"720h\"))"))
    let fixed = try scene.gitform.run(["plan", "-no-color"])
    XCTAssertEqual(fixed.status, 0, fixed.standardError)
    XCTAssertFalse(fixed.standardOutput.contains("Warning: timestamp()"), fixed.standardOutput)
    XCTAssertTrue(fixed.standardOutput.contains("+ expires_at  = \"2026-07-01\""), fixed.standardOutput)
  }
}
