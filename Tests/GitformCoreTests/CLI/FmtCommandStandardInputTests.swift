import XCTest

@testable import GitformCore

/// `gitform fmt -`: standard input to standard output, as `terraform fmt -` behaves.
final class FmtCommandStandardInputTests: XCTestCase {
  func fmtStandardInput(_ input: String, _ arguments: [String] = []) -> CommandRun {
    CommandWorkspace.run(["fmt"] + arguments + ["-"], standardInput: Data(input.utf8))
  }

  func testStandardInputIsFormattedToStandardOutput() {
    let result = fmtStandardInput("a=1\nbbb = \"${x}\"\n")
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(result.out, "a   = 1\nbbb = x\n")
    XCTAssertEqual(result.err, "")
  }

  /// The fixtures through the whole command: parsed, formatted and printed like `fmt -`.
  func testEveryFixtureThroughStandardInput() throws {
    for fixture in try FormatterFixtureTests.fixtures() {
      let result = fmtStandardInput(String(decoding: fixture.input, as: UTF8.self))
      XCTAssertEqual(result.code, 0, fixture.name)
      XCTAssertEqual(result.err, "", fixture.name)
      XCTAssertEqual(result.out, String(decoding: fixture.expected, as: UTF8.self), fixture.name)
    }
  }

  func testStandardInputOutputEndsInExactlyOneNewline() {
    XCTAssertEqual(fmtStandardInput("a = 1").out, "a = 1\n")
    XCTAssertEqual(fmtStandardInput("").out, "\n")
    XCTAssertEqual(fmtStandardInput("a = 1\n\n").out, "a = 1\n\n")
  }

  func testStandardInputCheckPrintsNothingAndExitsThreeWhenUnformatted() {
    let unformatted = fmtStandardInput("a=1\n", ["-check"])
    XCTAssertEqual(unformatted.code, 3)
    XCTAssertEqual(unformatted.out, "")
    let formatted = fmtStandardInput("a = 1\n", ["-check"])
    XCTAssertEqual(formatted.code, 0)
    XCTAssertEqual(formatted.out, "")
  }

  func testStandardInputDiffNamesStandardInput() {
    let result = fmtStandardInput("a=1\n", ["-diff"])
    XCTAssertEqual(result.code, 0)
    XCTAssertEqual(result.out, "--- old/<stdin>\n+++ new/<stdin>\n@@ -1 +1 @@\n-a=1\n+a = 1\n")
  }

  func testStandardInputWithSyntaxErrorsPrintsDiagnosticsOnly() {
    let result = fmtStandardInput("a = 1;\n")
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(result.out, "")
    // The text `terraform fmt -no-color -` prints for the same input.
    XCTAssertEqual(
      result.err,
      """

      Error: Invalid character

        on <stdin> line 1:
         1: a = 1;

      The ";" character is not valid. Use newlines to separate arguments and
      blocks, and commas to separate items in collection values.


      Error: Missing newline after argument

        on <stdin> line 1:
         1: a = 1;

      An argument definition must end with a newline.


      """)
  }
}
