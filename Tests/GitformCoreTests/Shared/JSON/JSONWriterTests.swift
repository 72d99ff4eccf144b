import XCTest
@testable import GitformCore

final class JSONWriterTests: XCTestCase {
  func testIndentedMatchesGoMarshalIndent() {
    let value: JSON = .object([
      ("b", .array([.integer(1), .string("x")])), ("a", .object([])), ("c", .array([])),
      ("d", .object([("e", .null), ("f", .bool(false))])),
    ])
    XCTAssertEqual(
      JSONWriter.indented(value),
      """
      {
        "b": [
          1,
          "x"
        ],
        "a": {},
        "c": [],
        "d": {
          "e": null,
          "f": false
        }
      }

      """)
  }

  func testCompactHasNoWhitespace() {
    let value: JSON = .object([("a", .array([.integer(1), .null])), ("b", .object([("c", .string("d"))]))])
    XCTAssertEqual(JSONWriter.compact(value), #"{"a":[1,null],"b":{"c":"d"}}"#)
  }

  func testStringsAreEscapedLikeGo() {
    let text = "q\"b\\s/<>&\u{08}\u{0C}\n\r\t\u{01}\u{1F}\u{7F}é\u{2028}\u{2029}😀"
    XCTAssertEqual(
      JSONWriter.compact(.string(text)),
      #""q\"b\\s/\u003c\u003e\u0026\b\f\n\r\t\u0001\u001f"# + "\u{7F}é" + #"\u2028\u2029"# + "😀\"")
  }

  func testParseThenWriteIsIdentityOnWriterOutput() throws {
    let value: JSON = .object([
      ("s", .string("tab\t<tag> \u{2028} ü")), ("n", .number("123456789012345678901234567890")),
      ("f", .number("-0.5e-7")), ("nested", .array([.object([("k", .array([]))])])),
    ])
    for text in [JSONWriter.indented(value), JSONWriter.compact(value)] {
      let parsed = try JSONParser.parse(text)
      XCTAssertEqual(parsed, value)
      XCTAssertEqual(text.hasSuffix("\n") ? JSONWriter.indented(parsed) : JSONWriter.compact(parsed), text)
    }
  }

  func testSortedObjectAndSortingKeys() {
    XCTAssertEqual(
      JSONWriter.compact(.sortedObject(["b": .integer(2), "a": .integer(1)])), #"{"a":1,"b":2}"#)
    let nested: JSON = .object([("z", .array([.object([("y", .null), ("x", .null)])])), ("a", .null)])
    XCTAssertEqual(JSONWriter.compact(nested.sortingKeys()), #"{"a":null,"z":[{"x":null,"y":null}]}"#)
  }
}
