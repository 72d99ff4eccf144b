import XCTest

@testable import GitformCore

/// `validate -json` documents and diagnostic objects, as Terraform 1.11.4 wrote them.
final class DiagnosticJSONTests: XCTestCase {
  private func document(_ source: String) -> String {
    let bytes = Array(source.utf8)
    let (_, diagnostics) = Parser.parse(bytes, filename: "main.tf")
    return DiagnosticJSON.validateDocument(
      diagnostics, sources: [DiagnosticSource(parsing: bytes, filename: "main.tf")])
  }

  func testValidateDocumentMatchesTerraform() {
    let source = "locals {\n  a = 1\n  a = \"é${x}\"\n}\nresource \"terraform_data\" \"x\" {\n  input = [1 2]\n}\n"
    XCTAssertEqual(
      document(source),
      #"""
      {
        "format_version": "1.0",
        "valid": false,
        "error_count": 2,
        "warning_count": 0,
        "diagnostics": [
          {
            "severity": "error",
            "summary": "Attribute redefined",
            "detail": "The argument \"a\" was already set at main.tf:2,3-4. Each argument may be set only once.",
            "range": {
              "filename": "main.tf",
              "start": {
                "line": 3,
                "column": 3,
                "byte": 19
              },
              "end": {
                "line": 3,
                "column": 4,
                "byte": 20
              }
            },
            "snippet": {
              "context": "locals",
              "code": "  a = \"é${x}\"",
              "start_line": 3,
              "highlight_start_offset": 2,
              "highlight_end_offset": 3,
              "values": []
            }
          },
          {
            "severity": "error",
            "summary": "Missing item separator",
            "detail": "Expected a comma to mark the beginning of the next item.",
            "range": {
              "filename": "main.tf",
              "start": {
                "line": 6,
                "column": 14,
                "byte": 79
              },
              "end": {
                "line": 6,
                "column": 15,
                "byte": 80
              }
            },
            "snippet": {
              "context": "resource \"terraform_data\" \"x\"",
              "code": "  input = [1 2]",
              "start_line": 6,
              "highlight_start_offset": 13,
              "highlight_end_offset": 14,
              "values": []
            }
          }
        ]
      }
      """#)
  }

  func testRangesAndSnippets() {
    func objects(_ source: String) -> [String] {
      let bytes = Array(source.utf8)
      let (_, diagnostics) = Parser.parse(bytes, filename: "main.tf")
      let sources = [DiagnosticSource(parsing: bytes, filename: "main.tf")]
      return diagnostics.map { diagnostic -> String in
        guard case .object(let members) = DiagnosticJSON.object(diagnostic, sources: sources) else { return "" }
        return members.filter { $0.0 == "range" || $0.0 == "snippet" }.map(\.1.compact).joined(separator: " ")
      }
    }
    XCTAssertEqual(
      objects("locals {\n  long = \"x\" +\n     1 + [1 2]\n  x = \"abc"),
      [
        #"{"filename":"main.tf","start":{"line":2,"column":15,"byte":23},"end":{"line":3,"column":1,"byte":24}} {"context":"locals","code":"  long = \"x\" +\n     1 + [1 2]","start_line":2,"highlight_start_offset":14,"highlight_end_offset":15,"values":[]}"#
      ])
    XCTAssertEqual(
      objects("x 1\n"),
      [
        #"{"filename":"main.tf","start":{"line":1,"column":1,"byte":0},"end":{"line":1,"column":2,"byte":1}} {"context":null,"code":"x 1","start_line":1,"highlight_start_offset":0,"highlight_end_offset":1,"values":[]}"#
      ])
    XCTAssertEqual(
      objects("locals {\n  x = 1\n\n  y = {\n\n"),
      [
        #"{"filename":"main.tf","start":{"line":6,"column":1,"byte":27},"end":{"line":6,"column":2,"byte":28}} {"context":"locals","code":"","start_line":6,"highlight_start_offset":0,"highlight_end_offset":0,"values":[]}"#
      ])
    XCTAssertEqual(
      objects("module \"m\" {\n  a = (1 +\n\n  2 3)\n}\n"),
      [
        #"{"filename":"main.tf","start":{"line":4,"column":5,"byte":29},"end":{"line":4,"column":6,"byte":30}} {"context":"module \"m\"","code":"  a = (1 +\n  2 3)","start_line":2,"highlight_start_offset":16,"highlight_end_offset":17,"values":[]}"#
      ])
  }

  func testGoEscaping() {
    XCTAssertEqual(
      GoJSON.string("<a> & \"b\"\\\n\u{1}\u{2028}é").compact, #""\u003ca\u003e \u0026 \"b\"\\\n\u0001\u2028é""#)
    XCTAssertEqual(GoJSON.object([("a", .array([])), ("b", .object([]))]).indented, "{\n  \"a\": [],\n  \"b\": {}\n}")
  }

  func testNoSubjectMeansNoRangeOrSnippet() {
    XCTAssertEqual(
      DiagnosticJSON.object(Diagnostic(severity: .warning, summary: "W", detail: "d", address: "user_token.x"), sources: []).compact,
      #"{"severity":"warning","summary":"W","detail":"d","address":"user_token.x"}"#)
    XCTAssertEqual(
      DiagnosticJSON.validateDocument([], sources: []),
      "{\n  \"format_version\": \"1.0\",\n  \"valid\": true,\n  \"error_count\": 0,\n  \"warning_count\": 0,\n  \"diagnostics\": []\n}")
  }
}
