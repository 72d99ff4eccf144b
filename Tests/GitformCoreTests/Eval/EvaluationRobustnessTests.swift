import XCTest

@testable import GitformCore

/// The parser helper's generated and mutated inputs, parsed and then evaluated attribute by
/// attribute: evaluation of any tree the parser produces — however broken the input — ends
/// with a value and diagnostics that point inside the file; no trap, no hang.
final class EvaluationRobustnessTests: XCTestCase {
  private let context = EvalContext(
    variables: [
      "var": .unknown(), "local": .object(["a": .object(["b": .number(1)])]),
      "each": .object(["key": .string("k"), "value": Value.string("v").marked(sensitive: true)]),
    ], baseDirectory: "/nonexistent", clock: .fixed(Date(timeIntervalSince1970: 0)), mode: .plan)

  private func evaluate(_ input: [UInt8], _ label: String) -> Int {
    let (file, _) = Parser.parse(input, filename: "fuzz.gf.hcl")
    var evaluator = Evaluator(context: context)
    var count = 0
    var pending = [file.body]
    while let body = pending.popLast() {
      for item in body.items {
        switch item {
        case .attribute(let attribute):
          _ = evaluator.evaluate(attribute.expression)
          count += 1
        case .block(let block): pending.append(block.body)
        }
      }
    }
    for diagnostic in evaluator.diagnostics {
      guard let subject = diagnostic.subject else { continue }
      if subject.start.byte < 0 || subject.start.byte > subject.end.byte
        || subject.end.byte > input.count + 1
      {
        XCTFail("\(label): bad range \(subject) for \(diagnostic.summary)")
      }
    }
    _ = StaticCheck.diagnostics(of: file.body, context: context)
    return count
  }

  func testCorpusAndItsTruncations() {
    var attributes = 0
    for (index, text) in HCLInputGenerator.corpus.enumerated() {
      let source = Array(text.utf8)
      for (offset, prefix) in HCLInputGenerator.truncations(of: source).enumerated() {
        attributes += evaluate(prefix, "corpus \(index) truncated at \(offset)")
      }
    }
    XCTAssertGreaterThan(attributes, 5_000)
  }

  func testMutatedAndRandomInputs() {
    var generator = HCLInputGenerator(seed: 0x6576_616C)
    var attributes = 0
    for (index, input) in generator.mixedInputs(count: 6_000).enumerated() {
      attributes += evaluate(input, "mixed input \(index)")
    }
    XCTAssertGreaterThan(attributes, 1_000)
  }

  func testPathologicalInputs() {
    for (index, input) in HCLInputGenerator.pathological().enumerated() {
      _ = evaluate(input, "pathological \(index)")
    }
  }
}
