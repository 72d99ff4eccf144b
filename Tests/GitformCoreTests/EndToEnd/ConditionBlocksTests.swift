import Foundation
import XCTest

@testable import GitformCore

/// Lifecycle `precondition`/`postcondition`, `replace_triggered_by` and `check` blocks against
/// the emulator, with the texts Terraform prints for them.
final class ConditionBlocksTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func token(_ name: String, scopes: String = "[\"read_api\"]", lifecycle: String = "") -> String {
    """
    resource "project_token" "\(name)" {
      project    = "team/app"
      name       = "\(name)"
      scopes     = \(scopes)
      expires_at = "2026-12-01"
    \(lifecycle.isEmpty ? "" : "  lifecycle {\n\(lifecycle)  }\n")}

    """
  }

  func testAFailingPreconditionStopsThePlanAndApply() throws {
    let configuration = "variable \"days\" {\n  default = 400\n}\n\n" + token("t", lifecycle: """
          precondition {
            condition     = var.days <= 365
            error_message = "Tokens live at most a year."
          }

      """)
    try scene.write(configuration)
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 1)
    XCTAssertEqual(
      plan.standardError,
      """

      Error: Resource precondition failed

        on main.gf.hcl line 12, in resource "project_token" "t":
        12:       condition     = var.days <= 365
          ├────────────────
          │ var.days is 400

      Tokens live at most a year.

      """)
    let apply = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(apply.status, 1)
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens"), 0, "nothing is created")
    let passing = try scene.gitform.run(["plan", "-no-color", "-var", "days=90"])
    XCTAssertEqual(passing.status, 0, passing.standardError)
    XCTAssertTrue(passing.standardOutput.contains("Plan: 1 to add, 0 to change, 0 to destroy."), passing.standardOutput)
  }

  func testAPostconditionIsCheckedAgainstSelfOnceTheObjectExists() throws {
    // token_id is known only after the create: the plan cannot decide, the apply does.
    try scene.write(token("t", lifecycle: """
          postcondition {
            condition     = self.token_id < 0
            error_message = "The token id is ${self.token_id}."
          }

      """))
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    let apply = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(apply.status, 1, apply.standardOutput)
    let id = try XCTUnwrap(try scene.state("project_token.t")["token_id"] as? Int, "the token made is in the state")
    XCTAssertTrue(
      apply.standardError.contains(
        """
        Error: Resource postcondition failed

          on main.gf.hcl line 8, in resource "project_token" "t":
           8:       condition     = self.token_id < 0
            ├────────────────
            │ self.token_id is \(id)

        The token id is \(id).

        """), apply.standardError)
    // Now self is known at plan time: the plan itself fails.
    let again = try scene.plan()
    XCTAssertEqual(again.status, 1)
    XCTAssertTrue(again.standardError.contains("Error: Resource postcondition failed"), again.standardError)
  }

  func testAChangedTriggerReplacesTheResourceThatNamesIt() throws {
    let configuration = "variable \"scopes\" {\n  default = [\"read_api\"]\n}\n\n" + token("t", scopes: "var.scopes")
      + token("u", lifecycle: "    replace_triggered_by = [project_token.t.scopes]\n")
    try scene.write(configuration)
    try scene.apply()
    let before = try XCTUnwrap(try scene.state("project_token.u")["token_id"] as? Int)
    XCTAssertTrue(try scene.plan().standardOutput.contains("No changes."))
    let plan = try scene.gitform.run(["plan", "-no-color", "-var", "scopes=[\"api\"]"])
    XCTAssertTrue(
      plan.standardOutput.contains("  # project_token.u will be replaced due to changes in replace_triggered_by\n+/- resource \"project_token\" \"u\" {\n"),
      plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("Plan: 2 to add, 0 to change, 2 to destroy."), plan.standardOutput)
    let applied = try scene.gitform.run(["apply", "-auto-approve", "-no-color", "-var", "scopes=[\"api\"]"])
    XCTAssertEqual(applied.status, 0, applied.standardOutput + applied.standardError)
    let after = try XCTUnwrap(try scene.state("project_token.u")["token_id"] as? Int)
    XCTAssertNotEqual(after, before)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "u").compactMap { $0["id"] as? Int }, [after])
    let json = try scene.gitform.run(["plan", "-no-color", "-json", "-var", "scopes=[\"read_api\"]"])
    XCTAssertTrue(json.standardOutput.contains("\"reason\":\"replace_by_triggers\""), json.standardOutput)
  }

  func testAFailingCheckWarnsAtPlanAndApplyAndNeverBlocks() throws {
    try scene.write(token("t") + """
      check "scopes" {
        assert {
          condition     = contains(project_token.t.scopes, "api")
          error_message = "Every project token needs the api scope."
        }
      }

      """)
    let warning = """
      Warning: Check block assertion failed

        on main.gf.hcl line 9, in check "scopes":
         9:     condition     = contains(project_token.t.scopes, "api")
          ├────────────────
          │ project_token.t.scopes is set of string with 1 element

      Every project token needs the api scope.

      """
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains(warning), plan.standardOutput)
    let applied = try scene.apply()
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertTrue(applied.standardOutput.contains(warning), applied.standardOutput)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 1)
  }

  func testAPreconditionDecidedOnlyDuringApplyStopsItsInstance() throws {
    // u's precondition reads t's token_id, which exists only once t is created in this apply.
    try scene.write(token("t") + token("u", lifecycle: """
          precondition {
            condition     = project_token.t.token_id < 0
            error_message = "t must not exist."
          }

      """))
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    let applied = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(applied.status, 1, applied.standardOutput)
    XCTAssertTrue(applied.standardError.contains("Error: Resource precondition failed"), applied.standardError)
    XCTAssertTrue(applied.standardError.contains("t must not exist."), applied.standardError)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "t").count, 1)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "u").count, 0, "u was never created")
  }

  func testACheckBlocksDataSourceOnlyWarnsWhenItCannotBeRead() throws {
    try scene.write(token("t") + """
      check "project" {
        data "project" "gone" {
          path = "team/gone"
        }

        assert {
          condition     = data.project.gone.project_id > 0
          error_message = "The project must exist."
        }
      }

      """)
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains("\nWarning: Failed to read data.project.gone\n"), plan.standardOutput)
    let applied = try scene.apply()
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), applied.standardOutput)
  }

  func testACheckBlocksDataSourceIsNotVisibleOutsideTheCheck() throws {
    try scene.write("""
      check "project" {
        data "project" "app" {
          path = "team/app"
        }

        assert {
          condition     = data.project.app.project_id > 0
          error_message = "The project must exist."
        }
      }

      output "id" {
        value = data.project.app.project_id
      }

      """)
    let validate = try scene.gitform.run(["validate", "-no-color"])
    XCTAssertEqual(validate.status, 1)
    XCTAssertTrue(
      validate.standardError.contains(
        "Error: Reference to scoped resource\n\n  on main.gf.hcl line 13, in output \"id\":\n  13:   value = data.project.app.project_id\n\nThe referenced data resource \"project\" \"app\" is not available from this\ncontext.\n"),
      validate.standardError)
  }

  func testValidateChecksTheReferencesOfConditionsButDecidesNone() throws {
    let postcondition = token("t", lifecycle: """
          postcondition {
            condition     = self.name == "other"
            error_message = "Wrong name."
          }

      """) + "check \"always\" {\n  assert {\n    condition     = false\n    error_message = \"Never.\"\n  }\n}\n"
    try scene.write(postcondition)
    let validate = try scene.gitform.run(["validate", "-no-color"])
    XCTAssertEqual(validate.status, 0, validate.standardError)
    XCTAssertEqual(try scene.plan().status, 1, "the plan decides the postcondition")

    try scene.write(token("t", lifecycle: """
          precondition {
            condition     = self.name == "t"
            error_message = "Wrong name."
          }

      """))
    let misuse = try scene.gitform.run(["validate", "-no-color"])
    XCTAssertEqual(misuse.status, 1)
    XCTAssertEqual(
      misuse.standardError,
      """

      Error: Invalid "self" reference

        on main.gf.hcl line 8, in resource "project_token" "t":
         8:       condition     = self.name == "t"

      The "self" object is not available in this context. This object can be used
      only in resource provisioner, connection, and postcondition blocks.

      Error: Unknown variable

        on main.gf.hcl line 8, in resource "project_token" "t":
         8:       condition     = self.name == "t"

      There is no variable named "self".

      """)
  }

  func testACheckThatReadsWhatTheApplyMakesIsDecidedThen() throws {
    try scene.write(token("t") + """
      check "id" {
        assert {
          condition     = project_token.t.token_id < 0
          error_message = "Token ids are positive."
        }
      }

      """)
    let plan = try scene.plan()
    XCTAssertTrue(
      plan.standardOutput.contains(
        """
        Warning: Check block assertion known after apply

          on main.gf.hcl line 9, in check "id":
           9:     condition     = project_token.t.token_id < 0
            ├────────────────
            │ project_token.t.token_id is a number, known only after apply

        The condition could not be evaluated at this time, a result will be known
        when this plan is applied.

        """), plan.standardOutput)
    let applied = try scene.apply()
    // Decided once the token exists: the warning follows the apply's progress.
    let afterCreate = try XCTUnwrap(applied.standardOutput.components(separatedBy: "Creation complete").last)
    XCTAssertTrue(afterCreate.contains("Warning: Check block assertion failed"), applied.standardOutput)
    XCTAssertTrue(afterCreate.contains("Token ids are positive."), applied.standardOutput)
    XCTAssertFalse(afterCreate.contains("known after apply"), applied.standardOutput)
  }
}
