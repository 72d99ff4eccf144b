import XCTest

@testable import GitformCore

/// References of expressions and the evaluation half of `validate`.
final class StaticCheckTests: EvaluatorTestCase {
  private func references(_ source: String) -> [String] {
    let (expression, _) = Parser.parseExpression(Array(source.utf8), filename: "t.hcl")
    return expression.references.map { traversal in
      ([traversal.root.name]
        + traversal.steps.map { step -> String in
          switch step.kind {
          case .attribute(let name): return name
          case .index: return "[]"
          }
        }).joined(separator: ".")
    }
  }

  func testReferencesSkipIterationVariables() {
    XCTAssertEqual(references("var.a + local.b[0]"), ["var.a", "local.b.[]"])
    XCTAssertEqual(references("[for k, v in var.m : k if v]"), ["var.m"])
    XCTAssertEqual(references("{for v in [1] : v => w}"), ["w"])
    XCTAssertEqual(references(#""%{ for x in y }${x}${z}%{ endfor }""#), ["y", "z"])
    XCTAssertEqual(references("f(a)[b].c"), ["a", "b"])
    XCTAssertEqual(references("x[*].id"), ["x"])
    XCTAssertEqual(references("try(a, 1)"), ["a"])
    XCTAssertEqual(references(#"1 + "a""#), [])
  }

  private func check(_ source: String) -> [String] {
    let (file, parseDiagnostics) = Parser.parse(Array(source.utf8), filename: "main.gf.hcl")
    XCTAssertEqual(parseDiagnostics, [])
    let context = EvalContext(clock: .fixed(Self.now), mode: .validate)
    return StaticCheck.diagnostics(of: file.body, context: context).map {
      "\($0.summary) @\($0.subject?.start.line ?? 0):\($0.subject?.start.column ?? 0)"
    }
  }

  func testReferenceFreeAttributesAreEvaluatedInBlocks() {
    let source = """
      locals {
        a = 1 + "a"
        b = var.x + "a"
        c = lenght([])
      }
      resource "user_token" "bot" {
        name       = "bot"
        expires_at = timeadd(plantimestamp(), "24h")
        nested {
          x = [for v in [1] : v.a]
        }
      }

      """
    XCTAssertEqual(
      check(source),
      ["Invalid operand @2:11", "Call to unknown function @4:7", "Unsupported attribute @10:26"])
  }

  func testUnknownFunctionsAreReportedEvenWithReferences() {
    XCTAssertEqual(
      check("a = lenght(var.x)\nb = try(lenght(var.x), 0)\nc = upper(var.x) + 1\n"),
      ["Call to unknown function @1:5"])
  }

  func testAValidConfigurationHasNoProblems() {
    XCTAssertEqual(check("a = upper(\"x\")\nb = timestamp()\n"), [])
  }
}
