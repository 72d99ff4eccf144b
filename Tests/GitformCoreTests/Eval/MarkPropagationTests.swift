import XCTest

@testable import GitformCore

/// The two marks travel through every construct: a sensitive value anywhere in an input makes
/// the result sensitive, an unknown makes it unknown (of the right type where it is known).
final class MarkPropagationTests: EvaluatorTestCase {
  private let variables: [String: Value] = [
    "s": EvaluatorTestCase.secret,
    "sn": Value.number(2).marked(sensitive: true),
    "sb": Value.true.marked(sensitive: true),
    "sl": Value.tuple([.string("a"), .string("b")]).marked(sensitive: true),
    "so": Value.object(["a": .string("x")]).marked(sensitive: true),
    "u": .unknown(),
    "us": .unknown(.string),
    "un": .unknown(.number),
    "ub": .unknown(.bool),
  ]

  /// Every expression here reads a sensitive variable; none may produce a plain value.
  private let sensitiveExpressions = [
    "sn + 1", "-sn", "!sb", "sn == 2", "sn > 1", "sb && true",
    #""token: ${s}""#, "\"${s}\"", "<<EOT\n${s}\nEOT\n", #""%{ if sb }a%{ endif }""#,
    #""%{ for x in sl }${x}%{ endfor }""#,
    "sb ? 1 : 2", "true ? s : \"x\"",
    "[for x in sl : x]", "{for x in sl : x => 1}", "[for x in [1] : s]", "[for x in [1] : x if sb]",
    "sl[*]", "sl[0]", "so.a", #"so["a"]"#, "[1, 2][sn - 1]",
    "upper(s)", "length(s)", "length(sl)", "jsonencode({a = s})", "tostring(sn)",
    #"{(s) = 1}"#, "try(s, 1)", #"format("%s", s)"#, "concat([s], [1])", "sensitive(1)",
  ]

  func testSensitiveReachesEveryResult() {
    for source in sensitiveExpressions {
      let result = value(source, variables: variables)
      XCTAssertTrue(result.containsSensitive, "\(source) gave \(result) without the sensitive mark")
      XCTAssertFalse(result.description.contains("glpat"), source)
    }
  }

  func testSensitiveElementDoesNotMarkItsSiblings() {
    XCTAssertEqual(value("[s, \"b\"][1]", variables: variables), .string("b"))
    let tuple = value("[s, \"b\"]", variables: variables)
    XCTAssertFalse(tuple.isSensitive)
    XCTAssertTrue(tuple.containsSensitive)
    XCTAssertEqual(value("nonsensitive(sn)", variables: variables), .number(2))
  }

  func testUnknownReachesEveryResult() {
    let cases: [(String, Value)] = [
      ("un + 1", .unknown(.number)), ("-un", .unknown(.number)), ("!ub", .unknown(.bool)),
      ("un > 1", .unknown(.bool)), ("u == 1", .unknown(.bool)),
      (#""a${us}""#, .unknown(.string)), (#""%{ if ub }a%{ endif }""#, .unknown(.string)),
      (#""%{ for x in u }a%{ endfor }""#, .unknown(.string)),
      (#"ub ? 1 : "a""#, .unknown(.string)), ("ub ? 1 : 2", .unknown(.number)),
      ("[for x in u : x]", .unknown()), ("[for x in [1] : x if ub]", .unknown()),
      ("{for x in [1] : us => x}", .unknown()), ("u[*]", .unknown()), ("u.a", .unknown()),
      ("[1][un]", .unknown()), ("u[0]", .unknown()), ("upper(us)", .unknown(.string)),
      ("length(u)", .unknown(.number)), ("{(us) = 1}", .unknown()),
      ("jsonencode([u])", .unknown(.string)), ("tonumber(u)", .unknown(.number)),
    ]
    for (source, expected) in cases {
      XCTAssertEqual(value(source, variables: variables), expected, source)
    }
  }

  func testFunctionsKnowWhatTheyCanDespiteUnknownElements() {
    XCTAssertEqual(
      value("keys({a = u, b = 1})", variables: variables), .tuple([.string("a"), .string("b")]))
    XCTAssertEqual(
      value("values({a = u, b = 1})", variables: variables), .tuple([.unknown(), .number(1)]))
    XCTAssertEqual(value("element([u, 2], 1)", variables: variables), .number(2))
    XCTAssertEqual(value(#"lookup({a = u, b = 1}, "b")"#, variables: variables), .number(1))
    XCTAssertEqual(
      value("concat([u], [1])", variables: variables), .tuple([.unknown(), .number(1)]))
    XCTAssertEqual(value("keys(u)", variables: variables), .unknown())
    XCTAssertEqual(value("element([1], un)", variables: variables), .unknown())
    XCTAssertEqual(value("concat(u, [1])", variables: variables), .unknown())
    XCTAssertEqual(value(#"lookup(u, "a")"#, variables: variables), .unknown())
    // merge keeps the keys of known maps whose values are unknown, as cty does (a for_each over
    // merged maps of token values plans); a wholly unknown map makes the result unknown.
    XCTAssertEqual(
      value("keys(merge({a = u}, {b = 1}))", variables: variables), .tuple([.string("a"), .string("b")]))
    XCTAssertEqual(value("merge({a = u}, {b = 1}).b", variables: variables), .number(1))
    XCTAssertEqual(value("merge(u, {b = 1})", variables: variables), .unknown())
  }

  func testKnownPartsStayKnown() {
    XCTAssertEqual(value("length([u, 1])", variables: variables), .number(2))
    XCTAssertEqual(value("[u, 1][1]", variables: variables), .number(1))
    XCTAssertEqual(value("{a = u, b = 2}.b", variables: variables), .number(2))
    XCTAssertEqual(value("ub && false", variables: variables), .false)
    XCTAssertEqual(
      value("[for x in [1, 2] : u]", variables: variables), .tuple([.unknown(), .unknown()]))
  }

  func testUnknownAndSensitiveTogether() {
    let v: [String: Value] = ["x": Value.unknown(.string).marked(sensitive: true)]
    XCTAssertEqual(value("upper(x)", variables: v), Value.unknown(.string).marked(sensitive: true))
    XCTAssertEqual(value(#""a${x}""#, variables: v), Value.unknown(.string).marked(sensitive: true))
  }
}
