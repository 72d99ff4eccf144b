import XCTest

@testable import GitformCore

/// Long flat operator chains are accepted, as Terraform accepts them: a chain costs no nesting
/// depth, only its length is bounded (`Syntax.maximumOperatorChain`).
final class OperatorChainTests: EvaluatorTestCase {
  private func chain(_ term: String, _ op: String, _ count: Int) -> String {
    Array(repeating: term, count: count).joined(separator: op)
  }

  func testAThousandTermSumAndThreeHundredAndsEvaluate() {
    XCTAssertEqual(value(chain("1", "+", 1_000)), .number(1_000))
    XCTAssertEqual(value(chain("true", " && ", 300)), .bool(true))
    XCTAssertEqual(value(chain("1", " * ", 300) + " > 0 || false"), .bool(true))
  }

  func testTheLongestChainIsAcceptedAndOneMoreIsTooDeep() {
    let longest = Syntax.maximumOperatorChain + 1
    XCTAssertEqual(value(chain("1", "+", longest)), .number(Decimal(longest)))
    let (_, diagnostics) = Parser.parseExpression(
      Array(chain("1", "+", longest + 1).utf8), filename: "test.hcl")
    XCTAssertEqual(diagnostics.map(\.summary), ["Configuration nested too deeply"])
  }

  func testAConfigurationWithLongChainsDecodesWithoutProblems() {
    let source = """
      locals {
        sum = \(chain("1", " + ", 5_000))
        all = \(chain("local.sum > 0", " && ", 300))
      }

      """
    let (configuration, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source.utf8))], directory: "/nonexistent")
    XCTAssertEqual(diagnostics.map(\.summary), [])
    XCTAssertEqual(configuration.locals.count, 2)
  }
}
