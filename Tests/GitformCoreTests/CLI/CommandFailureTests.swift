import XCTest

@testable import GitformCore

/// The one exit path: a failure thrown anywhere in a command becomes exit code 1 and its text
/// exactly once — plain for the command line's own mistakes, rendered with colour for a failed
/// step — and the state lock is released.
final class CommandFailureTests: XCTestCase {
  private var directory: URL!

  override func setUpWithError() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-failure-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

  private func run(_ arguments: [String], terminal: Bool = false) -> (code: Int32, out: String, err: String) {
    let output = CapturedOutput()
    var context = output.context(directory: directory.path)
    context.isTerminal = terminal
    let code = CommandLineInterface().run(arguments, context: context)
    return (code, output.standardOutput, output.standardError)
  }

  func testCommandLineMistakesArePlainTextEvenOnATerminal() {
    let plan = run(["plan", "extra"], terminal: true)
    XCTAssertEqual(plan.code, 1)
    XCTAssertEqual(plan.out, "")
    XCTAssertEqual(
      plan.err,
      "\nError: Too many command line arguments\n\nUnexpected argument extra: plan takes no arguments; run gitform in the configuration's directory or use -chdir=DIR.\n")
    let state = run(["state", "frobnicate"])
    XCTAssertEqual(state.code, 1)
    XCTAssertEqual(state.err, "\nError: Unknown state subcommand \"frobnicate\"\n\nUse one of: list, mv, pull, push, rm, show.\n")
    let output = run(["output", "missing"])
    XCTAssertEqual(output.code, 1)
    XCTAssertTrue(output.err.hasPrefix("\nError: Output \"missing\" not found\n\nThe output variable requested could not be found in the state file. If you\n"), output.err)
  }

  func testAFailedStepIsRenderedOnceAsADiagnostic() {
    let plain = run(["state", "show", "not an address"])
    XCTAssertEqual(plain.code, 1)
    XCTAssertEqual(plain.err.components(separatedBy: "Error: ").count - 1, 1, plain.err)
    XCTAssertTrue(plain.err.hasPrefix("\nError: Invalid address\n\n"), plain.err)
    let colored = run(["state", "show", "not an address"], terminal: true)
    XCTAssertEqual(colored.code, 1)
    XCTAssertTrue(colored.err.contains("\u{1B}[31m"), colored.err)
    XCTAssertTrue(colored.err.contains("Invalid address"), colored.err)
  }

  func testTheLockIsReleasedWhenAStepFails() throws {
    let missing = run(["state", "rm", "user_token.gone"])
    XCTAssertEqual(missing.code, 1)
    XCTAssertTrue(missing.err.contains("Error: Invalid target address"), missing.err)
    // No lock left behind: the next command that locks the state gets it at once.
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".gitform.tfstate.lock.info").path))
    let again = run(["state", "rm", "-lock-timeout=0s", "user_token.gone"])
    XCTAssertTrue(again.err.contains("Error: Invalid target address"), again.err)
    XCTAssertFalse(again.err.contains("lock"), again.err)
  }
}
