import Foundation
import XCTest

@testable import GitformCore

/// Modules against the emulator: a module called with `for_each` over three projects plans,
/// applies (the state names each module instance in Terraform's `module` field), lists its
/// addresses, imports into a module address, plans one instance with `-target`, and a resource
/// renamed and moved into a module keeps its token.
final class ModuleTests: XCTestCase {
  private var cli: InProcessCLI!

  override func setUpWithError() throws {
    cli = try InProcessCLI("modules")
    let team = try cli.fixture.createGroup("team")
    for name in ["a", "b", "c", "d"] { _ = try cli.fixture.createProject(name, inGroup: team) }
    try cli.write(ModuleTests.module, "modules/deploy/main.gf.hcl")
  }

  override func tearDown() {
    if let cli {
      let state = (try? String(contentsOf: cli.directory.appendingPathComponent("gitform.tfstate"), encoding: .utf8)) ?? ""
      for secret in ModuleTests.tokenValues(in: state) {
        XCTAssertFalse(cli.transcript.joined().contains(secret), "a token value was printed")
      }
      cli.finish()
    }
  }

  /// A project's deploy token and the variable carrying it.
  static let module = """
    variable "project" {
      type = string
    }

    variable "settings" {
      type = object({
        scopes = optional(list(string), ["read_api"])
        key    = optional(string, "DEPLOY_TOKEN")
      })
      default = {}
    }

    resource "project_token" "deploy" {
      project    = var.project
      name       = "deploy"
      scopes     = var.settings.scopes
      expires_at = "2026-12-01"
    }

    resource "project_variable" "token" {
      project = var.project
      key     = var.settings.key
      value   = project_token.deploy.token
      masked  = true
    }

    output "token_id" {
      value = project_token.deploy.token_id
    }

    """

  private func root(_ keys: [String]) -> String {
    let entries = keys.map { "    \($0) = \"team/\($0)\"" }.joined(separator: "\n")
    return """
      module "team" {
        source   = "./modules/deploy"
        for_each = {
      \(entries)
        }
        project = each.value
      }

      output "ids" {
        value = { for key, team in module.team : key => team.token_id }
      }

      """
  }

