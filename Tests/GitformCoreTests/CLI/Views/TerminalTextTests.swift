import XCTest

@testable import GitformCore

/// The coloured texts that moved out of the commands into views keep their exact bytes: the
/// expected strings are the escapes the commands wrote inline before.
final class TerminalTextTests: XCTestCase {
  private func result(added: Int = 0, destroyed: Int = 0, imported: Int = 0, outputs: [String: Value] = [:]) -> ApplyResult {
    var state = StateSnapshot()
    state.outputs = outputs
    var result = ApplyResult(state: state, diagnostics: [])
    result.added = added
    result.destroyed = destroyed
    result.imported = imported
    return result
  }

  func testApplySummaryIsABoldGreenHeadingFollowedByTheOutputs() {
    let done = result(added: 2, imported: 1, outputs: ["name": .string("ci"), "secret": Value.string("x").marked(sensitive: true)])
    XCTAssertEqual(
      ApplyView.complete(done, destroy: false, color: true),
      "\n\u{1B}[1m\u{1B}[32mApply complete! Resources: 1 imported, 2 added, 0 changed, 0 destroyed.\u{1B}[0m\n"
        + "\n\u{1B}[1m\u{1B}[32mOutputs:\u{1B}[0m\n\nname = \"ci\"\nsecret = <sensitive>\n")
    XCTAssertEqual(
      ApplyView.complete(done, destroy: false, color: false),
      "\nApply complete! Resources: 1 imported, 2 added, 0 changed, 0 destroyed.\n\nOutputs:\n\nname = \"ci\"\nsecret = <sensitive>\n")
    XCTAssertEqual(
      ApplyView.complete(result(destroyed: 3, outputs: ["name": .string("ci")]), destroy: true, color: true),
      "\n\u{1B}[1m\u{1B}[32mDestroy complete! Resources: 3 destroyed.\u{1B}[0m\n")
  }

  func testAnApplyWithNothingToDoSaysSoPlainlyButColoursItsOutputsHeading() {
    XCTAssertEqual(
      ApplyView.complete(result(outputs: ["n": .number(1)]), destroy: false, color: true, highlighted: false),
      "\nApply complete! Resources: 0 added, 0 changed, 0 destroyed.\n\n\u{1B}[1m\u{1B}[32mOutputs:\u{1B}[0m\n\nn = 1\n")
    XCTAssertEqual(
      ApplyView.complete(result(), destroy: true, color: true, highlighted: false),
      "\nDestroy complete! Resources: 0 destroyed.\n")
    XCTAssertEqual(ApplyView.summary(result(), destroy: false), "Apply complete! Resources: 0 added, 0 changed, 0 destroyed.")
  }

  func testImportSuccessHeading() {
    XCTAssertEqual(
      ImportView.successful(color: true),
      "\n\u{1B}[1m\u{1B}[32mImport successful!\u{1B}[0m\n\n"
        + "The resources that were imported are shown above. These resources are now in\nyour gitform state and will henceforth be managed by gitform.\n\n")
    XCTAssertTrue(ImportView.successful(color: false).hasPrefix("\nImport successful!\n\n"))
  }

  func testPlanSymbolsAndValidateSuccessKeepTheirEscapes() {
    let symbols = PlanSymbols(color: true)
    XCTAssertEqual(symbols.symbol(.create), "  \u{1B}[32m+\u{1B}[0m")
    XCTAssertEqual(symbols.symbol(.createThenDelete), "\u{1B}[32m+\u{1B}[0m/\u{1B}[31m-\u{1B}[0m")
    XCTAssertEqual(symbols.bold("Plan:"), "\u{1B}[1mPlan:\u{1B}[0m")
    XCTAssertEqual(PlanSymbols(color: false).symbol(.delete), "  -")
    XCTAssertEqual(
      TerminalStyle(color: true).success("The configuration is valid."),
      "\u{1B}[32m\u{1B}[1mSuccess!\u{1B}[0m The configuration is valid.\u{1B}[0m")
  }
}
