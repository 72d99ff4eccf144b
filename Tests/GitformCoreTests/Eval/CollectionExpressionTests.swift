import XCTest

@testable import GitformCore

/// Tuple and object constructors, `for` and splat results, as `terraform console` shows them.
final class CollectionExpressionTests: EvaluatorTestCase {
  func testObjectConstructorLaterKeyWins() {
    XCTAssertEqual(value("{a=1, a=2}"), .object(["a": .number(2)]))
    XCTAssertEqual(value(#"{"a"=1, a=2}"#), .object(["a": .number(2)]))
    XCTAssertEqual(value("{true = 1, 2 = 3}"), .object(["true": .number(1), "2": .number(3)]))
  }

  func testSplatShapes() {
    XCTAssertEqual(value("[for x in [1]: x][*]"), .tuple([.number(1)]))
    XCTAssertEqual(value("tolist([])[*]"), .list([], elementType: .dynamic))
    XCTAssertEqual(value("{a=1}[*]"), .tuple([.object(["a": .number(1)])]))
    XCTAssertEqual(value("[1,2].*"), .tuple([.number(1), .number(2)]))
    XCTAssertEqual(
      value(#"toset(["b","a"])[*]"#), .list([.string("a"), .string("b")], elementType: .string))
    XCTAssertEqual(
      value("sensitive([1])[*]"), Value.tuple([.number(1)]).marked(sensitive: true))
  }

  func testForShapes() {
    XCTAssertEqual(value("{for k, v in {a=1}: k => v if v > 5}"), .emptyObject)
    XCTAssertEqual(value("[for x in {a=1}: x]"), .tuple([.number(1)]))
    XCTAssertEqual(
      value("[for x in [[1, 2], [3]] : [for y in x : y * 10]]"),
      .tuple([.tuple([.number(10), .number(20)]), .tuple([.number(30)])]))
    XCTAssertEqual(
      value("[for i, x in [\"a\", \"b\"] : \"${i}${x}\"]"), .tuple([.string("0a"), .string("1b")]))
  }

  func testScopesDoNotLeak() {
    XCTAssertEqual(
      value("[for x in [1] : [for x in [2] : x][0] + x]"), .tuple([.number(3)]))
    XCTAssertEqual(value("[for x in [1] : x][0] + x", variables: ["x": .number(10)]), .number(11))
  }
}