  private func stateJSON() throws -> [String: Any] {
    let data = try Data(contentsOf: cli.directory.appendingPathComponent("gitform.tfstate"))
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The instance with this module and type's token id in the state file.
  private func tokenID(module: String, name: String = "deploy") throws -> Int? {
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    let resource = resources.first { $0["module"] as? String == module && $0["type"] as? String == "project_token" && $0["name"] as? String == name }
    let instance = (resource?["instances"] as? [[String: Any]])?.first
    return (instance?["attributes"] as? [String: Any])?["token_id"] as? Int
  }

  private func activeTokens(_ project: String) throws -> [Int] {
    let answer = try cli.fixture.raw(.get, "/api/v4/projects/team%2F\(project)/access_tokens")
    return (answer.json as? [[String: Any]] ?? []).filter { $0["active"] as? Bool == true }.compactMap { $0["id"] as? Int }
  }

  static func tokenValues(in state: String) -> [String] {
    let pattern = try? NSRegularExpression(pattern: "\"token\": \"([^\"]+)\"")
    let range = NSRange(state.startIndex..., in: state)
    return (pattern?.matches(in: state, range: range) ?? []).compactMap { match in
      Range(match.range(at: 1), in: state).map { String(state[$0]) }
    }
  }

  func testAModuleWithForEachOverThreeProjectsPlansAppliesListsAndImports() throws {
    try cli.write(root(["a", "b", "c"]))
    let plan = cli.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 2, plan.out + plan.err)
    let headers = plan.out.split(separator: "\n").filter { $0.hasPrefix("  # ") }
    XCTAssertEqual(
      headers,
      [
        "  # module.team[\"a\"].project_token.deploy will be created",
        "  # module.team[\"a\"].project_variable.token will be created",
        "  # module.team[\"b\"].project_token.deploy will be created",
        "  # module.team[\"b\"].project_variable.token will be created",
        "  # module.team[\"c\"].project_token.deploy will be created",
        "  # module.team[\"c\"].project_variable.token will be created",
      ], plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 6 to add, 0 to change, 0 to destroy."), plan.out)

    let apply = cli.run(["apply", "-auto-approve"])
    XCTAssertEqual(apply.code, 0, apply.out + apply.err)
    XCTAssertTrue(apply.out.contains("Apply complete! Resources: 6 added, 0 changed, 0 destroyed."), apply.out)
    let stateText = try cli.workspace.read("gitform.tfstate")
    XCTAssertTrue(stateText.contains("      \"module\": \"module.team[\\\"a\\\"]\",\n      \"mode\": \"managed\",\n"), stateText)
    for project in ["a", "b", "c"] {
      let id = try XCTUnwrap(try tokenID(module: "module.team[\"\(project)\"]"), project)
      XCTAssertEqual(try activeTokens(project), [id], project)
      let variable = try cli.fixture.raw(.get, "/api/v4/projects/team%2F\(project)/variables/DEPLOY_TOKEN")
      XCTAssertEqual(variable.status, 200, project)
    }
    let list = cli.run(["state", "list"])
    XCTAssertEqual(
      list.out,
      """
      module.team["a"].project_token.deploy
      module.team["a"].project_variable.token
      module.team["b"].project_token.deploy
      module.team["b"].project_variable.token
      module.team["c"].project_token.deploy
      module.team["c"].project_variable.token

      """)
    let again = cli.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(again.code, 0, again.out + again.err)

    // A token made outside gitform for project d joins the module under d's address.
    let made = try cli.fixture.raw(
      .post, "/api/v4/projects/team%2Fd/access_tokens",
      ["name": "deploy", "scopes": ["read_api"], "expires_at": "2026-12-01", "access_level": 40])
    XCTAssertEqual(made.status, 201)
    let madeID = try XCTUnwrap(try cli.fixture.field(made, "id") as? Int)
    try cli.write(root(["a", "b", "c", "d"]))
    let imported = cli.run(["import", "module.team[\"d\"].project_token.deploy", "team/d:\(madeID)"])
    XCTAssertEqual(imported.code, 0, imported.out + imported.err)
    XCTAssertEqual(try tokenID(module: "module.team[\"d\"]"), madeID)
    // GitLab never shows an imported token's value again: the plan says how to get one, by
    // the token's module address.
    let afterImport = cli.run(["plan"])
    XCTAssertEqual(afterImport.code, 1)
    XCTAssertTrue(
      afterImport.err.contains("The argument \"value\" of module.team[\"d\"].project_variable.token is required"), afterImport.err)
    XCTAssertTrue(afterImport.err.contains("(gitform apply\n-replace=module.team[\"d\"].project_token.deploy)")
      || afterImport.err.contains("-replace=module.team[\"d\"].project_token.deploy"), afterImport.err)
    let replaced = cli.run(["apply", "-auto-approve", "-replace=module.team[\"d\"].project_token.deploy"])
    XCTAssertEqual(replaced.code, 0, replaced.out + replaced.err)
    XCTAssertTrue(replaced.out.contains("Apply complete! Resources: 2 added, 0 changed, 1 destroyed."), replaced.out)
    XCTAssertEqual(try activeTokens("d").count, 1)
    XCTAssertNotEqual(try tokenID(module: "module.team[\"d\"]"), madeID)
  }

  func testAnImportBlockTargetsAModuleAddress() throws {
    let made = try cli.fixture.raw(
      .post, "/api/v4/projects/team%2Fa/access_tokens",
      ["name": "deploy", "scopes": ["read_api"], "expires_at": "2026-12-01", "access_level": 40])
    let madeID = try XCTUnwrap(try cli.fixture.field(made, "id") as? Int)
    try cli.write(
      """
      resource "project_token" "deploy" {
        project    = var.project
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      variable "project" {
        type = string
      }

      """, "modules/token/main.gf.hcl")
    try cli.write(
      """
      module "token" {
        source  = "./modules/token"
        project = "team/a"
      }

      import {
        to = module.token.project_token.deploy
        id = "team/a:\(madeID)"
      }

      """)
    let plan = cli.run(["plan"])
    XCTAssertEqual(plan.code, 0, plan.out + plan.err)
    XCTAssertTrue(plan.out.contains("  # module.token.project_token.deploy will be imported"), plan.out + plan.err)
    XCTAssertTrue(plan.out.contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."), plan.out)
    let apply = cli.run(["apply", "-auto-approve"])
    XCTAssertEqual(apply.code, 0, apply.out + apply.err)
    XCTAssertEqual(try tokenID(module: "module.token"), madeID)
    XCTAssertEqual(try activeTokens("a"), [madeID])
  }

  func testTargetingOneModuleInstancePlansOnlyItsResources() throws {
    try cli.write(root(["a", "b", "c"]))
    let plan = cli.run(["plan", "-target=module.team[\"a\"]"])
    XCTAssertEqual(plan.code, 0, plan.out + plan.err)
    let headers = plan.out.split(separator: "\n").filter { $0.hasPrefix("  # ") }
    XCTAssertEqual(
      headers,
      [
        "  # module.team[\"a\"].project_token.deploy will be created",
        "  # module.team[\"a\"].project_variable.token will be created",
      ], plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 2 to add, 0 to change, 0 to destroy."), plan.out)
    let all = cli.run(["plan", "-target=module.team"])
    XCTAssertTrue(all.out.contains("Plan: 6 to add, 0 to change, 0 to destroy."), all.out)
  }

  func testARenamedResourceMovedIntoAModuleKeepsItsToken() throws {
    try cli.write(
      """
      resource "project_token" "old" {
        project    = "team/a"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      """)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let id = try XCTUnwrap(try tokenID(module: "", name: "old") ?? stateTokenID("old"))
    try cli.write(root(["a"]) + "moved {\n  from = project_token.old\n  to   = module.team[\"a\"].project_token.deploy\n}\n")
    let plan = cli.run(["plan"])
    XCTAssertTrue(plan.out.contains("  # project_token.old has moved to module.team[\"a\"].project_token.deploy\n"), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 1 to add, 0 to change, 0 to destroy."), plan.out)
    let apply = cli.run(["apply", "-auto-approve"])
    XCTAssertEqual(apply.code, 0, apply.out + apply.err)
    XCTAssertEqual(try tokenID(module: "module.team[\"a\"]"), id)
    XCTAssertEqual(try activeTokens("a"), [id], "the same token, still active; nothing revoked or made")

    // The whole module instance moves to another call, and the token stays again.
    try cli.write(
      root(["a"]).replacingOccurrences(of: "module \"team\"", with: "module \"crew\"")
        .replacingOccurrences(of: "module.team", with: "module.crew")
        + "moved {\n  from = module.team\n  to   = module.crew\n}\n")
    let renamed = cli.run(["plan", "-detailed-exitcode"])
    XCTAssertTrue(renamed.out.contains("  # module.team[\"a\"].project_token.deploy has moved to module.crew[\"a\"].project_token.deploy\n"), renamed.out)
    XCTAssertTrue(renamed.out.contains("Plan: 0 to add, 0 to change, 0 to destroy."), renamed.out)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    XCTAssertEqual(try tokenID(module: "module.crew[\"a\"]"), id)
    XCTAssertEqual(try activeTokens("a"), [id])
  }

  func testWhatReadsAModuleIsDestroyedBeforeTheModulesResources() throws {
    try cli.write(
      root(["a", "b"])
        + """
        resource "project_variable" "ids" {
          project = "team/c"
          key     = "TOKEN_IDS"
          value   = join(",", [for key, team in module.team : tostring(team.token_id)])
        }

        """)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    let ids = try XCTUnwrap(resources.first { $0["name"] as? String == "ids" })
    let dependencies = ((ids["instances"] as? [[String: Any]])?.first?["dependencies"] as? [String]) ?? []
    XCTAssertTrue(dependencies.contains("module.team.project_token.deploy"), "\(dependencies)")
    XCTAssertFalse(dependencies.contains { $0.contains("[") }, "Terraform records a module's resource without instance keys: \(dependencies)")
    let destroy = cli.run(["destroy", "-auto-approve"])
    XCTAssertEqual(destroy.code, 0, destroy.out + destroy.err)
    XCTAssertTrue(destroy.out.contains("Destroy complete! Resources: 5 destroyed."), destroy.out)
    let lines = destroy.out.split(separator: "\n").map(String.init)
    let variableGone = try XCTUnwrap(lines.firstIndex(of: "project_variable.ids: Destruction complete after 0s"), destroy.out)
    let firstToken = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("project_token.deploy: Destroying... [id=team/a:1]") || $0.contains("project_token.deploy: Destroying...") })
    XCTAssertLessThan(variableGone, firstToken, destroy.out)
    XCTAssertEqual(try activeTokens("a"), [])
    XCTAssertEqual(try activeTokens("b"), [])
  }

  func testStateCommandsTakeModuleAddresses() throws {
    try cli.write(root(["a", "b"]))
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let id = try XCTUnwrap(try tokenID(module: "module.team[\"a\"]"))
    // Terraform's JSON nests a module instance's resources in child_modules.
    let shown = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(cli.run(["show", "-json"]).out.utf8)) as? [String: Any])
    let rootModule = try XCTUnwrap((shown["values"] as? [String: Any])?["root_module"] as? [String: Any])
    let children = rootModule["child_modules"] as? [[String: Any]] ?? []
    XCTAssertEqual(children.map { $0["address"] as? String }, ["module.team[\"a\"]", "module.team[\"b\"]"])
    XCTAssertEqual(
      (children.first?["resources"] as? [[String: Any]])?.map { $0["address"] as? String },
      ["module.team[\"a\"].project_token.deploy", "module.team[\"a\"].project_variable.token"])
    XCTAssertEqual(
      cli.run(["state", "list", "module.team[\"a\"]"]).out,
      "module.team[\"a\"].project_token.deploy\nmodule.team[\"a\"].project_variable.token\n")
    let show = cli.run(["state", "show", "module.team[\"a\"].project_token.deploy"])
    XCTAssertTrue(show.out.hasPrefix("# module.team[\"a\"].project_token.deploy:\nresource \"project_token\" \"deploy\" {\n"), show.out)
    let moved = cli.run(["state", "mv", "module.team", "module.crew"])
    XCTAssertEqual(moved.code, 0, moved.err)
    XCTAssertEqual(try tokenID(module: "module.crew[\"a\"]"), id)
    let removed = cli.run(["state", "rm", "module.crew[\"b\"]"])
    XCTAssertEqual(removed.code, 0, removed.err)
    XCTAssertEqual(
      cli.run(["state", "list"]).out,
      "module.crew[\"a\"].project_token.deploy\nmodule.crew[\"a\"].project_variable.token\n")
    XCTAssertEqual(try activeTokens("b").count, 1, "state rm forgets; the token stays")
  }

