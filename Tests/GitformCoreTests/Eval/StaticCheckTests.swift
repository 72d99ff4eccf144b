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

  private func details(_ source: String) -> [String] {
    let (file, parseDiagnostics) = Parser.parse(Array(source.utf8), filename: "main.gf.hcl")
    XCTAssertEqual(parseDiagnostics, [])
    let context = EvalContext(clock: .fixed(Self.now), mode: .validate)
    return StaticCheck.diagnostics(of: file.body, context: context).map {
      "\($0.summary): \($0.detail) @\($0.subject?.start.line ?? 0):\($0.subject?.start.column ?? 0)"
    }
  }

  /// `validate` knows every function's arity and parameter types, even where an argument
  /// refers to something only the engine knows. Checks that need the referring argument's
  /// value (`templatefile`'s vars with an unknown path, a tuple partly made of references)
  /// wait for the plan, as in Terraform; `try` and `can` keep their fallbacks.
  func testCallsWithReferencesAreCheckedForArityAndArgumentTypes() {
    let source = """
      a = md5(var.x, 2)
      b = cidrsubnet(var.net)
      c = cidrsubnet(var.net, "x", 1)
      d = [for p in var.projects : sha256(p, p)]
      e = upper(md5(1, 2), var.x)
      f = templatefile(var.path, "not a map")
      g = alltrue([var.a, "maybe"])
      h = try(md5(var.x, 2), "")
      i = join(",", var.list)
      j = slice(var.list, 0, var.n)
      k = can(regex("(", var.x))

      """
    XCTAssertEqual(
      details(source),
      [
        #"Too many function arguments: Function "md5" expects only 1 argument(s). @1:16"#,
        #"Not enough function arguments: Function "cidrsubnet" expects 3 argument(s). Missing value for "newbits". @2:23"#,
        #"Invalid function argument: Invalid value for "newbits" parameter: a number is required. @3:26"#,
        #"Too many function arguments: Function "sha256" expects only 1 argument(s). @4:40"#,
        #"Too many function arguments: Function "md5" expects only 1 argument(s). @5:18"#,
      ])
  }
}
