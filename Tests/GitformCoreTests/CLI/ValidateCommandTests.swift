import XCTest

@testable import GitformCore

/// `gitform validate`: exact output, exit codes and which files are read.
final class ValidateCommandTests: XCTestCase {
  private var workspace: CommandWorkspace!

  override func setUpWithError() throws {
    workspace = try CommandWorkspace("validate")
  }

  override func tearDownWithError() throws {
    workspace?.remove()
  }

  private func validate(
    _ arguments: [String] = [], terminal: Bool = false, environment: [String: String] = [:]
  ) -> CommandRun {
    workspace.run(["validate"] + arguments, environment: environment, terminal: terminal)
  }

  func testValidConfigurationPrintsTerraformsSuccessLine() throws {
    try workspace.write(
      "main.gf.hcl",
      "resource \"user_token\" \"bot\" {\n  user_id = 2\n  name    = upper(\"bot\")\n  scopes  = [\"api\"]\n}\n")
    let result = validate()
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(result.out, "Success! The configuration is valid.\n\n")
    XCTAssertEqual(result.err, "")
  }

  func testEmptyDirectoryIsValid() {
    XCTAssertEqual(validate().out, "Success! The configuration is valid.\n\n")
  }

  func testEvaluationErrorsInTerraformsLayout() throws {
    try workspace.write(
      "main.gf.hcl",
      "locals {\n  a = 1 + \"a\"\n  b = lenght([])\n  c = var.x + \"not checked here\"\n}\n")
    let result = validate()
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(result.out, "")
    XCTAssertEqual(
      result.err,
      """

      Error: Invalid operand

        on main.gf.hcl line 2, in locals:
         2:   a = 1 + "a"

      Unsuitable value for right operand: a number is required.

      Error: Call to unknown function

        on main.gf.hcl line 3, in locals:
         3:   b = lenght([])

      There is no function named "lenght". Did you mean "length"?

      """)
  }

  func testJSONOutputMatchesTerraformValidate() throws {
    try workspace.write("main.gf.hcl", "locals {\n  a = 1 + \"a\"\n}\n")
    let result = validate(["-json"])
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(
      result.out,
      """
      {
        "format_version": "1.0",
        "valid": false,
        "error_count": 1,
        "warning_count": 0,
        "diagnostics": [
          {
            "severity": "error",
            "summary": "Invalid operand",
            "detail": "Unsuitable value for right operand: a number is required.",
            "range": {
              "filename": "main.gf.hcl",
              "start": {
                "line": 2,
                "column": 11,
                "byte": 19
              },
              "end": {
                "line": 2,
                "column": 14,
                "byte": 22
              }
            },
            "snippet": {
              "context": "locals",
              "code": "  a = 1 + \\"a\\"",
              "start_line": 2,
              "highlight_start_offset": 10,
              "highlight_end_offset": 13,
              "values": []
            }
          }
        ]
      }

      """)
  }

  func testJSONForAValidConfiguration() throws {
    try workspace.write("main.gf.hcl", "locals {\n  x = 1\n}\n")
    let result = validate(["--json"])
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(
      result.out,
      """
      {
        "format_version": "1.0",
        "valid": true,
        "error_count": 0,
        "warning_count": 0,
        "diagnostics": []
      }

      """)
  }

  func testSyntaxErrorsInEveryFileStopBeforeEvaluation() throws {
    try workspace.write("b.gf.hcl", "locals {\n  a = 1 +\n}\n")
    try workspace.write("a.gf.hcl", "x = [1 2]\n")
    try workspace.write("c.gf.hcl", "y = 1 + \"a\"\n")
    let result = validate()
    XCTAssertEqual(result.code, 1)
    let summaries = result.err.components(separatedBy: "\n").filter { $0.hasPrefix("Error: ") }
    XCTAssertEqual(summaries, ["Error: Missing item separator", "Error: Invalid expression"])
    XCTAssertTrue(result.err.contains("on a.gf.hcl line 1"))
    XCTAssertTrue(result.err.contains("on b.gf.hcl line 2, in locals:"))
  }

  func testOnlyGfHclFilesOfTheDirectoryAreRead() throws {
    try workspace.write("main.tf", "x = 1 + \"a\"\n")
    try workspace.write("notes.hcl", "x = 1 + \"a\"\n")
    try workspace.write(".hidden.gf.hcl", "x = 1 + \"a\"\n")
    try workspace.write("sub/main.gf.hcl", "x = 1 + \"a\"\n")
    try FileManager.default.createDirectory(
      at: workspace.url("dir.gf.hcl"), withIntermediateDirectories: true)
    XCTAssertEqual(validate().code, 0)
  }

  func testFileFunctionReadsRelativeToTheWorkingDirectory() throws {
    try workspace.write("key.txt", "glpat")
    try workspace.write("main.gf.hcl", "a = file(\"key.txt\")\nb = file(\"missing.txt\")\n")
    let result = validate()
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(result.err.contains("no file exists at \"missing.txt\""), result.err)
    XCTAssertFalse(result.err.contains("key.txt"), result.err)
  }

  func testColourOnlyOnATerminalWithoutNoColor() throws {
    try workspace.write("main.gf.hcl", "x = 1 + \"a\"\n")
    XCTAssertTrue(validate(terminal: true).err.contains("\u{1B}["))
    XCTAssertFalse(validate(["-no-color"], terminal: true).err.contains("\u{1B}["))
    XCTAssertFalse(validate(terminal: true, environment: ["NO_COLOR": "1"]).err.contains("\u{1B}["))
    XCTAssertFalse(validate().err.contains("\u{1B}["))
    try workspace.write("main.gf.hcl", "locals {\n  x = 1\n}\n")
    XCTAssertEqual(
      validate(terminal: true).out,
      "\u{1B}[32m\u{1B}[1mSuccess!\u{1B}[0m The configuration is valid.\u{1B}[0m\n\n")
  }

  func testBadArguments() {
    let flag = validate(["-bogus"])
    XCTAssertEqual(flag.code, 1)
    XCTAssertEqual(
      flag.err,
      """

      Error: Failed to parse command-line flags

      flag provided but not defined: -bogus

      For more help on using this command, run:
        gitform validate -help

      """)
    let positional = validate(["somewhere"])
    XCTAssertEqual(positional.code, 1)
    XCTAssertTrue(positional.err.hasPrefix("\nError: Too many command line arguments\n"))
  }

  func testInvalidGitformNowIsReported() throws {
    let result = validate(environment: ["GITFORM_NOW": "soon"])
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(result.err.contains("Error: Invalid GITFORM_NOW"), result.err)
    let json = validate(["-json"], environment: ["GITFORM_NOW": "soon"])
    XCTAssertEqual(json.code, 1)
    XCTAssertTrue(json.out.contains(#""summary": "Invalid GITFORM_NOW""#), json.out)
  }

  func testHelpAndCommandList() {
    let help = validate(["-help"])
    XCTAssertEqual(help.code, 0)
    XCTAssertTrue(help.out.hasPrefix("Usage: gitform [global options] validate [options]\n"))
    // The name column is as wide as the longest command name, which grows with the table.
    XCTAssertNotNil(
      CommandLineInterface.usage().range(
        of: "\n  validate +Check whether the configuration is valid\n", options: .regularExpression))
  }
}
