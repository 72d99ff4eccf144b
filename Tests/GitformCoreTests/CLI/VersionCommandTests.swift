import XCTest
@testable import GitformCore

final class VersionCommandTests: XCTestCase {
  func testVersionPrintsTheVersionLine() {
    let output = CapturedOutput()
    let code = CommandLineInterface().run(["version"], context: output.context())
    XCTAssertEqual(code, 0)
    XCTAssertEqual(output.standardOutput, "gitform v\(CommandLineInterface.version)\n")
  }

  func testUnknownCommandIsAnErrorWithUsage() {
    let output = CapturedOutput()
    let code = CommandLineInterface().run(["frobnicate"], context: output.context())
    XCTAssertEqual(code, 1)
    XCTAssertTrue(output.standardError.hasPrefix("Error: \"frobnicate\" is not a gitform command."))
  }

  func testHelpListsCommands() {
    let output = CapturedOutput()
    XCTAssertEqual(CommandLineInterface().run(["-help"], context: output.context()), 0)
    XCTAssertNotNil(
      output.standardOutput.range(
        of: "\n  version +Show the current gitform version\n", options: .regularExpression))
  }
}