  func testAKeyLeavingForEachDestroysItsModuleInstanceAndDependsOnNamesAModule() throws {
    let after = """
      resource "project_variable" "after" {
        project    = "team/d"
        key        = "AFTER_MODULE"
        value      = "set once the module is"
        depends_on = [module.team]
      }

      """
    try cli.write(root(["a", "b", "c"]) + after)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    let entry = try XCTUnwrap(resources.first { $0["name"] as? String == "after" })
    XCTAssertEqual(
      (entry["instances"] as? [[String: Any]])?.first?["dependencies"] as? [String],
      ["module.team.project_token.deploy", "module.team.project_variable.token"])
    let cID = try XCTUnwrap(try tokenID(module: "module.team[\"c\"]"))
    try cli.write(root(["a", "b"]) + after)
    let plan = cli.run(["plan"])
    XCTAssertTrue(
      plan.out.contains(
        """
          # module.team["c"].project_token.deploy will be destroyed
          # (because module.team["c"] is not in configuration)
        """), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 0 to add, 0 to change, 2 to destroy."), plan.out)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    XCTAssertEqual(try activeTokens("c"), [], "token \(cID) revoked")
    XCTAssertEqual(try activeTokens("a").count, 1)
  }

  func testAnImportAddressMustFitTheModuleCallsKeys() throws {
    try cli.write(root(["a"]))
    let unkeyed = cli.run(["import", "module.team.project_token.deploy", "team/a:1"])
    XCTAssertEqual(unkeyed.code, 1)
    XCTAssertTrue(unkeyed.err.contains("Error: Invalid import address"), unkeyed.err)
    XCTAssertTrue(unkeyed.err.contains("module.team uses for_each, so module.team must select an instance by key"), unkeyed.err)
    let missing = cli.run(["import", "module.crew[\"a\"].project_token.deploy", "team/a:1"])
    XCTAssertEqual(missing.code, 1)
    XCTAssertTrue(missing.err.contains("Configuration for import target does not exist"), missing.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("gitform.tfstate").path))
  }

