import XCTest

@testable import GitformCore

/// Every expression construct, its tree shape and the newline rules inside brackets.
final class ExpressionParserTests: XCTestCase {
  private func expr(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    SyntaxTestSupport.expression(source, file: file, line: line)
  }

  private func errors(_ source: String) -> [String] {
    SyntaxTestSupport.parse("x = " + source + "\n").1.map(\.summary)
  }

  func testLiterals() {
    XCTAssertEqual(expr("null"), "null")
    XCTAssertEqual(expr("true"), "true")
    XCTAssertEqual(expr("false"), "false")
    XCTAssertEqual(expr("42"), "42")
    XCTAssertEqual(expr("1.5e-3"), "1.5e-3")
    XCTAssertEqual(expr("123456789012345678901234567890123456789012"), "123456789012345678901234567890123456789012")
    guard case .literal(.number(let text))? = SyntaxTestSupport.node("9007199254740993")?.kind else {
      return XCTFail("not a number literal")
    }
    XCTAssertEqual(text, "9007199254740993")
  }

  func testOperatorPrecedenceAndAssociativity() {
    XCTAssertEqual(expr("1 + 2 * 3"), "(1 + (2 * 3))")
    XCTAssertEqual(expr("1 - 2 - 3"), "((1 - 2) - 3)")
    XCTAssertEqual(expr("a || b && c == d < e + f * g"), "(a || (b && (c == (d < (e + (f * g))))))")
    XCTAssertEqual(expr("7 % 3 / 2"), "((7 % 3) / 2)")
    XCTAssertEqual(expr("a >= b != c <= d"), "((a >= b) != (c <= d))")
    XCTAssertEqual(expr("a > b == c"), "((a > b) == c)")
    XCTAssertEqual(expr("-46 + 5"), "((-46) + 5)")
    XCTAssertEqual(expr("!a.b && -c[0]"), "((!a.b) && (-c[0]))")
    XCTAssertEqual(expr("- - 1"), "(-(-1))")
    XCTAssertEqual(expr("(1 + 2) * 3"), "(paren((1 + 2)) * 3)")
  }

  func testConditionalNestsToTheRight() {
    XCTAssertEqual(expr("a ? b : c ? d : e"), "(a ? b : (c ? d : e))")
    XCTAssertEqual(expr("a || b ? 1 + 2 : 3"), "((a || b) ? (1 + 2) : 3)")
    XCTAssertEqual(errors("a ? b"), ["Missing false expression in conditional"])
  }

  func testTraversals() {
    XCTAssertEqual(expr("var.a.b"), "var.a.b")
    XCTAssertEqual(expr("a[0][\"k\"][true][null]"), "a[0][\"k\"][true][null]")
    XCTAssertEqual(expr("a.0.b"), "a[0].b")
    XCTAssertEqual(expr("[[1,2]].0[1]"), "rel([[1, 2]])[0][1]")
    XCTAssertEqual(expr("f(x).a[1]"), "rel(f(x)).a[1]")
    XCTAssertEqual(expr("a[b].c"), "rel(index(a, b)).c")
    XCTAssertEqual(expr("a[-1]"), "index(a, (-1))")
    XCTAssertEqual(expr("a[\"${b}\"]"), "index(a, tmpl[${b}])")
    XCTAssertEqual(expr("{a = {b = 3}}.a.b"), "rel({a = {b = 3}}).a.b")
    XCTAssertEqual(expr("a-b"), "a-b")
    XCTAssertEqual(expr("a - b"), "(a - b)")
  }

  func testTraversalRanges() {
    guard case .scopeTraversal(let t)? = SyntaxTestSupport.node("var.a[0]")?.kind else {
      return XCTFail("not a traversal")
    }
    XCTAssertEqual(t.steps.map { SyntaxTestSupport.rangeText($0.range) }, ["1:8-1:10@7-9", "1:10-1:13@9-12"])
    XCTAssertEqual(SyntaxTestSupport.rangeText(t.root.range), "1:5-1:8@4-7")
  }

