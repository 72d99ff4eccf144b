import Foundation
import XCTest

@testable import GitLabEmulator

/// The server over real loopback sockets: framing, persistence, pipelining and shutdown.
final class HTTPServerTests: XCTestCase {
  private var server: HTTPServer!
  private let handler = EchoHandler()

  override func setUpWithError() throws {
    server = try HTTPServer(host: "127.0.0.1", port: 0, handler: handler)
  }

  override func tearDown() {
    server.stop()
  }

  private func connect() throws -> RawConnection { try RawConnection(port: server.port) }

  func testBindsAnEphemeralPortOnLoopback() {
    XCTAssertGreaterThan(server.port, 0)
    XCTAssertEqual(server.host, "127.0.0.1")
  }

  func testKeepsTheConnectionOpenForASecondRequest() throws {
    let connection = try connect()
    connection.send("GET /first?a=1 HTTP/1.1\r\nHost: x\r\n\r\n")
    let first = try connection.readResponse()
    connection.send("GET /second HTTP/1.1\r\nHost: x\r\n\r\n")
    let second = try connection.readResponse()

    XCTAssertEqual(first.statusLine, "HTTP/1.1 200 OK")
    XCTAssertEqual(first.bodyText, "GET /first a=1 ")
    XCTAssertEqual(first.header("Connection"), "keep-alive")
    XCTAssertEqual(first.header("Content-Length"), "15")
    XCTAssertEqual(first.header("Content-Type"), "text/plain")
    XCTAssertEqual(first.headers.filter { $0.name == "Content-Length" }.count, 1)
    XCTAssertEqual(second.bodyText, "GET /second - ")
  }

  func testWritesAnRFC7231Date() throws {
    let connection = try connect()
    connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    let date = try XCTUnwrap(try connection.readResponse().header("Date"))
    let parser = DateFormatter()
    parser.locale = Locale(identifier: "en_US_POSIX")
    parser.timeZone = TimeZone(identifier: "GMT")
    parser.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    let parsed = try XCTUnwrap(parser.date(from: date), date)
    XCTAssertLessThan(abs(parsed.timeIntervalSinceNow), 5)
  }

  func testReadsAContentLengthBody() throws {
    let connection = try connect()
    connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world")
    XCTAssertEqual(try connection.readResponse().bodyText, "POST /echo - hello world")
  }

  func testDecodesAChunkedBodyWithExtensionsAndTrailers() throws {
    let connection = try connect()
    connection.send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5;name=value\r\nhello\r\n1\r\n \r\nA\r\nchunked!!!\r\n0\r\nX-Trailer: yes\r\n\r\n")
    XCTAssertEqual(try connection.readResponse().bodyText, "POST /echo - hello chunked!!!")
    connection.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /after - ")
  }

  func testDecodesABodyOfManySmallChunks() throws {
    let connection = try connect()
    connection.send(
      "POST /many HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + String(repeating: "1\r\nz\r\n", count: 20_000) + "0\r\n\r\n")
    let response = try connection.readResponse()
    XCTAssertEqual(response.bodyText, "POST /many - " + String(repeating: "z", count: 20_000))
  }

  func testSendsContinueBeforeReadingTheBody() throws {
    let connection = try connect()
    connection.send(
      "PUT /upload HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
    let interim = try connection.readResponse(bodyless: true)
    XCTAssertEqual(interim.statusLine, "HTTP/1.1 100 Continue")
    XCTAssertTrue(interim.headers.isEmpty)
    connection.send("data")
    let final = try connection.readResponse()
    XCTAssertEqual(final.status, 200)
    XCTAssertEqual(final.bodyText, "PUT /upload - data")
  }

  func testAnswersPipelinedRequestsInOrder() throws {
    let connection = try connect()
    connection.send(
      "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
        + "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /1 - ")
    XCTAssertEqual(try connection.readResponse().bodyText, "POST /2 - abc")
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /3 - ")
  }

  func testHeadGetsTheHeadersButNoBody() throws {
    let connection = try connect()
    connection.send("HEAD /thing HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
    let head = try connection.readResponse(bodyless: true)
    XCTAssertEqual(head.status, 200)
    XCTAssertEqual(head.header("Content-Length"), "14")  // "HEAD /thing - "
    // Had the server sent a body, it would be read here as the next status line.
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /next - ")
  }

  func testNoContentHasNeitherLengthNorBody() throws {
    let connection = try connect()
    connection.send("DELETE /no-content HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
    let response = try connection.readResponse()
    XCTAssertEqual(response.statusLine, "HTTP/1.1 204 No Content")
    XCTAssertNil(response.header("Content-Length"))
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /next - ")
  }

  func testConnectionCloseIsHonoured() throws {
    let connection = try connect()
    connection.send("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    let response = try connection.readResponse()
    XCTAssertEqual(response.header("Connection"), "close")
    XCTAssertEqual(response.bodyText, "GET /bye - ")
    XCTAssertTrue(connection.isClosedByServer())
  }

  func testHandlerCanAskToClose() throws {
    let connection = try connect()
    connection.send("GET /handler-close HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertEqual(try connection.readResponse().header("Connection"), "close")
    XCTAssertTrue(connection.isClosedByServer())
  }

  func testHTTP10ClosesUnlessKeepAliveIsAsked() throws {
    let plain = try connect()
    plain.send("GET /old HTTP/1.0\r\n\r\n")
    XCTAssertEqual(try plain.readResponse().header("Connection"), "close")
    XCTAssertTrue(plain.isClosedByServer())

    let persistent = try connect()
    persistent.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    XCTAssertEqual(try persistent.readResponse().header("Connection"), "keep-alive")
    persistent.send("GET /again HTTP/1.0\r\n\r\n")
    XCTAssertEqual(try persistent.readResponse().bodyText, "GET /again - ")
  }

  func testDropConnectionClosesWithoutWritingAnything() throws {
    let connection = try connect()
    connection.send("POST /drop HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
    XCTAssertEqual(connection.readToEnd(), [])
    let next = try connect()
    XCTAssertEqual(
      try next.readResponseTo("GET /alive HTTP/1.1\r\nHost: x\r\n\r\n").bodyText, "GET /alive - ")
  }

  func testKeepsTheRawPathAndQuery() throws {
    let connection = try connect()
    connection.send("GET /api/v4/projects/group%2Fproject%2Ename?filter%5Bx%5D=a&b= HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertEqual(
      try connection.readResponse().bodyText,
      "GET /api/v4/projects/group%2Fproject%2Ename filter%5Bx%5D=a&b= ")
  }

  func testAcceptsAnAbsoluteFormTarget() throws {
    let connection = try connect()
    connection.send("GET http://127.0.0.1:1/api/v4/user?x=1 HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /api/v4/user x=1 ")
  }

  func testIgnoresEmptyLinesBeforeARequest() throws {
    let connection = try connect()
    connection.send("\r\n\r\nGET /late HTTP/1.1\r\nHost: x\r\n\r\n")
    XCTAssertEqual(try connection.readResponse().bodyText, "GET /late - ")
  }
}

extension RawConnection {
  /// Sends a request and reads its response.
  func readResponseTo(_ request: String) throws -> RawResponse {
    send(request)
    return try readResponse()
  }
}
