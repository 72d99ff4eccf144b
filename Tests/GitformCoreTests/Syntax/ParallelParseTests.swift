import XCTest

@testable import GitformCore

/// A large file parsed in two halves must be exactly what the sequential parser makes of it —
/// the same items, ranges and diagnostics — or be parsed again in one piece.
final class ParallelParseTests: XCTestCase {
  /// Blocks whose text holds every bracket the boundary search counts: braces inside quoted
  /// templates and heredocs, interpolations, directives, comments and blank lines.
  private func source(blocks: Int, tail: String = "") -> String {
    var text = "# leading comment\n\n"
    for index in 0..<blocks {
      text += """
        resource "project_variable" "v\(index)" {
          project = "team/app"
          key     = "KEY_\(index)"
          value   = "{ not a brace ${upper("x")} %{ if true }y%{ endif }"
          /* a block comment { */
          description = <<-EOT
            heredoc { with braces }
            ${index}
            EOT
          lifecycle {
            ignore_changes = [value]
          }
        }
        // between blocks {

        """
    }
    return text + tail
  }

  private func bothWays(_ text: String) -> (split: (SyntaxFile, [Diagnostic]), whole: (SyntaxFile, [Diagnostic])) {
    let bytes = Array(text.utf8)
    let split = Parser.parse(bytes, filename: "main.gf.hcl", splitsAt: 0)
    let whole = Parser.parse(bytes, filename: "main.gf.hcl", splitsAt: Int.max)
    return ((split.file, split.diagnostics), (whole.file, whole.diagnostics))
  }

  func testASplitParseEqualsTheSequentialOne() {
    let text = source(blocks: 40)
    let (split, whole) = bothWays(text)
    XCTAssertEqual(whole.1, [])
    XCTAssertEqual(split.1, [])
    XCTAssertEqual(split.0, whole.0)
    XCTAssertEqual(split.0.body.items.count, 40)
    // The boundary falls between two blocks, past the middle.
    let (tokens, _) = Lexer.scan(Array(text.utf8), filename: "main.gf.hcl")
    let boundary = try! XCTUnwrap(ParallelParse.topLevelBoundary(in: tokens))
    XCTAssertGreaterThanOrEqual(boundary, tokens.count / 2)
    XCTAssertEqual(tokens[boundary - 1].kind, .newline)
  }

  func testASyntaxErrorInEitherHalfGivesTheSequentialDiagnostics() {
    for broken in [
      "resource \"x\" \"y\" {\n  a = \n}\n" + source(blocks: 30),
      source(blocks: 30, tail: "resource \"x\" \"y\" {\n  a = (1 +\n"),
      source(blocks: 30, tail: "}\n"),
    ] {
      let (split, whole) = bothWays(broken)
      XCTAssertFalse(whole.1.isEmpty)
      XCTAssertEqual(split.1, whole.1)
      XCTAssertEqual(split.0, whole.0)
    }
  }

  func testTopLevelAttributesAreParsedInOnePiece() {
    // "Attribute redefined" spans the whole body: the second `a` must be reported and dropped.
    let text = "a = 1\n" + source(blocks: 30, tail: "a = 2\n")
    let (split, whole) = bothWays(text)
    XCTAssertEqual(whole.1.map(\.summary), ["Attribute redefined"])
    XCTAssertEqual(split.1, whole.1)
    XCTAssertEqual(split.0, whole.0)
  }

  func testAFileWithoutATopLevelNewlinePastTheMiddleIsNotSplit() {
    let (tokens, _) = Lexer.scan(Array("resource \"a\" \"b\" { x = 1 }".utf8), filename: "main.gf.hcl")
    XCTAssertNil(ParallelParse.topLevelBoundary(in: tokens))
  }
}
