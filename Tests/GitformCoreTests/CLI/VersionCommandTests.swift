import XCTest
@testable import GitformCore

final class VersionCommandTests: XCTestCase {
  func testVersionPrintsTheVersionLine() {
    let output = CommandWorkspace.run(["version"])
    XCTAssertEqual(output.code, 0)
    XCTAssertEqual(output.out, "gitform v\(CommandLineInterface.version)\n")
  }

  func testUnknownCommandIsAnErrorWithUsage() {
    let output = CommandWorkspace.run(["frobnicate"])
    XCTAssertEqual(output.code, 1)
    XCTAssertTrue(output.err.hasPrefix("Error: \"frobnicate\" is not a gitform command."))
  }

  func testHelpListsCommands() {
    let output = CommandWorkspace.run(["-help"])
    XCTAssertEqual(output.code, 0)
    XCTAssertNotNil(
      output.out.range(
        of: "\n  version +Show the current gitform version\n", options: .regularExpression))
  }
}
