import XCTest

@testable import GitformCore

/// At least 20,000 generated and mutated inputs through the lexer and parser: no crash, no
/// hang, the token stream stays lossless and every diagnostic points inside the file.
final class SyntaxRobustnessTests: XCTestCase {
  private func check(_ input: [UInt8], _ label: String, file: StaticString = #filePath, line: UInt = #line) {
    let (tokens, _) = Lexer.tokenize(input, filename: "fuzz.tf")
    guard tokens.last?.kind == .endOfFile else {
      return XCTFail("\(label): no end-of-file token", file: file, line: line)
    }
    // Lossless: tokens tile the input, separated only by their counted spaces and tabs.
    var offset = 0
    for token in tokens {
      let start = token.range.start.byte
      guard start == offset + token.spacesBefore, token.range.end.byte >= start,
        token.range.end.byte <= input.count,
        input[offset..<start].allSatisfy({ $0 == 0x20 || $0 == 0x09 }),
        token.bytes.elementsEqual(input[start..<token.range.end.byte])
      else {
        return XCTFail("\(label): token stream is not lossless at byte \(offset)", file: file, line: line)
      }
      offset = token.range.end.byte
    }
    if offset != input.count { XCTFail("\(label): tokens end at \(offset)", file: file, line: line) }

    let (parsed, diagnostics) = Parser.parse(input, filename: "fuzz.tf")
    XCTAssertEqual(parsed.range.end.byte, input.count, label, file: file, line: line)
    for diagnostic in diagnostics {
      guard let subject = diagnostic.subject else { continue }
      if subject.start.byte < 0 || subject.start.byte > subject.end.byte
        || subject.end.byte > input.count + 1 || subject.start.line < 1 || subject.start.column < 1
      {
        XCTFail("\(label): bad range \(subject) for \(diagnostic.summary)", file: file, line: line)
      }
    }
  }

  func testTruncationsOfValidFilesAtEveryOffset() {
    var count = 0
    for (index, text) in HCLInputGenerator.corpus.enumerated() {
      let source = Array(text.utf8)
      let (_, diagnostics) = Parser.parse(source, filename: "corpus.tf")
      XCTAssertEqual(SyntaxTestSupport.summaries(diagnostics), [], "corpus \(index) must be valid")
      for (offset, prefix) in HCLInputGenerator.truncations(of: source).enumerated() {
        check(prefix, "corpus \(index) truncated at \(offset)")
        count += 1
      }
    }
    XCTAssertGreaterThan(count, 1_500)
  }

  func testMutatedAndRandomInputs() {
    var generator = HCLInputGenerator(seed: 0x6769_7466_6F72_6D)
    let inputs = generator.mixedInputs(count: 19_000)
    for (index, input) in inputs.enumerated() {
      check(input, "mixed input \(index)")
    }
  }

  func testPathologicalInputs() {
    for (index, input) in HCLInputGenerator.pathological().enumerated() {
      check(input, "pathological input \(index)")
    }
  }
}

extension SyntaxRobustnessTests {
  /// The nesting limit follows the thread's stack: on a 512 KB stack (the size of secondary
  /// threads on some platforms), even a debug build reports deep input instead of crashing.
  func testDeepNestingFitsASmallThreadStack() {
    /// Written by the parsing thread, read after the semaphore says it has finished.
    final class Results: @unchecked Sendable {
      var summaries: [[String]] = []
    }
    let results = Results()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      for input in HCLInputGenerator.deeplyNested(depth: 10_000) {
        results.summaries.append(Parser.parse(input, filename: "deep.tf").diagnostics.map(\.summary))
      }
      done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    XCTAssertEqual(done.wait(timeout: .now() + 120), .success)
    let summaries = results.summaries
    XCTAssertEqual(summaries.count, HCLInputGenerator.deeplyNested().count)
    for (index, summary) in summaries.enumerated() {
      XCTAssertTrue(summary.contains("Configuration nested too deeply"), "input \(index) \(summary)")
    }
  }
}
