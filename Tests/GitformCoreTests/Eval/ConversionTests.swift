import XCTest

@testable import GitformCore

/// Conversion and unification after HCL's information model, with cty's messages.
final class ConversionTests: XCTestCase {
  private func convert(_ value: Value, _ type: ValueType) -> Result<Value, ConversionError> {
    value.converted(to: type)
  }

  func testPrimitiveConversions() {
    XCTAssertEqual(convert(.number(Decimal(string: "1.50")!), .string), .success(.string("1.5")))
    XCTAssertEqual(convert(.true, .string), .success(.string("true")))
    XCTAssertEqual(convert(.string("1e3"), .number), .success(.number(1000)))
    XCTAssertEqual(convert(.string("1"), .bool), .success(.true))
    XCTAssertEqual(convert(.string("false"), .bool), .success(.false))
    XCTAssertEqual(
      convert(.string("x"), .number), .failure(ConversionError("a number is required")))
    XCTAssertEqual(convert(.string("yes"), .bool), .failure(ConversionError("a bool is required")))
    XCTAssertEqual(convert(.true, .number), .failure(ConversionError("number required")))
    XCTAssertEqual(convert(.number(1), .bool), .failure(ConversionError("bool required")))
    XCTAssertEqual(convert(.emptyTuple, .string), .failure(ConversionError("string required")))
  }

  func testNullAndUnknownConvertToTheTargetType() {
    XCTAssertEqual(convert(.null, .string), .success(.null(.string)))
    XCTAssertEqual(convert(.unknown(), .list(.number)), .success(.unknown(.list(.number))))
    XCTAssertEqual(convert(.unknown(.number), .string), .success(.unknown(.string)))
    XCTAssertEqual(
      convert(.unknown(.tuple([])), .number), .failure(ConversionError("number required")))
  }

  func testSensitivityIsKept() {
    let secret = Value.number(1).marked(sensitive: true)
    XCTAssertEqual(convert(secret, .string), .success(Value.string("1").marked(sensitive: true)))
  }

  func testTupleToListUnifiesElementTypes() {
    let tuple = Value.tuple([.number(1), .string("a")])
    XCTAssertEqual(
      convert(tuple, .list(.dynamic)),
      .success(.list([.string("1"), .string("a")], elementType: .string)))
    XCTAssertEqual(
      convert(.tuple([.null, .number(1)]), .list(.dynamic)),
      .success(.list([.null(.number), .number(1)], elementType: .number)))
    XCTAssertEqual(
      convert(.tuple([.number(1), .tuple([])]), .list(.dynamic)),
      .failure(ConversionError("all elements must have the same type")))
    XCTAssertEqual(
      convert(.tuple([.tuple([.number(1)])]), .list(.string)),
      .failure(ConversionError("element 0: string required")))
  }

  func testObjectToMapAndBack() {
    let object = Value.object(["a": .number(1), "b": .string("x")])
    XCTAssertEqual(
      convert(object, .map(.dynamic)),
      .success(.map(["a": .string("1"), "b": .string("x")], elementType: .string)))
    XCTAssertEqual(
      convert(.object(["a": .number(1)]), .object(["a": .string, "b": .string])),
      .failure(ConversionError(#"attribute "b" is required"#)))
    XCTAssertEqual(
      convert(.map(["a": .string("x")], elementType: .string), .object(["a": .number])),
      .failure(ConversionError(#"attribute "a": a number is required"#)))
  }

  func testSetsFromTuplesDeduplicate() {
    XCTAssertEqual(
      convert(.tuple([.number(1), .string("a"), .true]), .set(.dynamic)),
      .success(.set([.string("1"), .string("a"), .string("true")], elementType: .string)))
  }

  func testListToTupleNeedsTheLength() {
    let list = Value.list([.number(1)], elementType: .number)
    XCTAssertEqual(convert(list, .tuple([.string])), .success(.tuple([.string("1")])))
    XCTAssertEqual(
      convert(list, .tuple([.string, .string])),
      .failure(ConversionError("a tuple of length 2 is required")))
  }

  func testUnification() {
    XCTAssertEqual(ValueType.unify([.number, .string]), .string)
    XCTAssertEqual(ValueType.unify([.bool, .number]), nil)
    XCTAssertEqual(ValueType.unify([.number, .dynamic]), .dynamic)
    XCTAssertEqual(ValueType.unify([.tuple([.number]), .tuple([.string])]), .tuple([.string]))
    XCTAssertEqual(
      ValueType.unify([.tuple([.number]), .tuple([.number, .number])]), .list(.number))
    XCTAssertEqual(ValueType.unify([.list(.number), .set(.string)]), .list(.string))
    XCTAssertEqual(ValueType.unify([.set(.number), .set(.string)]), .set(.string))
    XCTAssertEqual(
      ValueType.unify([.object(["a": .number]), .object(["b": .number])]), .map(.number))
    XCTAssertEqual(
      ValueType.unify([.object(["a": .number]), .object(["a": .string])]), .object(["a": .string]))
    XCTAssertEqual(ValueType.unify([.number, .tuple([])]), nil)
    XCTAssertEqual(ValueType.unify([.map(.number), .object(["a": .bool])]), nil)
  }
}
