import Foundation
import XCTest

@testable import GitLabEmulator

final class RunningEmulatorTests: XCTestCase {
  func testServesOnAnEphemeralPortAndNamesItsURLs() throws {
    let emulator = try RunningEmulator(handler: EchoHandler())
    defer { emulator.stop() }
    XCTAssertGreaterThan(emulator.port, 0)
    XCTAssertEqual(emulator.rootURL.absoluteString, "http://127.0.0.1:\(emulator.port)")
    XCTAssertEqual(emulator.baseURL.absoluteString, "http://127.0.0.1:\(emulator.port)/api/v4")
    XCTAssertEqual(
      emulator.readyLine, "gitlab-emulator listening on http://127.0.0.1:\(emulator.port)")
    let connection = try RawConnection(port: emulator.port)
    XCTAssertEqual(
      try connection.readResponseTo("GET /api/v4/user HTTP/1.1\r\nHost: x\r\n\r\n").bodyText,
      "GET /api/v4/user - ")
  }

  func testStopReleasesThePort() throws {
    let emulator = try RunningEmulator(handler: EchoHandler())
    emulator.stop()
    var configuration = EmulatorConfiguration()
    configuration.port = emulator.port
    let again = try RunningEmulator(handler: EchoHandler(), configuration: configuration)
    XCTAssertEqual(again.port, emulator.port)
    again.stop()
  }

  func testReportsABadHost() {
    var configuration = EmulatorConfiguration()
    configuration.host = "not-an-address"
    XCTAssertThrowsError(try RunningEmulator(handler: EchoHandler(), configuration: configuration))
  }
}
