import XCTest

@testable import GitformCore

/// Decoding and checking configurations: names with "Did you mean", labels, duplicates,
/// required arguments, meta-arguments, references, cycles and expansion.
final class ConfigLoaderTests: XCTestCase {
  private func load(_ source: String) -> (Configuration, [Diagnostic]) {
    ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
  }

  private func messages(_ source: String) -> [String] {
    var (configuration, diagnostics) = load(source)
    if !diagnostics.hasErrors {
      let (graph, more) = ConfigGraph.build(configuration)
      diagnostics += more
      if !more.hasErrors {
        var walker = ConfigWalker(configuration: configuration, graph: graph, variables: [:], context: EvalContext(mode: .plan))
        walker.walk { _ in [:] }
        diagnostics += walker.diagnostics
      }
      configuration = Configuration(directory: "/tmp")
    }
    return diagnostics.map { "\($0.summary): \($0.detail)" + ($0.subject.map { " @\($0.start.line)" } ?? "") }
  }

  func testUnknownBlockAndResourceTypeSuggestTheRightName() {
    XCTAssertEqual(
      messages("resouce \"user_token\" \"a\" {}\n"),
      ["Unsupported block type: Blocks of type \"resouce\" are not expected here. Did you mean \"resource\"? @1"])
    XCTAssertEqual(
      messages("resource \"user_tokn\" \"a\" {}\n"),
      ["Invalid resource type: gitform does not support resource type \"user_tokn\". Did you mean \"user_token\"? @1"])
  }

  func testMissingRequiredAndComputedArguments() {
    XCTAssertEqual(
      messages("resource \"user_token\" \"a\" {\n  user_id = 1\n  name = \"a\"\n  token = \"x\"\n}\n"),
      [
        "Invalid or unknown key: Can't configure a value for \"token\": its value will be decided automatically based on the result of applying this configuration. @4",
        "Missing required argument: The argument \"scopes\" is required, but no definition was found. @1",
      ])
  }

  func testDuplicateResourceNamesTheFirstDeclaration() {
    let text = "resource \"project_variable\" \"v\" {\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n"
    let result = messages(text + text)
    XCTAssertEqual(result.count, 1)
    XCTAssertTrue(result[0].hasPrefix("Duplicate resource \"project_variable\" configuration: A project_variable resource named \"v\" was already declared at main.gf.hcl:1,1-"), result[0])
  }

  func testAnUnknownResourceAttributeNamesTheClosestOne() {
    let resource = "resource \"user_token\" \"a\" {\n  user_id = 1\n  name = \"a\"\n  scopes = [\"api\"]\n}\n"
    XCTAssertEqual(
      messages(resource + "locals {\n  t = user_token.a.tokn\n  u = user_token.a.zzzzzzzz\n  v = user_token.a.token\n}\n"),
      [
        "Unsupported attribute: This object has no argument, nested block, or exported attribute named \"tokn\". Did you mean \"token\"? @7",
        "Unsupported attribute: This object has no argument, nested block, or exported attribute named \"zzzzzzzz\". @8",
      ])
  }

  func testUndeclaredReferencesAndCycles() {
    XCTAssertEqual(
      messages("locals {\n  a = var.nope\n  b = user_token.missing.id\n}\n"),
      [
        "Reference to undeclared input variable: An input variable with the name \"nope\" has not been declared. This variable can be declared with a variable \"nope\" {} block. @2",
        "Reference to undeclared resource: A managed resource \"user_token\" \"missing\" has not been declared. @3",
      ])
    XCTAssertEqual(
      messages("locals {\n  c = local.a\n  a = local.b\n  b = local.a\n}\n"),
      ["Cycle: local.a, local.b: These blocks refer to each other, so none of them can be evaluated first. Remove one of the references to break the cycle."])
  }

  /// Two independent cycles are two errors, each naming only its own members.
  func testEachCycleIsItsOwnError() {
    let detail = "These blocks refer to each other, so none of them can be evaluated first. Remove one of the references to break the cycle."
    XCTAssertEqual(
      messages("locals {\n  a = local.b\n  b = local.a\n  x = local.y\n  y = local.z\n  z = local.x\n}\n"),
      ["Cycle: local.a, local.b: \(detail)", "Cycle: local.x, local.y, local.z: \(detail)"])
  }