  func testNestedModulesPlanApplyAndReportExpiryByTheirFullAddresses() throws {
    try cli.write(
      """
      variable "project" {
        type = string
      }

      variable "token" {
        type      = string
        sensitive = true
      }

      resource "project_variable" "this" {
        project = var.project
        key     = "NESTED_TOKEN"
        value   = var.token
        masked  = true
      }

      """, "modules/carrier/main.gf.hcl")
    try cli.write(
      ModuleTests.module + """
        module "carrier" {
          source  = "../carrier"
          project = var.project
          token   = project_token.deploy.token
        }

        """, "modules/deploy/main.gf.hcl")
    try cli.write(root(["a"]))
    let plan = cli.run(["plan"])
    XCTAssertTrue(
      plan.out.contains("  # module.team[\"a\"].module.carrier.project_variable.this will be created\n"), plan.out + plan.err)
    XCTAssertTrue(plan.out.contains("      + value             = (sensitive value)\n"), plan.out)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    XCTAssertEqual(
      resources.map { "\($0["module"] ?? "")|\($0["type"] ?? "").\($0["name"] ?? "")" },
      [
        "module.team[\"a\"]|project_token.deploy", "module.team[\"a\"]|project_variable.token",
        "module.team[\"a\"].module.carrier|project_variable.this",
      ])
    let nested = try cli.fixture.raw(.get, "/api/v4/projects/team%2Fa/variables/NESTED_TOKEN")
    XCTAssertEqual(nested.status, 200)
    let expiry = cli.run(["expiry"])
    XCTAssertTrue(expiry.out.contains("module.team[\"a\"].project_token.deploy "), expiry.out + expiry.err)
  }

