import XCTest

@testable import GitformCore

/// `format`, with outputs recorded from `terraform console`.
final class FormatFunctionTests: FunctionTestCase {
  func testEveryVerb() {
    let args: [Value] = [
      .string("%s|%5s|%-5s|%.2s|%q|%v|%#v|%t|%d|%05d|%+d|%x|%X|%o|%b|%f|%8.3f|%e|%g|%%"),
      .string("a"), .string("b"), .string("c"), .string("hello"), .string("q\"x"),
      .tuple([.number(1), .string("a")]), .object(["a": .number(1)]), .true, .number(42),
      .number(42), .number(42), .number(255), .number(255), .number(8), .number(5),
      .number(Decimal(string: "3.14159")!), .number(Decimal(string: "1.5")!), .number(1500),
      .number(Decimal(string: "0.5")!),
    ]
    let context = EvalContext(clock: .fixed(Self.now))
    let result = context.functions["format"]!.call(args, environment: context.functionEnvironment)
    XCTAssertEqual(
      result,
      .success(
        .string(
          #"a|    b|c    |he|"q\"x"|[1,"a"]|{"a":1}|true|42|00042|+42|ff|FF|10|101|3.141590|   1.500|1.500000e+03|0.5|%"#
        )))
  }

  func testNumbersAndIndexes() {
    XCTAssertEqual(
      value("format", .string("%[2]s %[1]s"), .string("a"), .string("b")), .string("b a"))
    XCTAssertEqual(value("format", .string("%.3e"), .number(123456)), .string("1.235e+05"))
    XCTAssertEqual(
      value("format", .string("%g"), .number(Decimal(string: "1e30")!)), .string("1e+30"))
    XCTAssertEqual(value("format", .string("%g"), .number(123_456_789)), .string("1.23456789e+08"))
    XCTAssertEqual(value("format", .string("%g"), .number(1500)), .string("1500"))
    XCTAssertEqual(
      value("format", .string("%g"), .number(Decimal(string: "0.0001")!)), .string("0.0001"))
    XCTAssertEqual(
      value("format", .string("%g"), .number(Decimal(string: "0.00001")!)), .string("1e-05"))
    XCTAssertEqual(value("format", .string("%d"), .string("12")), .string("12"))
    XCTAssertEqual(
      value("format", .string("%5.1f|%-8.2f|"), .number(Decimal(string: "-2.25")!), .number(3)),
      .string(" -2.2|3.00    |"))
    XCTAssertEqual(
      value("format", .string("%x"), .number(Decimal(string: "1e30")!)),
      .string("c9f2c9cd04674edea40000000"))
  }

  func testErrors() {
    XCTAssertEqual(
      call("format", .string("%d"), .number(Decimal(string: "1.5")!)),
      .failure(
        .failed(
          #"Call to function "format" failed: unsupported value for "%d" at 0: an integer is required."#
        )))
    XCTAssertEqual(
      call("format", .string("%d")),
      .failure(
        .failed(
          #"Call to function "format" failed: not enough arguments for "%d" at 0: need index 1 but have 0 total."#
        )))
    XCTAssertEqual(
      call("format", .string("%y"), .number(1)),
      .failure(
        .failed(
          #"Call to function "format" failed: unsupported format verb 'y' in "%y" at offset 0."#)))
    XCTAssertEqual(
      call("format", .string("%s"), .emptyTuple.marked(sensitive: false)),
      .failure(
        .failed(
          #"Call to function "format" failed: unsupported value for "%s" at 0: string required."#)))
    XCTAssertEqual(
      call("format", .string("a"), .string("b")),
      .failure(
        .invalidArgument(
          index: 1,
          #"Invalid value for "args" parameter: too many arguments; no verbs in format string."#)))
  }

  func testNullArgumentGivesUnknownAsInTerraform() {
    XCTAssertEqual(call("format", .string("%s"), .null), .success(.unknown(.string)))
  }
}
