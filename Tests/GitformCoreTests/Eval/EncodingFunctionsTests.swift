import XCTest

@testable import GitformCore

/// `jsonencode`, `jsondecode`, `file`, numeric and sensitivity functions.
final class EncodingFunctionsTests: FunctionTestCase {
  func testJSONEncodeMatchesGo() {
    let value = Value.object([
      "b": Self.tuple(.number(1), .true, .null), "a": .string("<x>&\u{2028}\u{1}\t"),
      "c": .number(1500),
    ])
    XCTAssertEqual(
      self.value("jsonencode", value),
      .string(#"{"a":"\u003cx\u003e\u0026\u2028\u0001\t","b":[1,true,null],"c":1500}"#))
    XCTAssertEqual(self.value("jsonencode", .null), .string("null"))
    // Strings are NFC, as in cty: a decomposed é is written precomposed.
    XCTAssertEqual(
      self.value("jsonencode", .string("e\u{301}"))?.stringValue.map { Array($0.unicodeScalars) },
      Array("\"\u{e9}\"".unicodeScalars))
  }

  func testJSONDecodeKeepsNumbersExact() {
    XCTAssertEqual(
      value(
        "jsondecode",
        .string(#"{"a":[1,2.5,null,true],"b":{},"c":"\u00e9\n","d":9007199254740993}"#)),
      .object([
        "a": Self.tuple(.number(1), .number(Decimal(string: "2.5")!), .null, .true),
        "b": .emptyObject, "c": .string("é\n"), "d": .number(Decimal(string: "9007199254740993")!),
      ]))
    XCTAssertEqual(value("jsondecode", .string(#""\ud83d\ude00""#)), .string("😀"))
  }

  func testJSONDecodeErrors() {
    func message(_ text: String) -> String? {
      guard case .failure(.failed(let m)) = call("jsondecode", .string(text)) else { return nil }
      return m
    }
    XCTAssertEqual(
      message("x"),
      #"Call to function "jsondecode" failed: invalid character 'x' looking for beginning of value."#
    )
    XCTAssertEqual(
      message("1 2"), #"Call to function "jsondecode" failed: extraneous data after JSON object."#)
    XCTAssertEqual(
      message("{"), #"Call to function "jsondecode" failed: EOF."#)
    XCTAssertEqual(
      message(String(repeating: "[", count: 10_000)),
      #"Call to function "jsondecode" failed: exceeded max depth."#)
  }

  func testFileReadsRelativeToTheBaseDirectory() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gitform-file-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("hello\n".utf8).write(to: directory.appendingPathComponent("a.txt"))
    XCTAssertEqual(
      call("file", .string("a.txt"), baseDirectory: directory.path), .success(.string("hello\n")))
    guard
      case .failure(.invalidArgument(0, let message)) = call(
        "file", .string("missing.txt"), baseDirectory: directory.path)
    else { return XCTFail("expected an argument error") }
    XCTAssertTrue(
      message.hasPrefix(#"Invalid value for "path" parameter: no file exists at "missing.txt"; "#),
      message)
  }

  func testNumericFunctions() {
    XCTAssertEqual(value("abs", .number(-3)), .number(3))
    XCTAssertEqual(value("min", .number(3), .number(-1), .number(2)), .number(-1))
    XCTAssertEqual(value("max", .number(3), .string("10")), .number(10))
    XCTAssertEqual(
      call("min"),
      .failure(.failed(#"Call to function "min" failed: must pass at least one number."#)))
    XCTAssertEqual(
      call("abs", .string("x")),
      .failure(
        .invalidArgument(index: 0, #"Invalid value for "num" parameter: a number is required."#)))
  }

  func testSensitiveAndNonsensitive() {
    XCTAssertEqual(value("sensitive", .string("a")), Value.string("a").marked(sensitive: true))
    XCTAssertEqual(value("sensitive", .unknown()), Value.unknown().marked(sensitive: true))
    XCTAssertEqual(value("nonsensitive", Value.string("a").marked(sensitive: true)), .string("a"))
    XCTAssertEqual(value("nonsensitive", .string("a")), .string("a"))
  }
}
