import XCTest

@testable import GitformCore

/// Values to and from the state file's JSON, and cty's JSON encoding of types.
final class ValueJSONTests: XCTestCase {
  private let objectType = ValueType.object([
    "name": .string, "scopes": .set(.string), "days": .number, "active": .bool,
    "tags": .map(.string), "pair": .tuple([.string, .number]), "ids": .list(.number),
  ])

  func testValuesRoundTripThroughJSONExactly() throws {
    let value = Value.object([
      "name": .string("deploy \"bot\""), "scopes": .set([.string("api"), .string("read_api")], elementType: .string),
      "days": .number(Decimal(string: "12345678901234567890.5") ?? 0), "active": .true,
      "tags": .map(["team": .string("a")], elementType: .string),
      "pair": .tuple([.string("x"), .number(1)]), "ids": .null(.list(.number)),
    ])
    let json = ValueJSON.json(value)
    XCTAssertEqual(
      JSONWriter.compact(json),
      #"{"active":true,"days":12345678901234567890.5,"ids":null,"name":"deploy \"bot\"","pair":["x",1],"scopes":["api","read_api"],"tags":{"team":"a"}}"#)
    let back = try XCTUnwrap(ValueJSON.value(json, as: objectType))
    XCTAssertEqual(back, value)
  }

  func testMarksAndUnknownsDoNotSurvive() {
    XCTAssertEqual(ValueJSON.json(Value.string("glpat-x").marked(sensitive: true)), .string("glpat-x"))
    XCTAssertEqual(ValueJSON.json(.unknown(.string)), .null)
  }

  func testJSONThatDoesNotFitTheTypeIsRefused() {
    XCTAssertNil(ValueJSON.value(.number("1"), as: .string))
    XCTAssertNil(ValueJSON.value(.array([.string("a"), .number("1")]), as: .list(.string)))
    XCTAssertNil(ValueJSON.value(.array([.string("a")]), as: .tuple([.string, .number])))
    XCTAssertNil(ValueJSON.value(.object([(key: "a", value: .bool(true))]), as: .map(.string)))
    XCTAssertNil(ValueJSON.value(.number("1e99999"), as: .number))
    // A missing attribute of an object is null, an extra one is ignored.
    XCTAssertEqual(
      ValueJSON.value(.object([(key: "extra", value: .bool(true))]), as: .object(["name": .string])),
      .object(["name": .null(.string)]))
  }

  func testDynamicValuesAreInferred() {
    XCTAssertEqual(
      ValueJSON.value(.array([.string("a"), .number("2"), .object([(key: "k", value: .null)])]), as: .dynamic),
      .tuple([.string("a"), .number(2), .object(["k": .null])]))
  }

  func testTypesRoundTripThroughCtysEncoding() {
    let types: [ValueType] = [
      .string, .number, .bool, .dynamic, .list(.string), .set(.number), .map(.bool),
      .tuple([.string, .list(.number)]), objectType,
    ]
    for type in types {
      XCTAssertEqual(ValueJSON.type(ValueJSON.typeJSON(type)), type, "\(type)")
    }
    XCTAssertEqual(JSONWriter.compact(ValueJSON.typeJSON(.set(.string))), #"["set","string"]"#)
    XCTAssertEqual(ValueJSON.type(.string("nonsense")), .dynamic)
    XCTAssertEqual(ValueJSON.type(.array([.string("list")])), .dynamic)
  }
}