  func testARemovedModuleLeavesItsTokensLiveAndTheState() throws {
    try cli.write(root(["a"]))
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let id = try XCTUnwrap(try tokenID(module: "module.team[\"a\"]"))
    try cli.write("removed {\n  from = module.team\n\n  lifecycle {\n    destroy = false\n  }\n}\n")
    let plan = cli.run(["plan"])
    XCTAssertTrue(
      plan.out.contains(" # module.team[\"a\"].project_token.deploy will no longer be managed by gitform, but will not be destroyed\n"),
      plan.out + plan.err)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    XCTAssertEqual(cli.run(["state", "list"]).out, "")
    XCTAssertEqual(try activeTokens("a"), [id])
    try cli.write(root(["a"]) + "removed {\n  from = module.team\n\n  lifecycle {\n    destroy = false\n  }\n}\n")
    let still = cli.run(["validate"])
    XCTAssertEqual(still.code, 1)
    XCTAssertTrue(still.err.contains("Error: Removed module still exists"), still.err)
  }

  func testDestroyingOneModuleInstanceLeavesTheOthers() throws {
    try cli.write(root(["a", "b"]))
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    // A fresh process reads the dependencies back from the state file, without keys.
    let destroy = cli.run(["destroy", "-auto-approve", "-target=module.team[\"a\"]"])
    XCTAssertEqual(destroy.code, 0, destroy.out + destroy.err)
    XCTAssertTrue(destroy.out.contains("Destroy complete! Resources: 2 destroyed."), destroy.out)
    XCTAssertEqual(
      cli.run(["state", "list"]).out,
      "module.team[\"b\"].project_token.deploy\nmodule.team[\"b\"].project_variable.token\n")
    XCTAssertEqual(try activeTokens("a"), [])
    XCTAssertEqual(try activeTokens("b").count, 1)
  }

  /// Terraform 1.11 records, for this shape (checked with `terraform_data`): r1 depends on
  /// `a` (through var.x and a local) and on `b` (the call's depends_on); r2 only on `b`.
  func testAModulesResourcesDependOnTheArgumentsTheyReadAndTheCallsDependsOn() throws {
    try cli.write(
      """
      variable "x" {
        type = string
      }

      variable "y" {
        type = string
      }

      locals {
        lx = var.x
      }

      resource "project_variable" "r1" {
        project = "team/a"
        key     = "R1"
        value   = local.lx
      }

      resource "project_variable" "r2" {
        project = "team/a"
        key     = "R2"
        value   = var.y
      }

      """, "modules/m/main.gf.hcl")
    try cli.write(
      """
      resource "project_variable" "a" {
        project = "team/b"
        key     = "A"
        value   = "a"
      }

      resource "project_variable" "b" {
        project = "team/b"
        key     = "B"
        value   = "b"
      }

      module "m" {
        source     = "./modules/m"
        x          = project_variable.a.value
        y          = "const"
        depends_on = [project_variable.b]
      }

      """)
    XCTAssertEqual(cli.run(["apply", "-auto-approve"]).code, 0)
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    func dependencies(_ name: String) -> [String] {
      let entry = resources.first { $0["name"] as? String == name }
      return ((entry?["instances"] as? [[String: Any]])?.first?["dependencies"] as? [String]) ?? []
    }
    XCTAssertEqual(dependencies("r1"), ["project_variable.a", "project_variable.b"])
    XCTAssertEqual(dependencies("r2"), ["project_variable.b"])
  }

  /// The root module's token id (no `module` field).
  private func stateTokenID(_ name: String) throws -> Int? {
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    let resource = resources.first { $0["module"] == nil && $0["name"] as? String == name }
    return ((resource?["instances"] as? [[String: Any]])?.first?["attributes"] as? [String: Any])?["token_id"] as? Int
  }
}
