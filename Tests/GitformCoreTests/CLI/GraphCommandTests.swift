import XCTest

@testable import GitformCore

/// `gitform graph` prints the dependency graph as DOT; every engine command has `-help`.
final class GraphCommandTests: XCTestCase {
  func testGraphIsSortedDOT() throws {
    let workspace = try CommandWorkspace("graph")
    defer { workspace.remove() }
    try workspace.write(
      "main.gf.hcl",
      """
      variable "owner" {
        default = 2
      }
      resource "user_token" "ci" {
        user_id = var.owner
        name    = "ci"
        scopes  = ["api"]
      }
      resource "project_variable" "carrier" {
        project = "team/app"
        key     = "CI_TOKEN"
        value   = user_token.ci.token
      }

      """)
    let output = workspace.run(["graph"])
    XCTAssertEqual(output.code, 0)
    XCTAssertEqual(
      output.out,
      """
      digraph {
        compound = "true"
        newrank = "true"
        subgraph "root" {
          "project_variable.carrier" [label = "project_variable.carrier", shape = "box"]
          "user_token.ci" [label = "user_token.ci", shape = "box"]
          "var.owner" [label = "var.owner", shape = "box"]
          "project_variable.carrier" -> "user_token.ci"
          "user_token.ci" -> "var.owner"
        }
      }

      """)
  }

  func testEveryEngineCommandHasHelp() {
    for name in ["plan", "apply", "destroy", "import", "state", "output", "show", "graph", "force-unlock"] {
      let output = CommandWorkspace.run([name, "-help"])
      XCTAssertEqual(output.code, 0, name)
      XCTAssertTrue(output.out.hasPrefix("Usage: gitform [global options] \(name)"), name)
      XCTAssertTrue(CommandLineInterface.usage().contains("  \(name) "), name)
    }
  }
}
