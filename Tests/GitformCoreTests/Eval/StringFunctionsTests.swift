import XCTest

@testable import GitformCore

/// String functions, checked against `terraform console` while written.
final class StringFunctionsTests: FunctionTestCase {
  func testCaseAndTrimming() {
    XCTAssertEqual(value("lower", .string("HeLLo")), .string("hello"))
    XCTAssertEqual(value("upper", .string("héllo")), .string("HÉLLO"))
    XCTAssertEqual(value("title", .string("hello wORLD-x y_z")), .string("Hello WORLD-X Y_z"))
    XCTAssertEqual(value("title", .string("o'neil mc-donald")), .string("O'Neil Mc-Donald"))
    // Go's one-to-one case mappings, as Terraform has them.
    XCTAssertEqual(value("upper", .string("straße ﬁ")), .string("STRAßE ﬁ"))
    XCTAssertEqual(value("lower", .string("İI")), .string("ii"))
    XCTAssertEqual(value("title", .string("ǆx ßa")), .string("ǅx ßa"))
    XCTAssertEqual(value("trimspace", .string("\n a \t")), .string("a"))
    XCTAssertEqual(value("trimprefix", .string("helloworld"), .string("hello")), .string("world"))
    XCTAssertEqual(value("trimprefix", .string("hello"), .string("x")), .string("hello"))
    XCTAssertEqual(value("trimsuffix", .string("helloworld"), .string("world")), .string("hello"))
  }

  func testReplaceLiteralAndRegex() {
    XCTAssertEqual(value("replace", .string("a-b-c"), .string("-"), .string("+")), .string("a+b+c"))
    XCTAssertEqual(
      value("replace", .string("abc123"), .string("/[0-9]+/"), .string("<$0>")), .string("abc<123>")
    )
    XCTAssertEqual(
      value("replace", .string("hello world"), .string("/(\\w+) (\\w+)/"), .string("${2} $1")),
      .string("world hello"))
    guard
      case .failure(.failed(let message)) = call(
        "replace", .string("x"), .string("/(/"), .string("y"))
    else { return XCTFail("expected a failure") }
    XCTAssertTrue(
      message.hasPrefix(#"Call to function "replace" failed: error parsing regexp"#), message)
  }

  func testSplitAndJoin() {
    XCTAssertEqual(value("split", .string(","), .string("a,b")), Self.list("a", "b"))
    XCTAssertEqual(value("split", .string(","), .string("")), Self.list(""))
    XCTAssertEqual(value("split", .string(""), .string("abc")), Self.list("a", "b", "c"))
    XCTAssertEqual(value("split", .string(""), .string("e\u{301}")), Self.list("é"))
    XCTAssertEqual(
      value("join", .string("-"), .emptyTuple, Self.tuple(.string("a")), Self.list("b", "c")),
      .string("a-b-c"))
    XCTAssertEqual(value("join", .string(","), Self.tuple(.number(1))), .string("1"))
    XCTAssertEqual(
      call("join", .string("-")),
      .failure(.failed(#"Call to function "join" failed: at least one list is required."#)))
    XCTAssertEqual(
      call("join", .string(","), Self.tuple(Self.tuple(.number(1)))),
      .failure(
        .invalidArgument(
          index: 1, #"Invalid value for "lists" parameter: element 0: string required."#)))
  }

  func testSubstr() {
    XCTAssertEqual(value("substr", .string("hello"), .number(1), .number(3)), .string("ell"))
    XCTAssertEqual(value("substr", .string("hello"), .number(-3), .number(2)), .string("ll"))
    XCTAssertEqual(value("substr", .string("hello"), .number(1), .number(-1)), .string("ello"))
    XCTAssertEqual(value("substr", .string("hello"), .number(10), .number(1)), .string(""))
    XCTAssertEqual(value("substr", .string("héllo"), .number(1), .number(1)), .string("é"))
  }

  func testArgumentChecksUseTerraformsWords() {
    XCTAssertEqual(
      call("upper"),
      .failure(
        .notEnoughArguments(#"Function "upper" expects 1 argument(s). Missing value for "str"."#)))
    XCTAssertEqual(
      call("upper", .string("a"), .string("b")),
      .failure(.tooManyArguments(#"Function "upper" expects only 1 argument(s)."#)))
    XCTAssertEqual(
      call("upper", .emptyTuple),
      .failure(.invalidArgument(index: 0, #"Invalid value for "str" parameter: string required."#)))
    XCTAssertEqual(
      call("upper", .null),
      .failure(
        .invalidArgument(
          index: 0, #"Invalid value for "str" parameter: argument must not be null."#)))
  }

  func testFailuresNeverQuoteASensitiveArgument() {
    let secret = Value.string("glpat-x").marked(sensitive: true)
    XCTAssertEqual(
      call("tonumber", secret),
      .failure(
        .invalidArgument(
          index: 0,
          #"Invalid value for "v" parameter: the reason is not shown because an argument is sensitive."#
        )))
    XCTAssertEqual(
      call("lookup", .map(["a": .string("b")], elementType: .string), secret),
      .failure(
        .failed(
          #"Call to function "lookup" failed: the reason is not shown because an argument is sensitive."#
        )))
    XCTAssertEqual(
      call("tonumber", .string("glpat-x")),
      .failure(
        .invalidArgument(
          index: 0,
          #"Invalid value for "v" parameter: cannot convert "glpat-x" to number; given string must be a decimal representation of a number."#
        )))
  }

  func testMarksPropagate() {
    XCTAssertEqual(call("upper", .unknown(.string)), .success(.unknown(.string)))
    XCTAssertEqual(
      call("upper", Value.string("a").marked(sensitive: true)),
      .success(Value.string("A").marked(sensitive: true)))
    XCTAssertEqual(
      call("join", .string(","), .tuple([.string("a"), .unknown(.string)])),
      .success(.unknown(.string)))
    XCTAssertEqual(
      call("join", .string(","), .tuple([Value.string("a").marked(sensitive: true)])),
      .success(Value.string("a").marked(sensitive: true)))
  }
}