  func testVariableKeysMaskingAndDatesAreChecked() {
    let result = messages(
      """
      resource "project_variable" "v" {
        project = "p"
        key     = "NOT-OK"
        value   = "short"
        masked  = true
      }
      resource "user_token" "t" {
        user_id    = 1
        name       = "t"
        scopes     = ["api"]
        expires_at = "2026-13-01"
      }

      """)
    XCTAssertEqual(result, [
      "Invalid variable key: \"NOT-OK\" is not a valid key: use only A-Z, a-z, 0-9 and _, 1 to 255 characters. @3",
      "Invalid value for a masked variable: GitLab would reject this masked value: it must be at least 8 characters long. @4",
      "Invalid date: expires_at must be a date as YYYY-MM-DD, not \"2026-13-01\". @11",
    ])
  }

  func testCountAndForEachExpandIntoAddressedInstances() {
    let (configuration, diagnostics) = load(
      """
      resource "project_variable" "each" {
        for_each = toset(["b", "a"])
        project  = "p"
        key      = upper(each.key)
        value    = each.value
      }
      resource "project_variable" "counted" {
        count   = 2
        project = "p"
        key     = "K${count.index}"
        value   = project_variable.each["a"].key
      }

      """)
    XCTAssertEqual(diagnostics, [])
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
    XCTAssertEqual(graphDiagnostics, [])
    XCTAssertEqual(graph.levels.map { $0.map(\.description) }, [["project_variable.each"], ["project_variable.counted"]])
    var walker = ConfigWalker(configuration: configuration, graph: graph, variables: [:], context: EvalContext(mode: .plan))
    var seen: [String: String] = [:]
    walker.walk { instances in
      var values: [InstanceAddress: Value] = [:]
      for instance in instances {
        seen[instance.address.description] = instance.config.string("key") ?? "?"
        values[instance.address] = instance.config
      }
      return values
    }
    XCTAssertEqual(walker.diagnostics, [])
    XCTAssertEqual(seen, [
      "project_variable.each[\"a\"]": "A", "project_variable.each[\"b\"]": "B",
      "project_variable.counted[0]": "K0", "project_variable.counted[1]": "K1",
    ])
  }

  func testVariablePrecedenceAndValidation() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-vars-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "level = \"file\"\n".write(to: directory.appendingPathComponent("gitform.gfvars"), atomically: true, encoding: .utf8)
    let source = """
      variable "level" {
        type    = string
        default = "default"
        validation {
          condition     = var.level != "bad"
          error_message = "The level must not be bad."
        }
      }

      """
    let (configuration, _) = ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: directory.path)
    func resolve(_ arguments: [VariableArgument], _ environment: [String: String] = [:]) -> (String?, [String]) {
      let (values, diagnostics) = VariableValues.resolve(configuration, arguments: arguments, environment: environment, context: EvalContext())
      return (values["level"]?.stringValue, diagnostics.map(\.detail))
    }
    XCTAssertEqual(resolve([], ["GITFORM_VAR_level": "env"]).0, "file")
    XCTAssertEqual(resolve([.assignment("level=cli")], ["GITFORM_VAR_level": "env"]).0, "cli")
    try FileManager.default.removeItem(at: directory.appendingPathComponent("gitform.gfvars"))
    XCTAssertEqual(resolve([], ["GITFORM_VAR_level": "env"]).0, "env")
    XCTAssertEqual(resolve([]).0, "default")
    let (_, problems) = resolve([.assignment("level=bad")])
    XCTAssertEqual(problems.count, 1)
    XCTAssertTrue(problems[0].hasPrefix("The level must not be bad."), problems[0])
  }

  func testHugeOrNegativeCountIsAnErrorNotAHang() {
    for count in ["1e9", "-1", "1.5"] {
      let result = messages("resource \"project_variable\" \"v\" {\n  count = \(count)\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n")
      XCTAssertEqual(result, [
        "Invalid count argument: The given \"count\" argument value is unsuitable: it must be a known, non-sensitive whole number from 0 to 100000. @2"
      ], count)
    }
  }
}
