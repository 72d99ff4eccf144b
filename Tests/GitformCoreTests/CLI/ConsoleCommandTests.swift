import XCTest

@testable import GitformCore

/// `gitform console` with standard input that is not a terminal: one result per expression in
/// `terraform console`'s format, values from the configuration and the state, secrets masked.
final class ConsoleCommandTests: XCTestCase {
  private var workspace: CommandWorkspace!

  override func setUpWithError() throws {
    workspace = try CommandWorkspace("console")
    try workspace.write(
      "main.gf.hcl",
      """
      variable "team" {
        default = "ops"
      }

      variable "secret" {
        default   = "s3cret-value"
        sensitive = true
      }

      locals {
        names = [for n in ["a", "b"] : "${var.team}-${n}"]
      }

      resource "user_token" "bot" {
        user_id    = 2
        name       = "bot"
        scopes     = ["api"]
        expires_at = "2027-01-01"
      }

      resource "user_token" "later" {
        user_id    = 2
        name       = "later"
        scopes     = ["api"]
        expires_at = "2027-01-01"
      }

      data "user" "alice" {
        username = "alice"
      }

      """)
    try workspace.write(
      "gitform.tfstate",
      """
      {
        "version": 4,
        "terraform_version": "0.1.0",
        "serial": 3,
        "lineage": "eaaeffda-61c4-0619-bb81-a7845c7e437a",
        "outputs": {},
        "resources": [
          {
            "mode": "data",
            "type": "user",
            "name": "alice",
            "provider": "provider[\\"registry.terraform.io/gitlabhq/gitlab\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": { "id": "7", "username": "alice", "name": "Alice" },
                "sensitive_attributes": []
              }
            ]
          },
          {
            "mode": "managed",
            "type": "user_token",
            "name": "bot",
            "provider": "provider[\\"registry.terraform.io/gitlabhq/gitlab\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "id": "2:5", "user_id": 2, "name": "bot", "scopes": ["api"],
                  "expires_at": "2027-01-01", "token": "glpat-console-secret"
                },
                "sensitive_attributes": [[{ "type": "get_attr", "value": "token" }]]
              }
            ]
          }
        ]
      }

      """)
  }

  override func tearDownWithError() throws {
    workspace?.remove()
  }

  /// Runs `console` with `lines` as standard input.
  private func console(_ lines: [String], arguments: [String] = []) -> CommandRun {
    let input = LineFeeder(lines)
    return workspace.run(["console", "-no-color"] + arguments, readLine: { input.next() })
  }

  func testEachExpressionPrintsItsValueFromConfigurationAndState() {
    let result = console([
      "local.names", "user_token.bot.id", "", "user_token.bot.token", "user_token.later.id",
      "data.user.alice.username", "var.secret", "upper(var.secret)", "{ b = [true], a = tomap({ k = 1 }) }",
    ])
    XCTAssertEqual(result.err, "")
    XCTAssertEqual(
      result.out,
      """
      [
        "ops-a",
        "ops-b",
      ]
      "2:5"
      (sensitive value)
      (known after apply)
      "alice"
      (sensitive value)
      (sensitive value)
      {
        "a" = tomap({
          "k" = 1
        })
        "b" = [
          true,
        ]
      }

      """)
    XCTAssertEqual(result.code, 0)
  }

  func testTheWholeResourceShowsItsAttributesWithTheTokenMasked() {
    let result = console(["user_token.bot"])
    XCTAssertEqual(result.code, 0)
    XCTAssertTrue(result.out.contains("  \"token\" = (sensitive value)\n"), result.out)
    XCTAssertTrue(result.out.contains("  \"scopes\" = toset([\n    \"api\",\n  ])\n"), result.out)
    XCTAssertFalse(result.out.contains("glpat-console-secret"))
  }

  func testVariablesFromTheCommandLineAndExit() {
    let result = console(["var.team", "exit", "var.team"], arguments: ["-var", "team=dev"])
    XCTAssertEqual(result, (0, "\"dev\"\n", ""))
  }

  func testAnErrorEndsPipedInputWithTerraformsDiagnostic() {
    let result = console(["1", "local.nope", "2"])
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(result.out, "1\n")
    XCTAssertEqual(
      result.err,
      """

      Error: Reference to undeclared local value

        on <console-input> line 1:
        (source code not available)

      A local value with the name "nope" has not been declared.

      """)
  }

  func testHelpExplainsTheConsole() {
    let result = console(["help"])
    XCTAssertEqual(result.code, 0)
    XCTAssertTrue(result.out.hasPrefix("The gitform console allows you to experiment with gitform expressions.\n"), result.out)
    XCTAssertTrue(result.out.hasSuffix("To exit the console, type \"exit\" and hit <enter>, or use Control-C or\nControl-D.\n"), result.out)
  }

  func testWithoutConfigurationFunctionsStillWork() throws {
    try FileManager.default.removeItem(at: workspace.url("main.gf.hcl"))
    try FileManager.default.removeItem(at: workspace.url("gitform.tfstate"))
    XCTAssertEqual(console(["upper(\"a\")", "path.module"]), (0, "\"A\"\n\".\"\n", ""))
  }

  func testArgumentsAreRefused() {
    let result = console([], arguments: ["extra"])
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(result.err, "\nError: Unexpected argument\n\nThe console command expects no arguments.\n")
  }
}

private func XCTAssertEqual(
  _ result: (code: Int32, out: String, err: String), _ expected: (Int32, String, String),
  file: StaticString = #filePath, line: UInt = #line
) {
  XCTAssertEqual(result.code, expected.0, file: file, line: line)
  XCTAssertEqual(result.out, expected.1, file: file, line: line)
  XCTAssertEqual(result.err, expected.2, file: file, line: line)
}
