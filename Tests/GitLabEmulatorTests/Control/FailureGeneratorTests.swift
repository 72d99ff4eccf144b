import XCTest

@testable import GitLabEmulator

/// `-fail-rate`/`-fail-seed`: the same seed fails the same requests, with 500/502/503 only.
final class FailureGeneratorTests: XCTestCase {
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
