import XCTest

@testable import GitformCore

/// Collection and sequence functions, with Terraform's results and messages.
final class CollectionFunctionsTests: FunctionTestCase {
  func testLength() {
    XCTAssertEqual(value("length", .string("héllo")), .number(5))
    XCTAssertEqual(value("length", Self.tuple(.number(1), .unknown())), .number(2))
    XCTAssertEqual(value("length", .map(["a": .number(1)], elementType: .number)), .number(1))
    XCTAssertEqual(value("length", .unknown(.list(.string))), .unknown(.number))
    XCTAssertEqual(
      value("length", Value.tuple([.number(1)]).marked(sensitive: true)),
      Value.number(1).marked(sensitive: true))
    XCTAssertEqual(
      call("length", .number(1)),
      .failure(
        .failed(
          #"Call to function "length" failed: argument must be a string, a collection type, or a structural type."#
        )))
    XCTAssertEqual(
      call("length", .null),
      .failure(
        .invalidArgument(
          index: 0, #"Invalid value for "value" parameter: argument must not be null."#)))
  }

  func testConcat() {
    XCTAssertEqual(
      value("concat", Self.tuple(.number(1)), Self.tuple(.string("a"))),
      Self.tuple(.number(1), .string("a")))
    XCTAssertEqual(
      value(
        "concat", .list([.number(1)], elementType: .number),
        .list([.number(2)], elementType: .number)),
      .list([.number(1), .number(2)], elementType: .number))
    XCTAssertEqual(
      call("concat", Self.tuple(), .string("a")),
      .failure(
        .invalidArgument(
          index: 1,
          #"Invalid value for "seqs" parameter: all arguments must be lists or tuples; got string."#
        )))
    XCTAssertEqual(
      call("concat"),
      .failure(.failed(#"Call to function "concat" failed: at least one argument is required."#)))
  }

  func testMerge() {
    XCTAssertEqual(
      value(
        "merge", .object(["a": .number(1), "b": .number(1)]), .object(["b": .string("x")]), .null),
      .object(["a": .number(1), "b": .string("x")]))
    XCTAssertEqual(
      value(
        "merge", .map(["a": .number(1)], elementType: .number),
        .map(["b": .number(2)], elementType: .number)),
      .map(["a": .number(1), "b": .number(2)], elementType: .number))
    XCTAssertEqual(value("merge"), .emptyObject)
    XCTAssertEqual(
      call("merge", .number(1)),
      .failure(
        .failed(
          #"Call to function "merge" failed: arguments must be maps or objects, got "number"."#)))
  }

  func testContainsKeysValuesLookup() {
    XCTAssertEqual(value("contains", Self.tuple(.number(1), .number(2)), .string("1")), .false)
    XCTAssertEqual(value("contains", Self.list("a"), .string("a")), .true)
    XCTAssertEqual(
      call("contains", .string("a"), .string("a")),
      .failure(
        .failed(#"Call to function "contains" failed: argument must be list, tuple, or set."#)))
    let object = Value.object(["b": .number(1), "a": .string("x")])
    XCTAssertEqual(value("keys", object), Self.tuple(.string("a"), .string("b")))
    XCTAssertEqual(value("values", object), Self.tuple(.string("x"), .number(1)))
    XCTAssertEqual(
      value("keys", .map(["b": .number(1)], elementType: .number)), Self.list("b"))
    XCTAssertEqual(
      call("keys", .string("a")),
      .failure(
        .invalidArgument(
          index: 0, #"Invalid value for "inputMap" parameter: must have map or object type."#)))
    XCTAssertEqual(value("lookup", object, .string("a")), .string("x"))
    XCTAssertEqual(value("lookup", object, .string("c"), .number(2)), .number(2))
    XCTAssertEqual(
      call("lookup", object, .string("c")),
      .failure(
        .invalidArgument(
          index: 0,
          #"Invalid value for "inputMap" parameter: the given object has no attribute "c"."#)))
    XCTAssertEqual(
      call("lookup", .map(["a": .number(1)], elementType: .number), .string("b")),
      .failure(.failed(#"Call to function "lookup" failed: lookup failed to find key "b"."#)))
    XCTAssertEqual(
      call("lookup", object, .string("b"), .number(2), .number(3)),
      .failure(
        .failed(#"Call to function "lookup" failed: lookup() takes two or three arguments, got 4."#)
      ))
  }

  func testElementWrapsAround() {
    let list = Self.tuple(.number(1), .number(2), .number(3))
    XCTAssertEqual(value("element", list, .number(4)), .number(2))
    XCTAssertEqual(value("element", list, .number(-1)), .number(3))
    XCTAssertEqual(
      call("element", .emptyTuple, .number(0)),
      .failure(
        .failed(
          #"Call to function "element" failed: cannot use element function with an empty list."#)))
    XCTAssertEqual(
      call("element", .string("a"), .number(0)),
      .failure(.failed(#"Call to function "element" failed: cannot read elements from string."#)))
  }

  func testFlattenDistinctCoalesce() {
    XCTAssertEqual(
      value(
        "flatten",
        Self.tuple(Self.tuple(.number(1), Self.tuple(.number(2))), .number(3), .emptyTuple)),
      Self.tuple(.number(1), .number(2), .number(3)))
    XCTAssertEqual(
      call("flatten", .string("a")),
      .failure(
        .failed(#"Call to function "flatten" failed: can only flatten lists, sets and tuples."#)))
    XCTAssertEqual(
      value("distinct", Self.tuple(.number(1), .number(2), .number(1), .string("1"))),
      Self.list("1", "2"))
    XCTAssertEqual(
      call("distinct", .string("a")),
      .failure(
        .invalidArgument(
          index: 0, #"Invalid value for "list" parameter: list of any single type required."#)))
    XCTAssertEqual(value("coalesce", .null, .string(""), .number(1)), .string("1"))
    XCTAssertEqual(
      call("coalesce", .null, .string("")),
      .failure(
        .failed(#"Call to function "coalesce" failed: no non-null, non-empty-string arguments."#)))
  }

  func testSensitiveElementMakesTheResultSensitive() {
    let secret = Value.string("s").marked(sensitive: true)
    XCTAssertEqual(
      value("concat", Self.tuple(secret), Self.tuple(.string("a"))),
      Self.tuple(.string("s"), .string("a")).marked(sensitive: true))
    XCTAssertEqual(
      value("contains", Self.tuple(secret), .string("s")), Value.true.marked(sensitive: true))
  }
}
