import XCTest
@testable import GitformCore

/// Captures what a command writes, for exact-text assertions.
final class CapturedOutput: @unchecked Sendable {
  private let lock = NSLock()
  private var out = ""
  private var err = ""

  var standardOutput: String { lock.withLock { out } }
  var standardError: String { lock.withLock { err } }

  func context(directory: String = FileManager.default.currentDirectoryPath, environment: [String: String] = [:]) -> CommandContext {
    CommandContext(
      standardOutput: { text in self.lock.withLock { self.out += text } },
      standardError: { text in self.lock.withLock { self.err += text } },
      environment: environment, workingDirectory: directory)
  }
}

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
