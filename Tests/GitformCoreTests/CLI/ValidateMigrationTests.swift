import XCTest

@testable import GitformCore

/// `gitform validate` on configurations carried over from Terraform: `optional()` inputs and
/// `dynamic` blocks pass; hashicorp/time resources get the rotation_configuration to write.
final class ValidateMigrationTests: XCTestCase {
  private var workspace: CommandWorkspace!

  override func setUpWithError() throws {
    workspace = try CommandWorkspace("validate-migration")
  }

  override func tearDownWithError() throws {
    workspace?.remove()
  }

  private func validate(_ text: String) throws -> CommandRun {
    try workspace.write("main.gf.hcl", text)
    return workspace.run(["validate", "-no-color"])
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

  /// A configuration as a Terraform user writes it (heredoc description, tabs, optional()
  /// inputs with nested defaults, `...` expansion, sensitive()), with only type names changed.
  func testATerraformStyleConfigurationIsValid() throws {
    let result = try validate(
      """
      variable "projects" {
        description = <<-EOT
          Projects that get a deploy token.
          One entry per project path.
        EOT
        type = map(object({
          path         = string
          access_level = optional(string, "developer")
          scopes       = optional(set(string), ["read_api", "read_repository"])
          rotation = optional(object({
            expiration_days    = optional(number, 90)
            rotate_before_days = optional(number, 14)
          }), {})
          masked = optional(bool, true)
        }))
        default = {
      \tweb = { path = "team/web" }
      \tapi = { path = "team/api", access_level = "maintainer", rotation = { expiration_days = 30 } }
        }
      }

      locals {
        all_scopes = toset(concat([for p in var.projects : tolist(p.scopes)]...))
        suffixes   = { for k, p in var.projects : k => upper(replace(p.path, "/", "_")) }
      }

      resource "project_token" "deploy" {
        for_each     = var.projects
        project      = each.value.path
        name         = "deploy-${each.key}"
        description  = "Deploy token for ${each.value.path}"
        scopes       = each.value.scopes
        access_level = each.value.access_level
        rotation_configuration = each.value.rotation
      }

      resource "project_variable" "deploy" {
        for_each  = project_token.deploy
        project   = var.projects[each.key].path
        key       = "DEPLOY_TOKEN_${local.suffixes[each.key]}"
        value     = sensitive(each.value.token)
        masked    = var.projects[each.key].masked
        protected = true
      }

      output "token_ids" {
        value = { for k, t in project_token.deploy : k => t.id }
      }

      """)
    XCTAssertEqual(result.err, "")
    XCTAssertEqual(result.out, "Success! The configuration is valid.\n\n")
    XCTAssertEqual(result.code, 0)
  }

  /// A shared token module as Terraform users write one: `optional()` inputs with nested
  /// defaults, a nested module, outputs read through `for` expressions and splats.
  func testAModuleWithOptionalInputsAndANestedModuleIsValid() throws {
    try workspace.write(
      "modules/carrier/main.gf.hcl",
      """
      variable "project" {
      	type = string
      }
      variable "token" {
        type      = string
        sensitive = true
      }
      variable "variable" {
        type = object({
          key       = optional(string, "DEPLOY_TOKEN")
          protected = optional(bool, true)
        })
        default = {}
      }

      resource "project_variable" "this" {
        project   = var.project
        key       = var.variable.key
        value     = var.token
        masked    = true
        protected = var.variable.protected
      }

      """)
    try workspace.write(
      "modules/project-token/main.gf.hcl",
      """
      variable "project" {
        type        = string
        description = <<-EOT
          The project's path.
        EOT
      }
      variable "token" {
        type = object({
          scopes   = optional(list(string), ["read_repository"])
          rotation = optional(object({ days = optional(number, 30), before = optional(number, 7) }), {})
        })
        default = {}
      }

      resource "project_token" "this" {
        project                = var.project
        name                   = "deploy"
        scopes                 = var.token.scopes
        rotation_configuration = {
          expiration_days    = var.token.rotation.days
          rotate_before_days = var.token.rotation.before
        }
      }

      module "carrier" {
        source  = "../carrier"
        project = var.project
        token   = project_token.this.token
      }

      output "id" {
        value = project_token.this.id
      }

      """)
    let result = try validate(
      """
      locals {
        projects = {
          web = { path = "g/web", token = { rotation = { days = 90 } } }
          api = { path = "g/api" }
        }
      }

      module "tokens" {
        source   = "./modules/project-token"
        for_each = local.projects
        project  = each.value.path
        token    = lookup(each.value, "token", {})
      }

      output "ids" {
        value = [for name in sort(keys(module.tokens)) : module.tokens[name].id]
      }

      output "all" {
        value = values(module.tokens)[*].id
      }

      """)
    XCTAssertEqual(result.err, "")
    XCTAssertEqual(result.out, "Success! The configuration is valid.\n\n")
    XCTAssertEqual(result.code, 0)
  }

  func testAnErrorInAModuleIsShownWithItsFileAndSnippet() throws {
    try workspace.write(
      "modules/m/main.gf.hcl",
      "variable \"p\" {\n  type = string\n}\n\nresource \"project_variable\" \"v\" {\n  project = var.p\n  key     = \"K\"\n  value   = upper(var.p, 2)\n}\n")
    let result = try validate("module \"m\" {\n  source = \"./modules/m\"\n  p      = \"g/p\"\n}\n")
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(
      result.err.contains(
        """
          on modules/m/main.gf.hcl line 8, in resource "project_variable" "v":
           8:   value   = upper(var.p, 2)
        """), result.err)
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
