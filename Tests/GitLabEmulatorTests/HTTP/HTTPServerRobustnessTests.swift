import Foundation
import XCTest

@testable import GitLabEmulator

/// Garbage, slow clients, many clients and shutdown: the server must answer or close, never
/// hang, and keep serving everyone else.
final class HTTPServerRobustnessTests: XCTestCase {
  private let handler = EchoHandler()

  private func makeServer(_ adjust: (inout HTTPServer.Limits) -> Void = { _ in }) throws
    -> HTTPServer
  {
    var limits = HTTPServer.Limits()
    adjust(&limits)
    return try HTTPServer(host: "127.0.0.1", port: 0, handler: handler, limits: limits)
  }

  /// Sends `request`, expects GitLab's 400 and a closed connection, then checks that a
  /// fresh connection is still served.
  private func assertBadRequest(
    _ request: String, on server: HTTPServer, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let connection = try RawConnection(port: server.port)
    connection.send(request)
    let response = try connection.readResponse()
    XCTAssertEqual(response.statusLine, "HTTP/1.1 400 Bad Request", file: file, line: line)
    XCTAssertEqual(response.bodyText, #"{"message":"400 Bad request"}"#, file: file, line: line)
    XCTAssertEqual(response.header("Content-Type"), "application/json", file: file, line: line)
    XCTAssertEqual(response.header("Connection"), "close", file: file, line: line)
    XCTAssertTrue(connection.isClosedByServer(), file: file, line: line)
    let next = try RawConnection(port: server.port)
    XCTAssertEqual(
      try next.readResponseTo("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n").bodyText, "GET /ok - ",
      file: file, line: line)
  }

  func testMalformedRequestsGet400AndTheServerKeepsServing() throws {
    let server = try makeServer { $0.maxBodyBytes = 1024 }
    defer { server.stop() }
    let cases = [
      "NOT-HTTP\r\n\r\n",
      "GET /x HTTP/2.0\r\nHost: x\r\n\r\n",
      "GET x HTTP/1.1\r\nHost: x\r\n\r\n",
      "G(T /x HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /x HTTP/1.1\r\nHost : x\r\n\r\n",
      "GET /x HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n",
      "GET /x HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n",
      "GET /x HTTP/1.1\r\n\r\n",  // HTTP/1.1 without Host
      "GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1025\r\n\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n401\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n",
      "POST /x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;"
        + String(repeating: "e", count: 5000) + "\r\n",
    ]
    for request in cases {
      try assertBadRequest(request, on: server)
    }
  }

  func testHeadersOver64KiBGet400() throws {
    let server = try makeServer()
    defer { server.stop() }
    let filler = String(repeating: "a", count: 1000)
    let headers = (0..<70).map { "X-Filler-\($0): \(filler)\r\n" }.joined()
    try assertBadRequest("GET /x HTTP/1.1\r\nHost: x\r\n\(headers)\r\n", on: server)
  }

  func testAnIdleConnectionIsClosed() throws {
    let server = try makeServer { $0.idleTimeout = 0.2 }
    defer { server.stop() }
    let connection = try RawConnection(port: server.port)
    let start = Date()
    XCTAssertEqual(connection.readToEnd(), [])
    XCTAssertLessThan(Date().timeIntervalSince(start), 3)
  }

  func testAPartialRequestDoesNotBlockOthers() throws {
    let server = try makeServer()
    defer { server.stop() }
    let stalled = try RawConnection(port: server.port)
    stalled.send("POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part")
    let other = try RawConnection(port: server.port)
    XCTAssertEqual(
      try other.readResponseTo("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n").bodyText, "GET /fast - ")
    stalled.send(String(repeating: "!", count: 91))
    XCTAssertEqual(
      try stalled.readResponse().bodyText, "POST /slow - only part" + String(repeating: "!", count: 91))
  }

  func testServesTwoHundredConnectionsAtOnce() throws {
    let server = try makeServer()
    defer { server.stop() }
    handler.gatherCount = 200
    let connections = try (0..<200).map { _ in try RawConnection(port: server.port) }
    for connection in connections { connection.send("GET /gather HTTP/1.1\r\nHost: x\r\n\r\n") }
    for connection in connections {
      let response = try connection.readResponse()
      XCTAssertEqual(response.status, 200)
      XCTAssertEqual(response.bodyText, "true")
    }
    XCTAssertEqual(server.openConnections, 200)
  }

  func testWaitsForAFreeSlotWhileEveryConnectionIsBeingServed() throws {
    let server = try makeServer { $0.maxConnections = 2 }
    defer { server.stop() }
    let first = try RawConnection(port: server.port)
    let second = try RawConnection(port: server.port)
    for connection in [first, second] { connection.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n") }
    Thread.sleep(forTimeInterval: 0.1)
    let third = try RawConnection(port: server.port)  // the kernel's backlog takes it
    third.send("GET /third HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertFalse(third.receivesData(within: 0.3), "a connection being served is never shed")
    XCTAssertEqual(try first.readResponse().bodyText, "held")
    XCTAssertEqual(try second.readResponse().bodyText, "held")
    XCTAssertEqual(try third.readResponse().bodyText, "GET /third - ")
    XCTAssertLessThanOrEqual(server.openConnections, 2)
  }

  func testAtTheCapTheLongestIdleConnectionIsShed() throws {
    let server = try makeServer { $0.maxConnections = 2 }
    defer { server.stop() }
    let first = try RawConnection(port: server.port)
    XCTAssertEqual(try first.readResponseTo("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200)
    Thread.sleep(forTimeInterval: 0.05)
    let second = try RawConnection(port: server.port)
    XCTAssertEqual(try second.readResponseTo("GET /2 HTTP/1.1\r\nHost: x\r\n\r\n").status, 200)
    let third = try RawConnection(port: server.port)
    XCTAssertEqual(try third.readResponseTo("GET /3 HTTP/1.1\r\nHost: x\r\n\r\n").bodyText, "GET /3 - ")
    XCTAssertTrue(first.isClosedByServer(), "the longest-idle connection made room")
    XCTAssertEqual(try second.readResponseTo("GET /2b HTTP/1.1\r\nHost: x\r\n\r\n").bodyText, "GET /2b - ")
  }

  func testStopClosesConnectionsAndTheListenerPromptly() throws {
    let server = try makeServer()
    let idle = try RawConnection(port: server.port)
    XCTAssertEqual(
      try idle.readResponseTo("GET /x HTTP/1.1\r\nHost: x\r\n\r\n").status, 200)
    let start = Date()
    server.stop()
    XCTAssertLessThan(Date().timeIntervalSince(start), 1)
    XCTAssertEqual(server.openConnections, 0)
    XCTAssertTrue(idle.isClosedByServer())
    XCTAssertThrowsError(try RawConnection(port: server.port))
    server.stop()  // a second stop does nothing
  }

  func testRefusesAHostThatIsNotAnAddress() {
    XCTAssertThrowsError(try HTTPServer(host: "example.invalid", port: 0, handler: handler)) {
      XCTAssertEqual("\($0)", "host example.invalid is not an IP address")
    }
  }

  func testReportsAPortInUse() throws {
    let server = try makeServer()
    defer { server.stop() }
    XCTAssertThrowsError(try HTTPServer(host: "127.0.0.1", port: server.port, handler: handler)) {
      XCTAssertEqual("\($0)", "bind 127.0.0.1:\(server.port): Address already in use")
    }
  }
}
