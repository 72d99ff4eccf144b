import XCTest

@testable import GitformCore

/// A test case that parses an expression and evaluates it with a fixed clock.
class EvaluatorTestCase: XCTestCase {
  static let now = RFC3339Timestamp.parse("2026-01-02T03:04:05Z")!.date

  /// The value and diagnostics of `source`; parse errors fail the test.
  func evaluate(
    _ source: String, variables: [String: Value] = [:], mode: EvalMode = .apply,
    file: StaticString = #filePath, line: UInt = #line
  ) -> (Value, [Diagnostic]) {
    let (expression, parseDiagnostics) = Parser.parseExpression(
      Array(source.utf8), filename: "test.hcl")
    XCTAssertEqual(parseDiagnostics, [], "parse errors in \(source)", file: file, line: line)
    let context = EvalContext(variables: variables, clock: .fixed(Self.now), mode: mode)
    return Evaluator.evaluate(expression, in: context)
  }

  /// The value of `source`, failing the test on any diagnostic.
  func value(
    _ source: String, variables: [String: Value] = [:], mode: EvalMode = .apply,
    file: StaticString = #filePath, line: UInt = #line
  ) -> Value {
    let (value, diagnostics) = evaluate(
      source, variables: variables, mode: mode, file: file, line: line)
    XCTAssertEqual(
      diagnostics.map(\.summary), [], "diagnostics for \(source)", file: file, line: line)
    return value
  }

  /// The single diagnostic of `source` as "summary: detail @ columns".
  func problem(
    _ source: String, variables: [String: Value] = [:], file: StaticString = #filePath,
    line: UInt = #line
  ) -> String {
    let (_, diagnostics) = evaluate(source, variables: variables, file: file, line: line)
    XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)", file: file, line: line)
    guard let d = diagnostics.first else { return "" }
    let columns = d.subject.map { " @\($0.start.column)-\($0.end.column)" } ?? ""
    return "\(d.summary): \(d.detail)\(columns)"
  }

  static let secret = Value.string("glpat-secret").marked(sensitive: true)
}
