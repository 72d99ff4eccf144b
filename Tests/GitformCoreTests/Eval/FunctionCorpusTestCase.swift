import XCTest

@testable import GitformCore

/// Evaluates corpus expressions and compares them with the results Terraform gives.
class FunctionCorpusTestCase: EvaluatorTestCase {
  /// Each case is an expression and its expected rendering: `Value.description`, or
  /// `!summary: detail` for the one error it must produce.
  func check(
    _ cases: [(String, String)], variables: [String: Value] = [:], baseDirectory: String = ".",
    file: StaticString = #filePath, line: UInt = #line
  ) {
    for (source, expected) in cases {
      let (expression, parseDiagnostics) = Parser.parseExpression(
        Array(source.utf8), filename: "corpus.hcl")
      XCTAssertEqual(parseDiagnostics, [], "parse errors in \(source)", file: file, line: line)
      let context = EvalContext(
        variables: variables, baseDirectory: baseDirectory, clock: .fixed(Self.now), mode: .apply)
      let (value, diagnostics) = Evaluator.evaluate(expression, in: context)
      let actual: String
      if let problem = diagnostics.first(where: { $0.severity == .error }) {
        actual = "!\(problem.summary): \(problem.detail)"
      } else {
        actual = value.description
      }
      XCTAssertEqual(actual, expected, source, file: file, line: line)
    }
  }
}
