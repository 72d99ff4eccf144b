import XCTest

@testable import GitformCore

/// `gitform validate` on configurations carried over from Terraform: `optional()` inputs and
/// `dynamic` blocks pass; hashicorp/time resources get the rotation_configuration to write.
final class ValidateMigrationTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gitform-validate-migration-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try FileManager.default.removeItem(at: directory)
  }

  private func validate(_ text: String) throws -> (code: Int32, out: String, err: String) {
    try Data(text.utf8).write(to: directory.appendingPathComponent("main.gf.hcl"))
    let output = CapturedOutput()
    let code = CommandLineInterface().run(["validate", "-no-color"], context: output.context(directory: directory.path))
    return (code, output.standardOutput, output.standardError)
  }

  func testOptionalInputsAndADynamicRotationBlockAreValid() throws {
    let result = try validate(
      """
      variable "projects" {
        type = map(object({
          path     = string
          rotation = optional(object({ days = optional(number, 30), before = optional(number, 7) }), {})
        }))
        default = { web = { path = "g/web", rotation = { days = 90 } }, api = { path = "g/api" } }
      }

      resource "project_token" "deploy" {
        for_each     = var.projects
        project      = each.value.path
        name         = "deploy"
        scopes       = ["read_api"]
        access_level = "developer"

        dynamic "rotation_configuration" {
          for_each = [each.value.rotation]
          iterator = rotation
          content {
            expiration_days    = rotation.value.days
            rotate_before_days = rotation.value.before
          }
        }
      }

      """)
    XCTAssertEqual(result.err, "")
    XCTAssertEqual(result.out, "Success! The configuration is valid.\n\n")
    XCTAssertEqual(result.code, 0)
  }

  func testTimeRotatingIsAnsweredWithTheRotationConfigurationToWrite() throws {
    let result = try validate(
      """
      resource "time_rotating" "deploy" {
        rotation_days = 60
      }

      resource "project_token" "deploy" {
        project      = "g/p"
        name         = "deploy"
        scopes       = ["read_api"]
        access_level = "developer"
        expires_at   = time_rotating.deploy.rotation_rfc3339
      }

      """)
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(result.out, "")
    let block = """
        rotation_configuration = {
          expiration_days    = 60
          rotate_before_days = 7
        }

      Each gitform apply then rotates the token once it is within
      rotate_before_days of its expiry, and the new token expires expiration_days
      later.
      """
    XCTAssertEqual(
      result.err,
      """

      Error: Invalid resource type

        on main.gf.hcl line 1, in resource "time_rotating" "deploy":
         1: resource "time_rotating" "deploy" {

      gitform does not support resource type "time_rotating". "time_rotating"
      belongs to the hashicorp/time provider, which gitform does not have: gitform
      renews tokens itself. Remove the time_rotating resource and its references
      (expires_at, replace_triggered_by) and give the token a
      rotation_configuration instead:

      \(block)

      Error: Unknown variable

        on main.gf.hcl line 10, in resource "project_token" "deploy":
        10:   expires_at   = time_rotating.deploy.rotation_rfc3339

      There is no variable named "time_rotating". "time_rotating" belongs to the
      hashicorp/time provider, which gitform does not have: gitform renews tokens
      itself. Remove the time_rotating resource and its references (expires_at,
      replace_triggered_by) and give the token a rotation_configuration instead:

      \(block)

      """)
  }

  func testTimeOffsetInALocalGetsTheAdviceWithItsOffset() throws {
    let result = try validate(
      """
      resource "time_offset" "expiry" {
        offset_months = 3
      }

      locals {
        expires = time_offset.expiry.rfc3339
      }

      """)
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(result.err.contains("gitform does not support resource type \"time_offset\". \"time_offset\" belongs\nto the hashicorp/time provider"), result.err)
    XCTAssertEqual(result.err.components(separatedBy: "    expiration_days    = 90\n").count, 3, result.err)
  }
}
