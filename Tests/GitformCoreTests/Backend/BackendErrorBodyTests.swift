import Foundation
import XCTest

@testable import GitformCore

/// A state server's error body, read with the core's JSON parser.
final class BackendErrorBodyTests: XCTestCase {
  private func body(_ text: String) -> BackendErrorBody { BackendErrorBody(Data(text.utf8)) }

  func testTheShapesStateServersAnswerWith() {
    XCTAssertEqual(body(#"{"message":"403 Forbidden - no"}"#).message, "403 Forbidden - no")
    let oauth = body(#"{"error":"insufficient_scope","error_description":"needs api","scope":"api"}"#)
    XCTAssertEqual(oauth.message, "insufficient_scope: needs api")
    XCTAssertEqual(oauth.oauthError, "insufficient_scope")
    XCTAssertEqual(oauth.scope, "api")
    let grape = body(#"{"error":"ID is missing"}"#)
    XCTAssertEqual(grape.message, "ID is missing")
    XCTAssertNil(grape.oauthError)
    XCTAssertEqual(body(#"{"message":{"lock":["is held"]}}"#).message, #"{"lock":["is held"]}"#)
    XCTAssertNil(body(#"{"message":null}"#).message)
    XCTAssertEqual(body("1").message, "1")
    XCTAssertEqual(body("Service Unavailable\r\nretry").message, "Service Unavailable retry")
    XCTAssertNil(body("<!DOCTYPE html><p>502</p>").message)
    XCTAssertEqual(body(#"{"message":"x"}"#).quoted, #" The server said: "x"."#)
  }
}
