import XCTest

@testable import GitLabEmulator

final class JSONParserTests: XCTestCase {
  func testParsesAndWritesBackInOrder() throws {
    let text = #"{"b":[1,2.5,true,null],"a":"x\"\u00e9\ud83d\ude00\n","c":{}}"#
    let value = try JSONParser.parse(Data(text.utf8))
    XCTAssertEqual(value["a"], .string("x\"é😀\n"))
    XCTAssertEqual(JSONWriter.string(value), #"{"b":[1,2.5,true,null],"a":"x\"é😀\n","c":{}}"#)
  }

  func testRejectsBadInputWithoutCrashing() {
    for bad in ["", "{", "[1,", #"{"a" 1}"#, "tru", "1 2", "\"\\x\"", "-", String(repeating: "[", count: 500),
                "\"\u{01}\"", "+1", #"{"a":1,}"#] {
      XCTAssertThrowsError(try JSONParser.parse(Data(bad.utf8)), bad)
    }
  }
}
