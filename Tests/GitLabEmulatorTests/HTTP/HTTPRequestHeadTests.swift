import Foundation
import XCTest

@testable import GitLabEmulator

/// Request-head parsing and the response's wire form, without sockets.
final class HTTPRequestHeadTests: XCTestCase {
  private func head(_ requestLine: String, _ fields: String...) throws -> HTTPRequestHead {
    try HTTPRequestHead(requestLine: Array(requestLine.utf8), headerLines: fields.map { Array($0.utf8) })
  }

  func testParsesTheRequestLineAndFields() throws {
    let parsed = try head("POST /a%2Fb?x=1&y HTTP/1.1", "Host: h", "X-Spaces: \t value \t")
    XCTAssertEqual(parsed.method, "POST")
    XCTAssertEqual(parsed.minorVersion, 1)
    XCTAssertEqual(parsed.pathAndQuery.path, "/a%2Fb")
    XCTAssertEqual(parsed.pathAndQuery.query, "x=1&y")
    XCTAssertEqual(parsed.values(of: "x-spaces"), ["value"])
  }

  func testAnEmptyQueryIsKeptApartFromNoQuery() throws {
    XCTAssertEqual(try head("GET /p? HTTP/1.1", "Host: h").pathAndQuery.query, "")
    XCTAssertNil(try head("GET /p HTTP/1.1", "Host: h").pathAndQuery.query)
    XCTAssertEqual(try head("GET http://h:1 HTTP/1.1", "Host: h").pathAndQuery.path, "/")
  }

  func testDecidesPersistenceByVersionAndConnectionOptions() throws {
    XCTAssertTrue(try head("GET / HTTP/1.1", "Host: h").keepAlive)
    XCTAssertFalse(try head("GET / HTTP/1.1", "Host: h", "Connection: TE, Close").keepAlive)
    XCTAssertFalse(try head("GET / HTTP/1.0").keepAlive)
    XCTAssertTrue(try head("GET / HTTP/1.0", "Connection: Keep-Alive").keepAlive)
    XCTAssertTrue(try head("GET / HTTP/1.9", "Host: h").keepAlive)
  }

  func testExpectContinueOnlyFromHTTP11() throws {
    XCTAssertTrue(try head("PUT / HTTP/1.1", "Host: h", "Expect: 100-Continue").expectsContinue)
    XCTAssertFalse(try head("PUT / HTTP/1.0", "Expect: 100-continue").expectsContinue)
  }

  func testWorksOutTheBodyFraming() throws {
    XCTAssertEqual(try head("GET / HTTP/1.1", "Host: h").bodyFraming(maxBodyBytes: 10), .length(0))
    XCTAssertEqual(
      try head("PUT / HTTP/1.1", "Host: h", "Content-Length: 7").bodyFraming(maxBodyBytes: 10),
      .length(7))
    XCTAssertEqual(
      try head("PUT / HTTP/1.1", "Host: h", "Content-Length: 7, 7").bodyFraming(maxBodyBytes: 10),
      .length(7))
    XCTAssertEqual(
      try head("PUT / HTTP/1.1", "Host: h", "Transfer-Encoding: Chunked").bodyFraming(maxBodyBytes: 1),
      .chunked)
    XCTAssertThrowsError(
      try head("PUT / HTTP/1.1", "Host: h", "Content-Length: 11").bodyFraming(maxBodyBytes: 10))
    XCTAssertThrowsError(
      try head("PUT / HTTP/1.1", "Host: h", "Content-Length: +7").bodyFraming(maxBodyBytes: 10))
    XCTAssertThrowsError(
      try head("PUT / HTTP/1.1", "Host: h", "Transfer-Encoding: gzip, chunked")
        .bodyFraming(maxBodyBytes: 10))
  }

  func testRefusesControlBytesInValues() {
    XCTAssertThrowsError(try head("GET / HTTP/1.1", "Host: h", "X: a\u{0}b"))
    XCTAssertThrowsError(try head("GET / HTTP/1.1", "Host: h", ": empty name"))
  }

  func testFormatsTheDateAsIMFFixdate() {
    XCTAssertEqual(
      HTTPResponse.imfFixdate(Date(timeIntervalSince1970: 784_111_777)),
      "Sun, 06 Nov 1994 08:49:37 GMT")
  }

  func testWireFormReplacesServerOwnedHeaders() {
    let response = HTTPResponse(
      status: 201,
      headers: [(name: "X-A", value: "1\r\nInjected: yes"), (name: "connection", value: "x")],
      body: Data("{}".utf8))
    let text = String(
      decoding: response.wireBytes(
        includeBody: true, keepAlive: true, date: Date(timeIntervalSince1970: 0)),
      as: UTF8.self)
    XCTAssertEqual(
      text,
      "HTTP/1.1 201 Created\r\nX-A: 1Injected: yes\r\nContent-Length: 2\r\n"
        + "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\nConnection: keep-alive\r\n\r\n{}")
  }
}
