import XCTest

@testable import GitLabEmulator

/// `-rate-limit` over HTTP: 429 with Rack::Attack's headers, per token, per minute window.
final class RateLimitTests: APITestCase {
  override func makeConfiguration() -> EmulatorConfiguration {
    var configuration = super.makeConfiguration()
    configuration.rateLimitPerMinute = 3
    return configuration
  }

  func testFourthRequestInAMinuteIsThrottled() {
    let alice = createToken(for: 1).token  // root's first request this minute
    for _ in 1...2 { expect(send("GET", "/api/v4/user"), 200) }
    let limited = send("GET", "/api/v4/user")
    expect(limited, 429, "Retry later\n")
    XCTAssertEqual(limited.header("Content-Type"), "text/plain")
    XCTAssertEqual(limited.header("Retry-After"), "60")
    XCTAssertEqual(limited.header("RateLimit-Limit"), "3")
    XCTAssertEqual(limited.header("RateLimit-Remaining"), "0")
    XCTAssertEqual(limited.header("RateLimit-Observed"), "4")
    XCTAssertEqual(limited.header("RateLimit-Name"), "throttle_authenticated_api")
    XCTAssertEqual(limited.header("RateLimit-Reset"), "1795507260")  // 08:01:00Z
    XCTAssertEqual(limited.header("RateLimit-ResetTime"), "Tue, 24 Nov 2026 08:01:00 GMT")
    // Another token has its own budget; control routes are not limited.
    for _ in 1...3 { expect(send("GET", "/api/v4/user", token: alice), 200) }
    expect(send("GET", "/api/v4/user", token: alice), 429)
    expect(send("GET", "/-/emulator/stats"), 200)
    expect(send("POST", "/-/emulator/clock", json: #"{"advance_seconds":60}"#), 200)
    expect(send("GET", "/api/v4/user"), 200)  // a new window
  }
}

/// `-fail-rate`/`-fail-seed`: the same seed fails the same requests, with 500/502/503 only.
final class FailRateTests: XCTestCase {
  func testFailuresAreReproducibleFromTheSeed() throws {
    func statuses(seed: UInt64) throws -> [Int] {
      var configuration = EmulatorConfiguration()
      configuration.failRate = 0.3
      configuration.failSeed = seed
      let api = try GitLabAPI(configuration: configuration)
      return (0..<200).map { _ in
        api.handle(HTTPRequest(
          method: "GET", path: "/api/v4/user", query: nil,
          headers: [(name: "PRIVATE-TOKEN", value: "glpat-emulator-root-token")], body: Data())
        ).status
      }
    }
    let first = try statuses(seed: 42)
    XCTAssertEqual(first, try statuses(seed: 42))
    XCTAssertNotEqual(first, try statuses(seed: 43))
    XCTAssertEqual(Set(first), [200, 500, 502, 503])
    let failures = first.filter { $0 != 200 }.count
    XCTAssertTrue((30...90).contains(failures), "about 30% of 200: \(failures)")
  }
}

/// `-latency-ms` delays every API response but not the control routes.
final class LatencyTests: XCTestCase {
  func testApiRequestsAreDelayed() throws {
    var configuration = EmulatorConfiguration()
    configuration.latencyMilliseconds = 120
    let api = try GitLabAPI(configuration: configuration)
    func time(_ path: String) -> TimeInterval {
      let started = Date()
      _ = api.handle(HTTPRequest(
        method: "GET", path: path, query: nil,
        headers: [(name: "PRIVATE-TOKEN", value: configuration.rootToken)], body: Data()))
      return Date().timeIntervalSince(started)
    }
    XCTAssertGreaterThanOrEqual(time("/api/v4/user"), 0.12)
    XCTAssertLessThan(time("/-/emulator/clock"), 0.1)
  }
}
