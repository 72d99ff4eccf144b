import XCTest

@testable import GitformCore

/// `tostring`, `tonumber`, `tobool`, `tolist`, `toset`, `tomap` with Terraform's messages.
final class ConversionFunctionsTests: FunctionTestCase {
  func testConversions() {
    XCTAssertEqual(value("tostring", .number(Decimal(string: "1.50")!)), .string("1.5"))
    XCTAssertEqual(value("tonumber", .string("1e3")), .number(1000))
    XCTAssertEqual(value("tobool", .string("1")), .true)
    XCTAssertEqual(value("tostring", .null), .null(.string))
    XCTAssertEqual(value("tonumber", .unknown()), .unknown(.number))
    XCTAssertEqual(
      value("tolist", Self.tuple(.number(1), .string("a"))), Self.list("1", "a"))
    XCTAssertEqual(
      value("toset", Self.tuple(.number(1), .string("a"), .true)),
      .set([.string("1"), .string("a"), .string("true")], elementType: .string))
    XCTAssertEqual(
      value("tomap", .object(["a": .number(1), "b": .string("x")])),
      .map(["a": .string("1"), "b": .string("x")], elementType: .string))
    XCTAssertEqual(value("tomap", .emptyObject), .map([:], elementType: .dynamic))
  }

  func testMessages() {
    func failure(_ name: String, _ v: Value) -> String? {
      guard case .failure(.invalidArgument(_, let message)) = call(name, v) else { return nil }
      return message
    }
    XCTAssertEqual(
      failure("tonumber", .string("x")),
      #"Invalid value for "v" parameter: cannot convert "x" to number; given string must be a decimal representation of a number."#
    )
    XCTAssertEqual(
      failure("tonumber", .true),
      #"Invalid value for "v" parameter: cannot convert bool to number."#)
    XCTAssertEqual(
      failure("tobool", .string("yes")),
      #"Invalid value for "v" parameter: cannot convert "yes" to bool; only the strings "true" or "false" are allowed."#
    )
    XCTAssertEqual(
      failure("tostring", .emptyTuple),
      #"Invalid value for "v" parameter: cannot convert tuple to string."#)
    XCTAssertEqual(
      failure("tolist", .string("a")),
      #"Invalid value for "v" parameter: cannot convert string to list of any single type."#)
    XCTAssertEqual(
      failure("tomap", .object(["a": .number(1), "b": .emptyTuple])),
      #"Invalid value for "v" parameter: cannot convert object to map of any single type."#)
  }
}
