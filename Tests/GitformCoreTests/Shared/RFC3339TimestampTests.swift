import Foundation
import XCTest

@testable import GitformCore

/// The engine's one timestamp parser in both dialects, and the three ways a timestamp is
/// written back (Go's RFC3339, RFC3339Nano and `Time.String()`).
final class RFC3339TimestampTests: XCTestCase {
  private func reason(_ text: String, _ dialect: RFC3339Parser.Dialect = .rfc3339) -> String? {
    if case .failure(let failure) = RFC3339Parser.parse(text, dialect) { return failure.reason }
    return nil
  }

  func testGoLayoutWithFractionAndOffsets() throws {
    let t = try XCTUnwrap(RFC3339Timestamp.parse("2026-11-22T11:45:56.778059166+05:30"))
    XCTAssertEqual(t.seconds, 1_795_347_956 - 19_800)
    XCTAssertEqual(t.nanoseconds, 778_059_166)
    XCTAssertEqual(t.offset, 19_800)
    XCTAssertEqual(t.formatted, "2026-11-22T11:45:56+05:30")
    XCTAssertEqual(RFC3339Timestamp.parse("1970-01-01t00:00:00z")?.seconds, 0)
    XCTAssertEqual(RFC3339Timestamp.parse("2024-02-29T23:59:59.1234567891-00:01")?.nanoseconds, 123_456_789)
  }

  /// What Terraform's functions must keep refusing, worded as Go words it.
  func testTheRFC3339DialectRefusesGitLabsExtraForms() {
    XCTAssertEqual(reason("2026-06-01 12:00:00Z"), "missing required time introducer 'T'")
    XCTAssertEqual(reason("2026-06-01T12:00:00+0130"), #"cannot use "+0130" as UTC offset"#)
    XCTAssertEqual(reason("2026-06-01T12:00:60Z"), "second must be between 0 and 59 inclusive")
    XCTAssertEqual(reason("2026-02-30T00:00:00Z"), "day out of range")
    XCTAssertEqual(reason("2026-06-01T12:00:00"), "end of string before UTC offset")
    XCTAssertEqual(reason("2026-06-01T12:00:00Z\u{7F}"), #"extra text: "\u007f""#)
  }

  /// GitLab's timestamps and those of the proxies in front of it; the cases of
  /// `GitLabJSON.parseTimestamp` from before it used this parser.
  func testTheGitLabDialect() throws {
    func date(_ text: String) -> Date? { RFC3339Timestamp.parse(text, .gitLab)?.date }
    XCTAssertEqual(date("1970-01-01T00:00:00Z"), Date(timeIntervalSince1970: 0))
    XCTAssertEqual(date("1970-01-01T01:00:00+01:00"), Date(timeIntervalSince1970: 0))
    XCTAssertEqual(date("1970-01-01T00:00:00-0130"), Date(timeIntervalSince1970: 5400))
    XCTAssertEqual(date("2026-06-01 12:00:00.25Z"), Date(timeIntervalSince1970: 1_780_315_200.25))
    XCTAssertEqual(
      try XCTUnwrap(date("2020-10-14T11:58:53.526Z")).timeIntervalSince1970, 1_602_676_733.526, accuracy: 1e-6)
    XCTAssertEqual(date("2016-12-31T23:59:60Z"), Date(timeIntervalSince1970: 1_483_228_800))
    for bad in [
      "", "2026-06-01", "2026-06-01T12:00:00", "2026-06-01T25:00:00Z", "2026-06-01T12:00:00.Z",
      "2026-06-01T12:00:00Zjunk", "2026-06-01T12:00:00+1", "2026-02-30T00:00:00Z",
      "2026-06-01T12:00:61Z", "2026-06-01T12:00:00+013", "2026-06-01_12:00:00Z",
    ] {
      XCTAssertNil(date(bad), bad)
      XCTAssertNil(GitLabJSON.parseTimestamp(bad), bad)
    }
    XCTAssertEqual(GitLabJSON.parseTimestamp("2026-06-01 12:00:00.25Z"), Date(timeIntervalSince1970: 1_780_315_200.25))
  }

  /// go-cty-yaml's layouts (yamldecode's own cases, checked with terraform console, are in
  /// YAMLCorpusTests).
  func testTheYAMLDialect() {
    func yaml(_ text: String) -> String? { RFC3339Timestamp.parse(text, .yaml)?.formatted }
    XCTAssertEqual(yaml("2024-1-2"), "2024-01-02T00:00:00Z")
    XCTAssertEqual(yaml("2024-1-23t3:4:5.9+00:00"), "2024-01-23T03:04:05Z")
    XCTAssertEqual(yaml("2024-01-02 3:04:05"), "2024-01-02T03:04:05Z")
    XCTAssertEqual(yaml("0000-02-29T00:00:00-01:30"), "0000-02-29T00:00:00-01:30")
    for bad in [
      "2024-02-30", "2024-1-2 03:04:05Z", "2024-01-02T03:04:05", "2024-01-02T03:04:05z", "24-01-02",
      "2024-001-02", "2024-01-02T03:04:05+0100", "2024-01-02T", "2024-01-02x",
    ] {
      XCTAssertNil(yaml(bad), bad)
    }
    XCTAssertEqual(RFC3339Timestamp.parse("2024-1-2T00:00:00Z")?.formatted, nil)
  }

  func testRFC3339NanoAsTerraformWritesALocksCreated() {
    func nano(_ seconds: Int, _ nanoseconds: Int, offset: Int = 0) -> String {
      RFC3339Timestamp(seconds: seconds, nanoseconds: nanoseconds, offset: offset).formattedNano
    }
    XCTAssertEqual(nano(1_795_347_956, 778_059_166), "2026-11-22T11:45:56.778059166Z")
    XCTAssertEqual(nano(1_795_347_956, 500_000_000), "2026-11-22T11:45:56.5Z")
    XCTAssertEqual(nano(1_795_347_956, 1), "2026-11-22T11:45:56.000000001Z")
    XCTAssertEqual(nano(0, 0), "1970-01-01T00:00:00Z")
    XCTAssertEqual(nano(-1, 0), "1969-12-31T23:59:59Z")
    XCTAssertEqual(nano(0, 120_000_000, offset: -5_400), "1969-12-31T22:30:00.12-01:30")
  }

  /// Go's `Time.String()`, which Terraform's lock messages show `Created` in: fraction without
  /// trailing zeros, `+0000 UTC`, a zone without a name by its offset twice.
  func testGoDescriptionAndTheLockDisplay() {
    func shown(_ created: String) -> String {
      LockInfo(id: "x", operation: "o", who: "w", version: "v", created: created, path: "p").createdForDisplay
    }
    XCTAssertEqual(shown("2026-11-22T11:45:56.778059166Z"), "2026-11-22 11:45:56.778059166 +0000 UTC")
    XCTAssertEqual(shown("2026-06-01T12:00:00.000Z"), "2026-06-01 12:00:00 +0000 UTC")
    XCTAssertEqual(shown("2026-06-01T12:00:00Z"), "2026-06-01 12:00:00 +0000 UTC")
    XCTAssertEqual(shown("2026-06-01T14:00:00.5+02:00"), "2026-06-01 14:00:00.5 +0200 +0200")
    XCTAssertEqual(shown("yesterday"), "yesterday")
    XCTAssertEqual(shown(""), "")
  }
}
