import XCTest

@testable import GitformCore

/// `dynamic` blocks in resource bodies: expansion per instance through the iterator, and HCL
/// `dynblock`'s messages for every way to get one wrong.
final class DynamicBlockTests: XCTestCase {
  /// Diagnostics as "summary: detail @line" and each instance's `rotation_configuration`.
  private func run(_ body: String, before: String = "") -> (problems: [String], rotations: [String: String]) {
    let source = before + """
      resource "project_token" "t" {
        project      = "g/p"
        name         = "deploy"
        scopes       = ["read_api"]
        access_level = "developer"
      \(body)
      }

      """
    var (configuration, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
    var rotations: [String: String] = [:]
    if !diagnostics.hasErrors {
      let (values, more) = VariableValues.resolve(
        configuration, arguments: [], environment: [:], context: EvalContext(mode: .plan))
      diagnostics += more
      let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
      diagnostics += graphDiagnostics
      var walker = ConfigWalker(
        configuration: configuration, graph: graph, variables: values, context: EvalContext(mode: .plan))
      walker.walk { instances in
        var result: [InstanceAddress: Value] = [:]
        for instance in instances {
          rotations[instance.address.description] = instance.config[attribute: "rotation_configuration"].description
          result[instance.address] = instance.config
        }
        return result
      }
      diagnostics += walker.diagnostics
      configuration = Configuration(directory: "/tmp")
    }
    let problems = diagnostics.map { "\($0.summary): \($0.detail)" + ($0.subject.map { " @\($0.start.line)" } ?? "") }
    return (problems, rotations)
  }

  func testTheIteratorReadsEachElementAndEachValue() {
    let result = run(
      """
        for_each = var.rotate
        dynamic "rotation_configuration" {
          for_each = [each.value]
          iterator = rot
          content {
            expiration_days    = rot.value.days
            rotate_before_days = rot.value.before + rot.key
          }
        }
      """,
      before: "variable \"rotate\" {\n  type    = map(object({ days = number, before = optional(number, 7) }))\n  default = { a = { days = 30 }, b = { days = 90, before = 14 } }\n}\n")
    XCTAssertEqual(result.problems, [])
    XCTAssertEqual(
      result.rotations,
      [
        "project_token.t[\"a\"]": "{expiration_days = 30, rotate_before_days = 7}",
        "project_token.t[\"b\"]": "{expiration_days = 90, rotate_before_days = 14}",
      ])
  }

  func testTheDefaultIteratorIsTheBlockTypeAndNoElementsMeansNoBlock() {
    let content = """
        expires_at = "2027-01-01"
        dynamic "rotation_configuration" {
          for_each = var.on ? { x = 30 } : {}
          content {
            expiration_days    = rotation_configuration.value
            rotate_before_days = length(rotation_configuration.key)
          }
        }
      """
    XCTAssertEqual(
      run(content, before: "variable \"on\" {\n  default = true\n}\n").rotations["project_token.t"],
      "{expiration_days = 30, rotate_before_days = 1}")
    XCTAssertEqual(
      run(content, before: "variable \"on\" {\n  default = false\n}\n").rotations["project_token.t"], "null")
  }

  func testTwoGeneratedBlocksAreTooMany() {
    let result = run(
      """
        dynamic "rotation_configuration" {
          for_each = [30, 60]
          content {
            expiration_days    = rotation_configuration.value
            rotate_before_days = 7
          }
        }
      """)
    XCTAssertEqual(
      result.problems, ["Too many rotation_configuration blocks: No more than 1 \"rotation_configuration\" block is allowed. @6"])
  }

  func testAStaticBlockAndAGeneratedOneAreTooManyButAnEmptyDynamicIsNot() {
    let rotation = "  rotation_configuration {\n    expiration_days = 30\n    rotate_before_days = 7\n  }\n"
    func dynamic(_ forEach: String) -> String {
      "  dynamic \"rotation_configuration\" {\n    for_each = \(forEach)\n    content {\n      expiration_days = 60\n      rotate_before_days = 7\n    }\n  }\n"
    }
    XCTAssertEqual(
      run(rotation + dynamic("[1]")).problems,
      ["Too many rotation_configuration blocks: No more than 1 \"rotation_configuration\" block is allowed. @10"])
    let empty = run(rotation + dynamic("[]"))
    XCTAssertEqual(empty.problems, [])
    XCTAssertEqual(empty.rotations["project_token.t"], "{expiration_days = 30, rotate_before_days = 7}")
  }

  func testTheArgumentFormAndADynamicBlockAreADuplicate() {
    XCTAssertEqual(
      run(
        "  rotation_configuration = { expiration_days = 30, rotate_before_days = 7 }\n"
          + "  dynamic \"rotation_configuration\" {\n    for_each = []\n    content {\n      expiration_days = 60\n      rotate_before_days = 7\n    }\n  }\n"
      ).problems,
      ["Duplicate rotation_configuration: \"rotation_configuration\" is set both as an argument and as a dynamic block; write it once. @7"])
  }

  func testForEachValuesThatCannotBeIterated() {
    func problems(_ forEach: String) -> [String] {
      run(
        """
          expires_at = "2027-01-01"
          dynamic "rotation_configuration" {
            for_each = \(forEach)
            content {
              expiration_days    = 1
              rotate_before_days = 1
            }
          }
        """
      ).problems
    }
    XCTAssertEqual(
      problems("\"x\""),
      ["Invalid dynamic for_each value: Cannot use a string value in for_each. An iterable collection is required. @8"])
    XCTAssertEqual(problems("null"), ["Invalid dynamic for_each value: Cannot use a null value in for_each. @8"])
  }

  func testShapeErrorsInHCLsWords() {
    func problems(_ dynamic: String) -> [String] {
      run("  expires_at = \"2027-01-01\"\n" + dynamic).problems
    }
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuraton\" {\n    for_each = []\n    content {}\n  }\n"),
      ["Unsupported block type: Blocks of type \"rotation_configuraton\" are not expected here. Did you mean \"rotation_configuration\"? @7"])
    XCTAssertEqual(
      problems("  dynamic {\n    for_each = []\n    content {}\n  }\n"),
      ["Missing type for dynamic: All dynamic blocks must have 1 labels (type). @7"])
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuration\" \"x\" {\n    for_each = []\n    content {}\n  }\n"),
      ["Extraneous label for dynamic: Only 1 labels (type) are expected for dynamic blocks. @7"])
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuration\" {\n    for_each = []\n  }\n"),
      ["Missing dynamic content block: A dynamic block must have a nested block of type \"content\" to describe the body of each generated block. @9"])
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuration\" {\n    content {\n      expiration_days = 1\n      rotate_before_days = 1\n    }\n  }\n"),
      ["Missing required argument: The argument \"for_each\" is required, but no definition was found. @7"])
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuration\" {\n    for_each = []\n    iterator = a.b\n    content {\n      expiration_days = 1\n      rotate_before_days = 1\n    }\n  }\n"),
      ["Invalid dynamic iterator name: Dynamic iterator must be a single variable name. @9"])
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuration\" {\n    for_each = []\n    labels = []\n    content {\n      expiration_days = 1\n      rotate_before_days = 1\n    }\n  }\n"),
      ["Unsupported argument: An argument named \"labels\" is not expected here. @9"])
    XCTAssertEqual(
      problems("  dynamic \"rotation_configuration\" {\n    for_each = []\n    content {\n      expiration_days = 1\n      rotate_before_dys = 1\n    }\n  }\n"),
      [
        "Unsupported argument: An argument named \"rotate_before_dys\" is not expected here. Did you mean \"rotate_before_days\"? @11",
        "Missing required argument: The argument \"rotate_before_days\" is required, but no definition was found. @9",
      ])
  }

  func testTheIteratorNameIsOnlyKnownInsideContent() {
    let result = run(
      """
        expires_at = "2027-01-01"
        dynamic "rotation_configuration" {
          for_each = rot.value
          iterator = rot
          content {
            expiration_days    = rotation_configuration.value
            rotate_before_days = rot.value
          }
        }
      """)
    XCTAssertEqual(
      result.problems,
      [
        "Unknown variable: There is no variable named \"rot\". @8",
        "Unknown variable: There is no variable named \"rotation_configuration\". @11",
      ])
  }
}
