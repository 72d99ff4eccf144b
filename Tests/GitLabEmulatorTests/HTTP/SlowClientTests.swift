import Foundation
import XCTest

@testable import GitLabEmulator

/// Slow-loris clients: connections that open and trickle a request head without ever
/// finishing it must neither stall other clients nor hold a connection past the head
/// deadline.
final class SlowClientTests: XCTestCase {
  private let handler = EchoHandler()

  func testAHeadTrickledInSlowerThanTheDeadlineIsCut() throws {
    var limits = HTTPServer.Limits()
    limits.headerTimeout = 0.5
    limits.idleTimeout = 5
    let server = try HTTPServer(host: "127.0.0.1", port: 0, handler: handler, limits: limits)
    defer { server.stop() }
    let slow = try RawConnection(port: server.port)
    let start = Date()
    slow.send("GET /slow HTTP/1.1\r\n")
    // One header byte every 100 ms: never idle for the idle timeout, yet never finished.
    var closedAfter: TimeInterval?
    for _ in 0..<30 {
      slow.send("X")
      if slow.receivesData(within: 0.1) {
        closedAfter = Date().timeIntervalSince(start)
        break
      }
    }
    XCTAssertTrue(slow.isClosedByServer())
    let elapsed = try XCTUnwrap(closedAfter, "the server never closed the trickling connection")
    XCTAssertGreaterThanOrEqual(elapsed, 0.45)
    XCTAssertLessThan(elapsed, 1.5)
  }

  func testAKeptAliveConnectionMayWaitTheIdleTimeoutBetweenRequests() throws {
    var limits = HTTPServer.Limits()
    limits.headerTimeout = 0.3
    limits.idleTimeout = 5
    let server = try HTTPServer(host: "127.0.0.1", port: 0, handler: handler, limits: limits)
    defer { server.stop() }
    let connection = try RawConnection(port: server.port)
    XCTAssertEqual(try connection.readResponseTo("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").status, 200)
    Thread.sleep(forTimeInterval: 0.6)  // longer than the head deadline, shorter than idle
    XCTAssertEqual(try connection.readResponseTo("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").bodyText, "GET /b - ")
  }

  /// 1,030 half-sent heads against the default cap of 1,024, scaled down to 70 against 64 so
  /// the test stays cheap: every other client is still answered at once.
  func testHalfSentHeadsBeyondTheCapDoNotStallOtherClients() throws {
    var limits = HTTPServer.Limits()
    limits.maxConnections = 64
    let server = try HTTPServer(host: "127.0.0.1", port: 0, handler: handler, limits: limits)
    defer { server.stop() }
    var slow: [RawConnection] = []
    for index in 0..<70 {
      let connection = try RawConnection(port: server.port)
      connection.send("GET /loris-\(index) HTTP/1.1\r\nHost: x\r\nX-A: ")
      slow.append(connection)
    }
    var worst: TimeInterval = 0
    for index in 0..<10 {
      let start = Date()
      let client = try RawConnection(port: server.port)
      XCTAssertEqual(
        try client.readResponseTo("GET /ok-\(index) HTTP/1.1\r\nHost: x\r\n\r\n").bodyText,
        "GET /ok-\(index) - ")
      worst = max(worst, Date().timeIntervalSince(start))
    }
    XCTAssertLessThan(worst, 1, "a well-behaved client waited \(worst) s")
    XCTAssertLessThanOrEqual(server.openConnections, 64)
    XCTAssertTrue(slow[0].isClosedByServer(), "the oldest half-sent head was shed first")
    withExtendedLifetime(slow) {}
  }
}
