import XCTest

@testable import GitLabEmulator

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
