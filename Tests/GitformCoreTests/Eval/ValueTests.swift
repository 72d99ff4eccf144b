import XCTest

@testable import GitformCore

/// The value model: construction, identity, HCL equality, sets, marks and rendering.
final class ValueTests: XCTestCase {
  func testDescriptionsFollowTerraformConsole() {
    XCTAssertEqual(Value.string("a\"b\n${x}").description, #""a\"b\n$${x}""#)
    XCTAssertEqual(Value.number(Decimal(string: "1.50")!).description, "1.5")
    XCTAssertEqual(Value.null.description, "null")
    XCTAssertEqual(Value.null(.string).description, "tostring(null)")
    XCTAssertEqual(Value.tuple([.number(1), .string("a")]).description, #"[1, "a"]"#)
    XCTAssertEqual(
      Value.object(["b": .true, "a": .number(1), "x y": .null]).description,
      #"{a = 1, b = true, "x y" = null}"#)
    XCTAssertEqual(
      Value.map(["k": .string("v")], elementType: .string).description, #"tomap({"k" = "v"})"#)
    XCTAssertEqual(Value.list([.number(1)], elementType: .number).description, "tolist([1])")
    XCTAssertEqual(Value.unknown(.string).description, "(known after apply)")
  }

  func testSensitiveValuesAreNeverWrittenOut() {
    let secret = Value.string("glpat-secret").marked(sensitive: true)
    XCTAssertEqual(secret.description, "(sensitive value)")
    XCTAssertEqual(Value.tuple([secret, .string("b")]).description, #"[(sensitive value), "b"]"#)
    XCTAssertFalse(Value.object(["t": secret]).description.contains("glpat"))
  }

  func testSetsAreDeduplicatedAndSortedCanonically() {
    let set = Value.set(
      [.string("b"), .string("a"), .string("b"), .string("B")], elementType: .string)
    XCTAssertEqual(set.elements, [.string("B"), .string("a"), .string("b")])
    let numbers = Value.set(
      [.number(10), .number(2), .number(Decimal(string: "2.0")!)], elementType: .number)
    XCTAssertEqual(numbers.elements, [.number(2), .number(10)])
  }

  func testSetElementsHandTheirSensitivityToTheSet() {
    let set = Value.set([Value.string("a").marked(sensitive: true)], elementType: .string)
    XCTAssertTrue(set.isSensitive)
    XCTAssertEqual(set.elements, [.string("a")])
  }

  func testSetWithUnknownElementIsUnknown() {
    let set = Value.set([.string("a"), .unknown(.string)], elementType: .string)
    XCTAssertFalse(set.isKnown)
    XCTAssertEqual(set.type, .set(.string))
  }

  func testKnownnessAndSensitivityAreDeep() {
    let value = Value.tuple([.number(1), .object(["a": .unknown(.string)])])
    XCTAssertTrue(value.isKnown)
    XCTAssertFalse(value.isWhollyKnown)
    let marked = Value.tuple([.object(["a": Value.true.marked(sensitive: true)])])
    XCTAssertFalse(marked.isSensitive)
    XCTAssertTrue(marked.containsSensitive)
    let (plain, was) = marked.deepUnmarked()
    XCTAssertTrue(was)
    XCTAssertFalse(plain.containsSensitive)
  }

  func testHCLEqualityComparesTypesAndValues() {
    XCTAssertEqual(Value.number(1).equals(.number(Decimal(string: "1.0")!)), .true)
    XCTAssertEqual(Value.string("1").equals(.number(1)), .false)
    XCTAssertEqual(Value.null.equals(.null(.string)), .true)
    XCTAssertEqual(Value.number(1).equals(.null), .false)
    XCTAssertEqual(Value.emptyObject.equals(.emptyObject), .true)
    XCTAssertEqual(
      Value.list([.number(1)], elementType: .number).equals(.tuple([.number(1)])), .false)
    XCTAssertEqual(
      Value.tuple([.number(1), .string("a")]).equals(.tuple([.number(1), .string("a")])), .true)
  }

  func testEqualityWithUnknownIsUnknownAndSensitivityPropagates() {
    XCTAssertEqual(Value.number(1).equals(.unknown(.number)), .unknown(.bool))
    XCTAssertEqual(Value.null.equals(.unknown(.number)), .unknown(.bool))
    let result = Value.tuple([Value.number(1).marked(sensitive: true)]).equals(.tuple([.number(1)]))
    XCTAssertEqual(result, Value.true.marked(sensitive: true))
  }

  func testIdentityTreatsEqualNumbersAsOneValue() {
    let a = Value.number(Decimal(string: "1.0")!)
    let b = Value.number(1)
    XCTAssertEqual(a, b)
    XCTAssertEqual(Set([a, b]).count, 1)
    XCTAssertNotEqual(Value.number(1), Value.number(1).marked(sensitive: true))
  }

  func testTypeNamesAreTerraforms() {
    XCTAssertEqual(ValueType.list(.string).friendlyName, "list of string")
    XCTAssertEqual(ValueType.map(.dynamic).friendlyName, "map of any single type")
    XCTAssertEqual(ValueType.tuple([.number]).friendlyName, "tuple")
    XCTAssertEqual(
      ValueType.object(["b": .list(.number), "a": .string]).typeExpression,
      "object({a=string, b=list(number)})")
  }
}
