import XCTest

@testable import GitformCore

/// Object constructors with a key written twice: the last one wins, as `terraform console`
/// 1.11 shows (`{a=1, a=2}` is `{"a" = 2}`), whether the keys are names, strings or expressions.
final class ObjectConstructorTests: EvaluatorTestCase {
  func testTheLastOfDuplicateKeysWins() {
    XCTAssertEqual(value("{ a = 1, a = 2 }").description, "{a = 2}")
    XCTAssertEqual(value("{ a = 1, \"a\" = \"x\" }").description, "{a = \"x\"}")
    XCTAssertEqual(
      value("{ b = 1, (k) = 2, c = 3 }", variables: ["k": .string("b")]).description, "{b = 2, c = 3}")
  }

  func testTheWinnersTypeIsTheObjectsAttributeType() {
    XCTAssertEqual(value("{ a = 1, a = \"x\" }").type, .object(["a": .string]))
  }
}
