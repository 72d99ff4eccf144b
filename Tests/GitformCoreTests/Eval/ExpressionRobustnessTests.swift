import XCTest

@testable import GitformCore

/// Random well-formed expressions (every construct, every function, wrong types on purpose)
/// parsed and evaluated: each must give a value or diagnostics, never trap or hang.
final class ExpressionRobustnessTests: XCTestCase {
  func testRandomExpressionsEvaluateWithoutTrapping() {
    var source = RandomExpressionSource()
    let context = EvalContext(
      variables: [
        "u": .unknown(), "s": Value.string("secret").marked(sensitive: true),
        "l": .list([.number(1), .number(2)], elementType: .number),
        "o": .object(["a": .number(1), "b": .tuple([.string("x")])]), "n": .null(.string),
      ], clock: .fixed(Date(timeIntervalSince1970: 0)), mode: .plan)
    var evaluated = 0
    for _ in 0..<4_000 {
      let text = source.expression(depth: 0)
      let (parsed, parseDiagnostics) = Parser.parseExpression(Array(text.utf8), filename: "f")
      let (value, diagnostics) = Evaluator.evaluate(parsed, in: context)
      if !parseDiagnostics.hasErrors { evaluated += 1 }
      // A secret never reaches a message, whatever the expression did with it.
      XCTAssertFalse(
        diagnostics.contains { $0.detail.contains("secret") },
        diagnostics.filter { $0.detail.contains("secret") }.map(\.detail).joined())
      XCTAssertFalse(value.description.contains("secret"), text)
    }
    XCTAssertGreaterThan(evaluated, 3_000)
  }
}

/// Random expression text from a small grammar covering every construct and function.
struct RandomExpressionSource {
  private var rng = ValueRobustnessTests.Generator(state: 7)
  private let functionNames = EvalContext().functionNames

  private mutating func pick<T>(_ items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &rng)]
  }

  mutating func expression(depth: Int) -> String {
    let leaves = [
      "null", "true", "false", "0", "1", "-1", "2.5", "1e3",
      "99999999999999999999999999999999999999",
      #""""#, #""a""#, #""%d""#, #""2024-01-01T00:00:00Z""#, #""1h""#, "[]", "{}", "u", "s", "l",
      "o", "n", #""${u}""#, "<<EOT\nx ${s}\nEOT\n",
    ]
    guard depth < 4 else { return pick(leaves) }
    let a = { (me: inout RandomExpressionSource) in me.expression(depth: depth + 1) }
    switch Int.random(in: 0..<14, using: &rng) {
    case 0, 1: return pick(leaves)
    case 2: return "\(a(&self)) \(pick(BinaryOperator.allCases).rawValue) \(a(&self))"
    case 3: return "\(pick(["-", "!"]))\(a(&self))"
    case 4: return "\(a(&self)) ? \(a(&self)) : \(a(&self))"
    case 5:
      let count = Int.random(in: 0...3, using: &rng)
      let name = pick(functionNames)
      let arguments = (0..<count).map { _ in a(&self) }.joined(separator: ", ")
      return "\(name)(\(arguments)\(Bool.random(using: &rng) && count > 0 ? "..." : ""))"
    case 6: return "[\(a(&self)), \(a(&self))]"
    case 7: return "{k = \(a(&self)), (\(a(&self))) = \(a(&self))}"
    case 8: return "[for k, v in \(a(&self)) : \(a(&self)) if \(a(&self))]"
    case 9:
      return "{for v in \(a(&self)) : \(a(&self)) => v\(Bool.random(using: &rng) ? "..." : "")}"
    case 10: return "(\(a(&self)))\(pick(["[*].a", ".*.b", "[*][0]", "[0]", ".a", "[\"k\"]"]))"
    case 11: return "\"x${\(a(&self))}%{ if \(a(&self)) }y%{ endif }\""
    case 12: return "\"%{ for x in \(a(&self)) }${x}%{ endfor }\""
    default: return "(\(a(&self)))[\(a(&self))]"
    }
  }

}
