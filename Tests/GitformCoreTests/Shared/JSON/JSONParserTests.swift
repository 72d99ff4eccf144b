import XCTest
@testable import GitformCore

final class JSONParserTests: XCTestCase {
  func testParsesEveryKindKeepingKeyOrderAndNumberText() throws {
    let value = try JSONParser.parse(#" {"z": 1, "a": [true, false, null], "n": -12.50e+3, "big": 18446744073709551615} "#)
    XCTAssertEqual(value.objectMembers?.map(\.key), ["z", "a", "n", "big"])
    XCTAssertEqual(value["a"], .array([.bool(true), .bool(false), .null]))
    XCTAssertEqual(value["n"], .number("-12.50e+3"))
    XCTAssertEqual(value["big"]?.uint64Value, UInt64.max)
    XCTAssertEqual(value["z"]?.int64Value, 1)
  }

  func testDecodesEscapesAndSurrogatePairs() throws {
    let value = try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#)
    XCTAssertEqual(value, .string("a\"b\\c/d\u{08}\u{0C}\n\r\té😀"))
  }

  func testRejectsMalformedInputWithPositions() {
    let cases: [(String, String)] = [
      ("", "line 1, column 1: unexpected end of input"),
      ("{\"a\": 1,}", "line 1, column 9: expected a string key"),
      ("[1 2]", "line 1, column 4: expected ',' or ']' in an array"),
      ("01", "line 1, column 2: leading zero in a number"),
      ("1.", "line 1, column 3: expected a digit after '.'"),
      ("tru", "line 1, column 1: invalid literal, expected true"),
      ("\"abc", "line 1, column 5: unterminated string"),
      ("\"a\u{01}\"", "line 1, column 3: control character in a string (it must be escaped)"),
      ("\"\\ud800\"", "line 1, column 8: unpaired surrogate in a \\u escape"),
      ("\"\\x\"", "line 1, column 3: invalid escape sequence"),
      ("{}\n  x", "line 2, column 3: unexpected text after the JSON value"),
      ("{\"a\" 1}", "line 1, column 6: expected ':' after an object key"),
    ]
    for (text, expected) in cases {
      XCTAssertThrowsError(try JSONParser.parse(text), text) { error in
        XCTAssertEqual((error as? JSONParser.Failure)?.description, expected, text)
      }
    }
  }

  func testRejectsInvalidUTF8() {
    XCTAssertThrowsError(try JSONParser.parse([0x22, 0xFF, 0x22])) { error in
      XCTAssertEqual((error as? JSONParser.Failure)?.message, "invalid UTF-8 in a string")
    }
  }

  func testDeepNestingIsRefusedNotACrash() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    XCTAssertThrowsError(try JSONParser.parse(text)) { error in
      XCTAssertEqual((error as? JSONParser.Failure)?.message, "nesting deeper than 256 levels")
    }
  }
}
