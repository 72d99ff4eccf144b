import XCTest

@testable import GitformCore

/// Time functions and the injectable clock (`GITFORM_NOW`).
final class TimeFunctionsTests: FunctionTestCase {
  func testTimestampsFollowTheModeAndTheClock() {
    XCTAssertEqual(call("timestamp"), .success(.string("2026-01-02T03:04:05Z")))
    XCTAssertEqual(call("timestamp", mode: .plan), .success(.unknown(.string)))
    XCTAssertEqual(call("plantimestamp", mode: .plan), .success(.string("2026-01-02T03:04:05Z")))
    XCTAssertEqual(call("plantimestamp", mode: .validate), .success(.unknown(.string)))
  }

  func testPlanTimestampIsOneReadingPerRun() {
    final class Ticker: @unchecked Sendable {
      var seconds = 0.0
    }
    let ticker = Ticker()
    let clock = EvalClock(now: {
      ticker.seconds += 1
      return Date(timeIntervalSince1970: ticker.seconds)
    })
    let context = EvalContext(clock: clock, mode: .plan)
    let function = context.functions["plantimestamp"]!
    let first = function.call([], environment: context.functionEnvironment)
    let second = function.call([], environment: context.functionEnvironment)
    XCTAssertEqual(first, .success(.string("1970-01-01T00:00:01Z")))
    XCTAssertEqual(first, second)
  }

  func testPlanTimeCanBeSetForASavedPlan() {
    var context = EvalContext(clock: .fixed(Self.now), mode: .apply)
    context.planTime = Date(timeIntervalSince1970: 86_400)
    let result = context.functions["plantimestamp"]?.call(
      [], environment: context.functionEnvironment)
    XCTAssertEqual(result, .success(.string("1970-01-02T00:00:00Z")))
  }

  func testGitformNowFixesTheClock() throws {
    let clock = try EvalClock.fromEnvironment(["GITFORM_NOW": "2024-02-29T12:00:00+02:00"]).get()
    XCTAssertEqual(clock.now(), Date(timeIntervalSince1970: 1_709_200_800))
    XCTAssertEqual(
      EvalClock.fromEnvironment(["GITFORM_NOW": "yesterday"]).map { _ in 0 },
      .failure(EvalClock.InvalidNow(text: "yesterday")))
    XCTAssertEqual(
      EvalClock.InvalidNow(text: "yesterday").message,
      #"The environment variable GITFORM_NOW is "yesterday", which is not an RFC 3339 timestamp such as "2026-01-02T03:04:05Z"."#
    )
  }

  func testTimeaddKeepsTheOffset() {
    XCTAssertEqual(
      value("timeadd", .string("2024-01-01T00:00:00+05:30"), .string("-1.5h30m")),
      .string("2023-12-31T22:00:00+05:30"))
    XCTAssertEqual(
      value("timeadd", .string("2024-01-01T00:00:00.5Z"), .string("1s")),
      .string("2024-01-01T00:00:01Z"))
    XCTAssertEqual(
      value("timeadd", .string("2024-02-28T23:00:00Z"), .string("2h")),
      .string("2024-02-29T01:00:00Z"))
    XCTAssertEqual(
      value("timeadd", .string("2024-01-01T00:00:00Z"), .string("-1ns")),
      .string("2023-12-31T23:59:59Z"))
    XCTAssertEqual(
      value("timeadd", .string("2000-02-28T12:00:00+14:00"), .string("24h")),
      .string("2000-02-29T12:00:00+14:00"))
    XCTAssertEqual(
      call("timeadd", .string("x"), .string("1h")),
      .failure(
        .failed(
          #"Call to function "timeadd" failed: not a valid RFC3339 timestamp: cannot use "x" as year."#
        )))
    XCTAssertEqual(
      call("timeadd", .string("2024-01-01T00:00:00Z"), .string("1x")),
      .failure(
        .failed(#"Call to function "timeadd" failed: time: unknown unit "x" in duration "1x"."#)))
  }

  func testTimecmp() {
    XCTAssertEqual(
      value("timecmp", .string("2024-01-01T00:00:00Z"), .string("2024-01-01T01:00:00+01:00")),
      .number(0))
    XCTAssertEqual(
      value("timecmp", .string("2024-01-01T00:00:00Z"), .string("2024-01-01T00:00:01Z")),
      .number(-1))
    XCTAssertEqual(
      call("timecmp", .string("2024-01-01"), .string("2024-01-01T01:00:00+01:00")),
      .failure(
        .invalidArgument(
          index: 0,
          #"Invalid value for "timestamp_a" parameter: not a valid RFC3339 timestamp: missing required time introducer 'T'."#
        )))
  }

  func testFormatdate() {
    XCTAssertEqual(
      value("formatdate", .string("EEEE, DD-MMM-YY hh:mm:ss ZZZ"), .string("2018-01-02T23:12:01Z")),
      .string("Tuesday, 02-Jan-18 23:12:01 UTC"))
    XCTAssertEqual(
      value(
        "formatdate", .string("EEE, D MMMM YYYY h:m:s AA aa Z ZZZZ ZZZZZ"),
        .string("2018-01-02T03:04:05-08:00")),
      .string("Tue, 2 January 2018 3:4:5 AM am -08:00 -0800 -08:00"))
    XCTAssertEqual(
      value("formatdate", .string("'Date:' DD 'o''clock' H"), .string("2018-01-02T23:12:01Z")),
      .string("Date: 02 o'clock 11"))
    XCTAssertEqual(
      call("formatdate", .string("DD q"), .string("2018-01-02T23:12:01Z")),
      .failure(
        .invalidArgument(
          index: 0, #"Invalid value for "format" parameter: invalid date format verb "q"."#)))
  }
}