  func testFunctionCalls() {
    XCTAssertEqual(expr("f()"), "f()")
    XCTAssertEqual(expr("f(1, 2,)"), "f(1, 2)")
    XCTAssertEqual(expr("concat(a, b...)"), "concat(a, b...)")
    XCTAssertEqual(expr("f(\n  1,\n  g(2)\n)"), "f(1, g(2))")
    XCTAssertEqual(errors("f(a... , b)"), ["Missing closing parenthesis"])
    XCTAssertEqual(errors("f(a b)"), ["Missing argument separator"])
    guard case .functionCall(let call)? = SyntaxTestSupport.node("f(1)")?.kind else {
      return XCTFail("not a call")
    }
    XCTAssertEqual(SyntaxTestSupport.rangeText(call.closeParenRange), "1:8-1:9@7-8")
  }

  func testTuples() {
    XCTAssertEqual(expr("[]"), "[]")
    XCTAssertEqual(expr("[1, \"a\", [true],]"), "[1, tmpl[\"a\"], [true]]")
    XCTAssertEqual(expr("[\n  1,\n  2\n]"), "[1, 2]")
    XCTAssertEqual(errors("[\n  1\n  2\n]"), ["Missing item separator"])
  }

  func testObjects() {
    XCTAssertEqual(expr("{}"), "{}")
    XCTAssertEqual(
      expr("{a = 1, \"b\" = 2, (c) = 3, d: 4, true = 5, 6 = 7}"),
      "{a = 1, (tmpl[\"b\"]) = 2, (paren(c)) = 3, d = 4, (true) = 5, (6) = 7}")
    XCTAssertEqual(expr("{\n  a = 1\n  b = 2,\n\n  c = 3\n}"), "{a = 1, b = 2, c = 3}")
    XCTAssertEqual(expr("{ \"for\" = 1 }"), "{(tmpl[\"for\"]) = 1}")
    XCTAssertEqual(expr("{a.b = 1}"), "{(a.b) = 1}")
    XCTAssertEqual(errors("{a = 1 b = 2}"), ["Missing attribute separator"])
    XCTAssertEqual(errors("{a\n}"), ["Missing attribute value"])
    XCTAssertEqual(errors("{a b}"), ["Missing key/value separator"])
    guard case .object(let items)? = SyntaxTestSupport.node("{a = 1}")?.kind,
      case .name("a") = items[0].key.kind
    else { return XCTFail("bare identifier key is not a name") }
  }

  func testForExpressions() {
    XCTAssertEqual(expr("[for v in [1,2,3] : v * 2 if v > 1]"), "[for v in [1, 2, 3] : (v * 2) if (v > 1)]")
    XCTAssertEqual(expr("{for k, v in {a = 1} : v => k}"), "{for k, v in {a = 1} : v => k}")
    XCTAssertEqual(expr("{for v in l : v => v...}"), "{for v in l : v => v...}")
    XCTAssertEqual(
      expr("[\n  for s in var.list :\n  upper(s)\n  if s != \"\"\n]"),
      "[for s in var.list : upper(s) if (s != tmpl[\"\"])]")
    XCTAssertEqual(errors("[for, x]"), ["Invalid 'for' expression"])
    XCTAssertEqual(errors("{for = 1}"), ["Invalid 'for' expression"])
    XCTAssertEqual(errors("[for k => v in x : v]"), ["Invalid 'for' expression"])
    XCTAssertEqual(errors("[for v in x : v => v]"), ["Invalid 'for' expression"])
    XCTAssertEqual(errors("{for v in x : v}"), ["Invalid 'for' expression"])
    XCTAssertEqual(errors("[for v in x : v...]"), ["Invalid 'for' expression"])
    XCTAssertEqual(errors("[for v in x v]"), ["Invalid 'for' expression"])
    guard case .forExpression(let f)? = SyntaxTestSupport.node("{for k, v in m : k => v... if v}")?.kind
    else { return XCTFail("not a for expression") }
    XCTAssertEqual(f.keyVariable?.name, "k")
    XCTAssertTrue(f.isGrouping)
    XCTAssertTrue(f.producesObject)
  }

