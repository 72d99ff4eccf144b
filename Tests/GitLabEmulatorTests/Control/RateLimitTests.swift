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
