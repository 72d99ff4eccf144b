import Foundation
import XCTest

@testable import GitLabEmulator

final class EmulatorCommandLineTests: XCTestCase {
  private func configuration(_ arguments: String...) throws -> EmulatorConfiguration {
    switch EmulatorCommandLine.parse(arguments) {
    case .run(let configuration): return configuration
    case let other:
      XCTFail("expected a configuration, got \(other)")
      throw CancellationError()
    }
  }

  private func failure(_ arguments: String...) -> String? {
    if case .failure(let message) = EmulatorCommandLine.parse(arguments) { return message }
    return nil
  }

  func testNoArgumentsGiveTheDefaults() throws {
    XCTAssertEqual(try configuration(), EmulatorConfiguration())
    let defaults = EmulatorConfiguration()
    XCTAssertEqual(defaults.host, "127.0.0.1")
    XCTAssertEqual(defaults.port, 0)
    XCTAssertEqual(defaults.rootToken, "glpat-emulator-root-token")
  }

  func testEveryFlagInEverySpelling() throws {
    let parsed = try configuration(
      "-host", "127.0.0.1", "--port=8080", "-root-token=glpat-abc", "--data", "/tmp/e.json",
      "-latency-ms", "25", "-fail-rate=0.25", "--fail-seed", "42", "-rate-limit", "600",
      "-now", "2026-01-31T12:00:00Z")
    var expected = EmulatorConfiguration()
    expected.port = 8080
    expected.rootToken = "glpat-abc"
    expected.dataFile = "/tmp/e.json"
    expected.latencyMilliseconds = 25
    expected.failRate = 0.25
    expected.failSeed = 42
    expected.rateLimitPerMinute = 600
    expected.now = Date(timeIntervalSince1970: 1_769_860_800)
    XCTAssertEqual(parsed, expected)
  }

  func testTheLastOccurrenceWins() throws {
    XCTAssertEqual(try configuration("-port", "1", "-port", "2").port, 2)
  }

  func testRateLimitZeroMeansUnlimited() throws {
    XCTAssertNil(try configuration("-rate-limit", "0").rateLimitPerMinute)
  }

  func testNowAcceptsOffsetsAndFractions() throws {
    XCTAssertEqual(
      try configuration("-now", "2026-01-31T14:00:00+02:00").now,
      Date(timeIntervalSince1970: 1_769_860_800))
    XCTAssertEqual(
      try configuration("-now", "2026-01-31t12:00:00.500z").now,
      Date(timeIntervalSince1970: 1_769_860_800.5))
  }

  func testHelpInAnySpelling() {
    for spelling in ["-help", "--help", "-h", "--h"] {
      XCTAssertEqual(EmulatorCommandLine.parse([spelling]), .help, spelling)
    }
    XCTAssertEqual(EmulatorCommandLine.parse(["-port", "1", "-help"]), .help)
    XCTAssertTrue(EmulatorCommandLine.usage.hasPrefix("Usage: gitlab-emulator [flags]\n"))
    for flag in ["-host", "-port", "-root-token", "-data", "-latency-ms", "-fail-rate",
      "-fail-seed", "-rate-limit", "-now", "-help"]
    {
      XCTAssertTrue(EmulatorCommandLine.usage.contains("\n  \(flag) "), flag)
    }
  }

  func testBadValuesSayWhichFlagAndWhy() {
    XCTAssertEqual(
      failure("-port", "http"),
      #"invalid value "http" for flag -port: must be a whole number from 0 to 65535"#)
    XCTAssertEqual(
      failure("-port=70000"),
      #"invalid value "70000" for flag -port: must be a whole number from 0 to 65535"#)
    XCTAssertEqual(
      failure("-host", "localhost"), #"invalid value "localhost" for flag -host: not an IP address"#)
    XCTAssertEqual(
      failure("-fail-rate", "1.5"),
      #"invalid value "1.5" for flag -fail-rate: must be a number from 0 to 1"#)
    XCTAssertEqual(
      failure("-fail-rate", "nan"),
      #"invalid value "nan" for flag -fail-rate: must be a number from 0 to 1"#)
    XCTAssertEqual(
      failure("-fail-seed", "-1"),
      #"invalid value "-1" for flag -fail-seed: must be a whole number from 0 to 2^64-1"#)
    XCTAssertEqual(
      failure("-latency-ms", "-5"),
      #"invalid value "-5" for flag -latency-ms: must be a whole number of milliseconds from 0 to 600000"#)
    XCTAssertEqual(
      failure("-rate-limit", "lots"),
      #"invalid value "lots" for flag -rate-limit: must be a whole number of requests per minute (0 for unlimited)"#)
    XCTAssertEqual(
      failure("-now", "2026-13-01T00:00:00Z"),
      #"invalid value "2026-13-01T00:00:00Z" for flag -now: must be an RFC 3339 time such as 2026-01-31T12:00:00Z"#)
    XCTAssertEqual(
      failure("-now", "2026-01-31"),
      #"invalid value "2026-01-31" for flag -now: must be an RFC 3339 time such as 2026-01-31T12:00:00Z"#)
    XCTAssertEqual(
      failure("-root-token="),
      #"invalid value "" for flag -root-token: must be non-empty and without spaces"#)
    XCTAssertEqual(failure("-data="), #"invalid value "" for flag -data: must be a file path"#)
  }

  func testUnknownFlagsMissingValuesAndStrayArguments() {
    XCTAssertEqual(failure("-verbose"), "flag provided but not defined: -verbose")
    XCTAssertEqual(failure("---port", "1"), "flag provided but not defined: --port")
    XCTAssertEqual(failure("-port"), "flag needs an argument: -port")
    XCTAssertEqual(failure("-help=yes"), "flag -help takes no value")
    XCTAssertEqual(
      failure("serve"), #"unexpected argument "serve"; gitlab-emulator takes only flags"#)
    XCTAssertEqual(
      failure("--"), #"unexpected argument "--"; gitlab-emulator takes only flags"#)
  }

  func testANonLoopbackHostNeedsItsOwnRootToken() throws {
    let expected = "refusing to listen on 0.0.0.0 with the well-known default root token: anyone "
      + "who can reach that address would be an administrator; pass -root-token with a secret "
      + "value (or bind 127.0.0.1)"
    XCTAssertEqual(failure("-host", "0.0.0.0"), expected)
    XCTAssertEqual(failure("-host", "0.0.0.0", "-root-token", "glpat-emulator-root-token"), expected)
    XCTAssertNotNil(failure("-host", "::"))
    XCTAssertNotNil(failure("-host", "192.168.1.10"))
    XCTAssertEqual(try configuration("-host", "0.0.0.0", "-root-token", "s3cret-tok").host, "0.0.0.0")
    for loopback in ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"] {
      XCTAssertEqual(try configuration("-host", loopback).host, loopback)
    }
  }
}
