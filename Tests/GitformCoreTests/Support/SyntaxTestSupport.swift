import XCTest

@testable import GitformCore

/// Small helpers shared by the syntax and diagnostics tests.
enum SyntaxTestSupport {
  static func parse(_ text: String, filename: String = "main.tf") -> (SyntaxFile, [Diagnostic]) {
    let (file, diagnostics) = Parser.parse(Array(text.utf8), filename: filename)
    return (file, diagnostics)
  }

  /// `line:column-line:column@byte-byte`.
  static func rangeText(_ r: SourceRange?) -> String {
    guard let r else { return "-" }
    return "\(r.start.line):\(r.start.column)-\(r.end.line):\(r.end.column)@\(r.start.byte)-\(r.end.byte)"
  }

  /// `summary @ range` per diagnostic, for compact assertions.
  static func summaries(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.summary) @ \(rangeText($0.subject))" }
  }

  /// The expression of the single attribute `x = ...` in `text`, dumped; fails on diagnostics.
  static func expression(
    _ source: String, file: StaticString = #filePath, line: UInt = #line
  ) -> String {
    let (parsed, diagnostics) = parse("x = " + source + "\n")
    XCTAssertEqual(summaries(diagnostics), [], "in \(source)", file: file, line: line)
    guard case .attribute(let attribute)? = parsed.body.items.first else {
      XCTFail("no attribute parsed from \(source)", file: file, line: line)
      return ""
    }
    return attribute.expression.description
  }

  /// The single attribute's expression node.
  static func node(_ source: String) -> GitformCore.Expression? {
    let (parsed, _) = parse("x = " + source + "\n")
    guard case .attribute(let attribute)? = parsed.body.items.first else { return nil }
    return attribute.expression
  }

  /// The template of the single attribute, when it is one.
  static func template(_ source: String) -> Template? {
    guard case .template(let template)? = node(source)?.kind else { return nil }
    return template
  }
}
