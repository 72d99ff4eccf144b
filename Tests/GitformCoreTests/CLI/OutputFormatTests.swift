import XCTest

@testable import GitformCore

/// Output values as `terraform output` and apply's "Outputs:" print them (Terraform 1.11,
/// observed): one element per line, object and map keys quoted, `tolist`/`tomap` where the type
/// says so, multi-line strings as heredocs, sensitive ones as `<sensitive>`.
final class OutputFormatTests: XCTestCase {
  private var workspace: CommandWorkspace!

  override func setUpWithError() throws {
    workspace = try CommandWorkspace("output-format", environment: ["GITLAB_TOKEN": "glpat-unused", "GITLAB_BASE_URL": "http://127.0.0.1:9/api/v4"])
    try workspace.write(
      "main.gf.hcl",
      """
      output "m" { value = { "platform/deployer" = "2", app = "1" } }
      output "l" { value = ["a", "b"] }
      output "t" { value = tolist(["a"]) }
      output "mm" { value = tomap({ a = "x" }) }
      output "s" { value = "multi\\nline" }
      output "e" { value = {} }
      output "sens" {
        value     = "hidden-output-value"
        sensitive = true
      }
      """)
  }

  override func tearDown() {
    workspace.remove()
  }

  static let expected = """
    e = {}
    l = [
      "a",
      "b",
    ]
    m = {
      "app" = "1"
      "platform/deployer" = "2"
    }
    mm = tomap({
      "a" = "x"
    })
    s = <<EOT
    multi
    line
    EOT
    sens = <sensitive>
    t = tolist([
      "a",
    ])

    """

  func testApplyAndOutputPrintValuesAsTerraformDoes() {
    let applied = workspace.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.hasSuffix("Outputs:\n\n" + Self.expected), applied.out)
    let listed = workspace.run(["output", "-no-color"])
    XCTAssertEqual(listed.code, 0, listed.err)
    XCTAssertEqual(listed.out, Self.expected)
    let single = workspace.run(["output", "-no-color", "m"])
    XCTAssertEqual(single.out, "{\n  \"app\" = \"1\"\n  \"platform/deployer\" = \"2\"\n}\n")
    for text in workspace.transcript { XCTAssertFalse(text.contains("hidden-output-value")) }
  }
}
