import Foundation
import XCTest

@testable import GitformCore

/// `module` blocks as the loader reads them from disk: the called folders, their checks in
/// Terraform's words (unsupported argument, missing required argument, an output the module
/// lacks, a folder that is not there, a source that is not local, a module that calls itself),
/// and a module with `optional()` inputs that validates.
final class ModuleConfigTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-module-config-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(at: directory)
  }

  private func write(_ name: String, _ text: String) throws {
    let file = directory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
  }

  /// Diagnostics as "summary: detail @file:line".
  private func problems() -> [String] {
    let (_, diagnostics) = ConfigLoader.load(directory: directory.path)
    return diagnostics.map {
      "\($0.summary): \($0.detail)" + ($0.subject.map { " @\($0.filename):\($0.start.line)" } ?? "")
    }
  }

  private let module = """
    variable "project" {
      type = string
    }

    variable "options" {
      type = object({
        scopes = optional(list(string), ["read_api"])
        masked = optional(bool, true)
      })
      default = {}
    }

    resource "project_token" "deploy" {
      project = var.project
      name       = "deploy"
      scopes     = var.options.scopes
      expires_at = "2026-12-01"
    }

    output "token_id" {
      value = project_token.deploy.token_id
    }

    """

  func testAModuleWithOptionalInputsLoadsAndValidates() throws {
    try write("modules/deploy/main.gf.hcl", module)
    try write(
      "main.gf.hcl",
      """
      module "deploy" {
        source   = "./modules/deploy"
        for_each = toset(["a", "b"])
        project  = "team/${each.key}"
        options  = { scopes = ["api"] }
      }

      output "ids" {
        value = [for deploy in module.deploy : deploy.token_id]
      }

      """)
    XCTAssertEqual(problems(), [])
    let (configuration, _) = ConfigLoader.load(directory: directory.path)
    let call = try XCTUnwrap(configuration.moduleCall("deploy"))
    XCTAssertEqual(call.module?.path, "modules/deploy")
    XCTAssertEqual(call.module?.configuration.resources.map(\.address.description), ["project_token.deploy"])
    XCTAssertNotNil(configuration.sources["modules/deploy/main.gf.hcl"], "a module's file is named from the root")
    let validate = ValidationWalk.diagnostics(
      parsed: [
        ConfigLoader.ParsedFile(
          name: "main.gf.hcl", source: Array(try Data(contentsOf: directory.appendingPathComponent("main.gf.hcl"))),
          file: Parser.parse(Array(try Data(contentsOf: directory.appendingPathComponent("main.gf.hcl"))), filename: "main.gf.hcl").0,
          diagnostics: [])
      ], directory: directory.path, clock: EvalClock.fixed(Date(timeIntervalSince1970: 1_780_000_000)))
    XCTAssertEqual(validate.map { "\($0.summary): \($0.detail)" }, [])
  }

  func testArgumentsAndOutputsAreCheckedAgainstTheModuleInTerraformsWords() throws {
    try write("modules/deploy/main.gf.hcl", module)
    try write(
      "main.gf.hcl",
      """
      module "deploy" {
        source  = "./modules/deploy"
        projekt = "team/a"
      }

      output "id" {
        value = module.deploy.token
      }

      output "other" {
        value = module.other.token_id
      }

      """)
    XCTAssertEqual(
      problems(),
      [
        "Unsupported argument: An argument named \"projekt\" is not expected here. Did you mean \"project\"? @main.gf.hcl:3",
        "Missing required argument: The argument \"project\" is required, but no definition was found. @main.gf.hcl:1",
        "Unsupported attribute: This object does not have an attribute named \"token\". @main.gf.hcl:7",
        "Reference to undeclared module: No module call named \"other\" is declared in the root module. @main.gf.hcl:11",
      ])
  }

  func testSourcesThatAreMissingRemoteOrRecursiveAreErrors() throws {
    try write("modules/loop/main.gf.hcl", "module \"again\" {\n  source = \"../loop\"\n}\n")
    try write(
      "main.gf.hcl",
      """
      module "missing" {
        source = "./modules/none"
      }

      module "registry" {
        source = "gitlab-org/tokens/gitlab"
      }

      module "loop" {
        source = "./modules/loop"
      }

      """)
    let found = problems()
    XCTAssertTrue(found.contains { $0.hasPrefix("Unsupported module source: The module source \"gitlab-org/tokens/gitlab\" is not a local path.") }, "\(found)")
    XCTAssertTrue(
      found.contains(
        "Unreadable module directory: The module source \"./modules/none\" of module \"missing\" names the folder modules/none, which does not exist. @main.gf.hcl:2"),
      "\(found)")
    XCTAssertTrue(
      found.contains(
        "Recursive module call: module.loop.module.again calls \"../loop\", which is one of the modules that lead to it: a module cannot call itself, directly or through other modules. @modules/loop/main.gf.hcl:2"),
      "\(found)")
  }

  func testAProviderBlockInAModuleIsIgnoredWithAWarning() throws {
    try write("modules/deploy/main.gf.hcl", module + "provider \"gitlab\" {\n  base_url = \"https://elsewhere.example\"\n}\n")
    try write("main.gf.hcl", "module \"deploy\" {\n  source  = \"./modules/deploy\"\n  project = \"team/a\"\n}\n")
    let (configuration, diagnostics) = ConfigLoader.load(directory: directory.path)
    XCTAssertEqual(diagnostics.map(\.summary), ["Provider configuration in a module is ignored"])
    XCTAssertEqual(diagnostics.first?.severity, .warning)
    XCTAssertNil(configuration.moduleCall("deploy")?.module?.configuration.provider)
  }

  func testGraphDrawsEachModuleAsACluster() throws {
    let workspace = try CommandWorkspace("module-graph")
    defer { workspace.remove() }
    try workspace.write("modules/deploy/main.gf.hcl", module)
    try workspace.write("main.gf.hcl", "module \"deploy\" {\n  source  = \"./modules/deploy\"\n  project = \"team/a\"\n}\n")
    let graph = workspace.run(["graph"])
    XCTAssertEqual(graph.code, 0, graph.err)
    XCTAssertTrue(graph.out.contains("    \"module.deploy\" [label = \"module.deploy\", shape = \"box\"]\n"), graph.out)
    XCTAssertTrue(
      graph.out.contains(
        """
          subgraph "cluster_module.deploy" {
            label = "module.deploy"
            "module.deploy.output.token_id" [label = "output.token_id", shape = "box"]
            "module.deploy.project_token.deploy" [label = "project_token.deploy", shape = "box"]
        """), graph.out)
    XCTAssertTrue(graph.out.contains("    \"module.deploy.output.token_id\" -> \"module.deploy.project_token.deploy\"\n"), graph.out)
  }

  func testAMoveFromAModuleCallStillDeclaredIsAnError() throws {
    try write("modules/deploy/main.gf.hcl", module)
    try write(
      "main.gf.hcl",
      """
      module "deploy" {
        source  = "./modules/deploy"
        project = "team/a"
      }

      moved {
        from = module.deploy
        to   = module.crew
      }

      """)
    XCTAssertEqual(
      problems(),
      [
        "Moved object still exists: This statement declares a move from module.deploy, but that module call is still declared at main.gf.hcl:1,1.\n\nChange your configuration so that this call will be declared as module.crew instead. @main.gf.hcl:6"
      ])
  }
}
