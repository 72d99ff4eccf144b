import XCTest

@testable import GitformCore

/// `for_each` over object-typed values (an object variable, an object constructor with
/// attributes of different types), as Terraform accepts them: one instance per attribute,
/// `each.key` the attribute name and `each.value` its value.
final class ForEachObjectTests: XCTestCase {
  /// Every instance's address and evaluated `key` and `project` arguments.
  private func instances(_ source: String) -> [String: String] {
    let (configuration, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
    XCTAssertEqual(diagnostics, [])
    let (values, variableDiagnostics) = VariableValues.resolve(
      configuration, arguments: [], environment: [:], context: EvalContext(mode: .plan))
    XCTAssertEqual(variableDiagnostics, [])
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
    XCTAssertEqual(graphDiagnostics, [])
    var walker = ConfigWalker(
      configuration: configuration, graph: graph, variables: values, context: EvalContext(mode: .plan))
    var seen: [String: String] = [:]
    walker.walk { instances in
      var result: [InstanceAddress: Value] = [:]
      for instance in instances {
        seen[instance.address.description] =
          (instance.config.string("key") ?? "?") + " " + (instance.config.string("project") ?? "?")
        result[instance.address] = instance.config
      }
      return result
    }
    XCTAssertEqual(walker.diagnostics.map(\.detail), [])
    return seen
  }

  func testAnObjectVariableGivesOneInstancePerAttribute() {
    let seen = instances(
      """
      variable "projects" {
        type    = object({ web = object({ id = number }), api = object({ id = number, path = optional(string, "g/api") }) })
        default = { web = { id = 1 }, api = { id = 2 } }
      }
      resource "project_variable" "deploy" {
        for_each = var.projects
        project  = each.value.id
        key      = "K_${upper(each.key)}"
        value    = "xxxxxxxxx"
      }

      """)
    XCTAssertEqual(
      seen, ["project_variable.deploy[\"api\"]": "K_API 2", "project_variable.deploy[\"web\"]": "K_WEB 1"])
  }

  func testAnObjectConstructorWithMixedTypesAndADuplicateKey() {
    let seen = instances(
      """
      resource "project_variable" "mixed" {
        for_each = { a = "g/a", b = 7, a = "g/last" }
        project  = each.value
        key      = "K_${each.key}"
        value    = "xxxxxxxxx"
      }

      """)
    XCTAssertEqual(
      seen, ["project_variable.mixed[\"a\"]": "K_a g/last", "project_variable.mixed[\"b\"]": "K_b 7"])
  }
}