  func testSplats() {
    XCTAssertEqual(expr("a[*].b.c"), "splat(a[*] rel(@).b.c)")
    XCTAssertEqual(expr("a.*.b[0]"), "rel(splat(a.* rel(@).b))[0]")
    XCTAssertEqual(expr("a[*][x]"), "splat(a[*] index(@, x))")
    XCTAssertEqual(expr("a[*]"), "splat(a[*] @)")
    XCTAssertEqual(expr("a.*"), "splat(a.* @)")
    XCTAssertEqual(expr("\"x\"[*]"), "splat(tmpl[\"x\"][*] @)")
    XCTAssertEqual(expr("a.*.b.0"), "splat(a.* rel(@).b[0])")
    XCTAssertEqual(errors("a.*.*"), ["Nested splat expression not allowed"])
    XCTAssertEqual(errors("a[*"), ["Missing close bracket on splat index"])
    guard case .splat(let s)? = SyntaxTestSupport.node("a.*.b")?.kind else {
      return XCTFail("not a splat")
    }
    XCTAssertEqual(SyntaxTestSupport.rangeText(s.markerRange), "1:6-1:8@5-7")
  }

  func testNamespacedCallsAreReportedPlainly() {
    let (_, diagnostics) = SyntaxTestSupport.parse("x = provider::p::f(1)\n")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unsupported function namespace @ 1:5-1:15@4-14"])
    XCTAssertEqual(errors("{a: b}"), [])
  }

  func testNewlinesInsideParenthesesAreIgnored() {
    XCTAssertEqual(expr("(1\n+\n2)"), "paren((1 + 2))")
    XCTAssertEqual(expr("a[\n0\n]"), "a[0]")
    XCTAssertEqual(errors("1 +\n2"), ["Invalid expression"])
    XCTAssertEqual(errors("(1 + 2"), ["Unbalanced parentheses"])
  }

  func testExpressionRanges() {
    let node = SyntaxTestSupport.node("a ? [1] : {b = 2}")
    XCTAssertEqual(SyntaxTestSupport.rangeText(node?.range), "1:5-1:22@4-21")
    let binary = SyntaxTestSupport.node("1 + 2")
    guard case .binary(_, _, _, let op)? = binary?.kind else { return XCTFail("not binary") }
    XCTAssertEqual(SyntaxTestSupport.rangeText(op), "1:7-1:8@6-7")
  }

  func testParseExpressionEntryPoint() {
    let (e, diagnostics) = Parser.parseExpression(Array("a +\n b".utf8), filename: "<value>")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(e.description, "(a + b)")
    let (_, extra) = Parser.parseExpression(Array("a b".utf8), filename: "<value>")
    XCTAssertEqual(extra.map(\.summary), ["Extra characters after expression"])
  }

  func testDeepNestingIsADiagnosticNotACrash() {
    for open in ["[", "(", "{a = ", "f(", "-", "!", "\"${", "a[", "x ? 1 : "] {
      let source = "x = " + String(repeating: open, count: 10_000) + "1\n"
      let (_, diagnostics) = Parser.parse(Array(source.utf8), filename: "deep.tf")
      XCTAssertTrue(
        diagnostics.contains { $0.summary == "Configuration nested too deeply" }, "\(open)")
    }
    // Chains build deep trees without recursing while parsing; they are limited too, since
    // freeing such a tree recurses once per level. Operator chains get a far longer limit.
    for (chain, count) in [("[*]", 10_000), ("[b]", 10_000), (".b", 10_000), ("[0].*", 10_000), (" + 1", 10_001)] {
      let source = "x = a" + String(repeating: chain, count: count) + "\n"
      let (_, diagnostics) = Parser.parse(Array(source.utf8), filename: "deep.tf")
      XCTAssertEqual(diagnostics.map(\.summary), ["Configuration nested too deeply"], chain)
    }
    // Within the limit, long chains are fine.
    let (_, fine) = Parser.parse(Array(("x = a" + String(repeating: " + 1", count: 10_000) + "\n").utf8), filename: "f.tf")
    XCTAssertEqual(fine, [])
  }
}
