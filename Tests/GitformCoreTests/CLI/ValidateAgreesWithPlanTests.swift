import XCTest

@testable import GitformCore

/// `validate` never rejects what `plan` accepts, and refuses, without GitLab, what `plan` and
/// GitLab would refuse (issue 9, items 10 and 11).
final class ValidateAgreesWithPlanTests: XCTestCase {
  private var workspace: CommandWorkspace!

  override func setUpWithError() throws {
    workspace = try CommandWorkspace("validate-plan")
  }

  override func tearDownWithError() throws {
    workspace?.remove()
  }

  private func validate(_ source: String) throws -> CommandRun {
    try workspace.write("main.gf.hcl", source)
    return workspace.run(["validate", "-no-color"])
  }

  private func summaries(_ err: String) -> [String] {
    err.components(separatedBy: "\n").filter { $0.hasPrefix("Error: ") }
  }

  // MARK: - Item 10: instance keys validate cannot know

  func testAnInstanceOfAForEachOverAVariableIsUnknownNotAnInvalidIndex() throws {
    let result = try validate("""
      variable "names" {
        type    = set(string)
        default = ["alice"]
      }

      data "user" "u" {
        for_each = var.names
        username = each.key
      }

      resource "user_token" "t" {
        for_each   = var.names
        user_id    = data.user.u[each.key].user_id
        name       = each.key
        scopes     = ["api"]
        expires_at = "2030-01-01"
      }

      output "x" {
        value = user_token.t["alice"].name
      }

      output "y" {
        value = data.user.u["carol"].username
      }

      output "z" {
        value = [for t in user_token.t : t.name]
      }

      """)
    XCTAssertEqual(result.code, 0, result.err)
    XCTAssertEqual(result.out, "Success! The configuration is valid.\n\n")
  }

  func testAnInstanceOfACountOverAVariableIsUnknownNotAnInvalidIndex() throws {
    let result = try validate("""
      variable "n" {
        type    = number
        default = 3
      }

      resource "user_token" "t" {
        count      = var.n
        user_id    = 2
        name       = "t${count.index}"
        scopes     = ["api"]
        expires_at = "2030-01-01"
      }

      output "x" {
        value = user_token.t[2].name
      }

      """)
    XCTAssertEqual(result.code, 0, result.err)
  }

  func testAnUnknownAttributeOfAnUnknownInstanceIsStillAnError() throws {
    let result = try validate("""
      variable "names" {
        type    = set(string)
        default = ["alice"]
      }

      resource "user_token" "t" {
        for_each   = var.names
        user_id    = 2
        name       = each.key
        scopes     = ["api"]
        expires_at = "2030-01-01"
      }

      output "x" {
        value = user_token.t["alice"].nmae
      }

      """)
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(summaries(result.err), ["Error: Unsupported attribute"], result.err)
  }

  // MARK: - Item 11: what GitLab or the schedule would refuse, found without GitLab

  private func projectToken(_ rotation: String) -> String {
    """
    resource "project_token" "deploy" {
      project                = "team/app"
      name                   = "deploy"
      scopes                 = ["read_api"]
      \(rotation)
    }

    """
  }

  func testTheProvidersAttributeFormOfRotationConfigurationIsValid() throws {
    let result = try validate(projectToken("rotation_configuration = { expiration_days = 30, rotate_before_days = 7 }"))
    XCTAssertEqual(result.code, 0, result.err)
    XCTAssertEqual(result.out, "Success! The configuration is valid.\n\n")
  }

  func testRotateBeforeDaysNotBelowExpirationDaysIsRefused() throws {
    for form in [
      "rotation_configuration = { expiration_days = 10, rotate_before_days = 20 }",
      "rotation_configuration {\n    expiration_days    = 10\n    rotate_before_days = 10\n  }",
    ] {
      let result = try validate(projectToken(form))
      XCTAssertEqual(result.code, 1, form)
      XCTAssertEqual(summaries(result.err), ["Error: Invalid Attribute Combination"], result.err)
      let flat = result.err.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      XCTAssertTrue(flat.contains("rotation_configuration.rotate_before_days ("), result.err)
      XCTAssertTrue(flat.contains("must be less than expiration_days (10)"), result.err)
    }
  }

  func testExpirationDaysBeyondGitLabsMaximumIsRefused() throws {
    let result = try validate(projectToken("rotation_configuration = { expiration_days = 400, rotate_before_days = 7 }"))
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(summaries(result.err), ["Error: Invalid Attribute Value"], result.err)
    let flat = result.err.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertTrue(
      flat.contains("rotation_configuration.expiration_days is 400, beyond GitLab's maximum token lifetime of 365 days"),
      result.err)
    XCTAssertEqual(
      try validate(projectToken("rotation_configuration = { expiration_days = 365, rotate_before_days = 7 }")).code, 0)
  }

  func testTheAttributeFormChecksItsNestedAttributes() throws {
    let missing = try validate(projectToken("rotation_configuration = { expiration_days = 30 }"))
    XCTAssertEqual(missing.code, 1)
    XCTAssertEqual(summaries(missing.err), ["Error: Incorrect attribute value type"], missing.err)
    XCTAssertTrue(missing.err.contains("\"rotate_before_days\" is required"), missing.err)
    let both = try validate(projectToken(
      "rotation_configuration = { expiration_days = 30, rotate_before_days = 7 }\n  rotation_configuration {\n    expiration_days    = 30\n    rotate_before_days = 7\n  }"))
    XCTAssertEqual(both.code, 1)
    XCTAssertEqual(summaries(both.err), ["Error: Duplicate rotation_configuration"], both.err)
  }
}
