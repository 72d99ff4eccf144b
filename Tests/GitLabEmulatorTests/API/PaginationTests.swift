import XCTest

@testable import GitLabEmulator

/// Offset pagination headers and the absolute Link header (§0.6).
final class PaginationTests: APITestCase {
  override func setUpWithError() throws {
    try super.setUpWithError()
    for index in 1...44 { _ = createToken(for: 1, name: "t\(index)") }  // 45 tokens with root's
  }

  func testDefaultPageOfTwenty() {
    let response = send("GET", "/api/v4/personal_access_tokens")
    XCTAssertEqual(response.json?.arrayValue?.count, 20)
    XCTAssertEqual(response.header("X-Page"), "1")
    XCTAssertEqual(response.header("X-Per-Page"), "20")
    XCTAssertEqual(response.header("X-Next-Page"), "2")
    XCTAssertEqual(response.header("X-Prev-Page"), "")
    XCTAssertEqual(response.header("X-Total"), "45")
    XCTAssertEqual(response.header("X-Total-Pages"), "3")
    XCTAssertEqual(response.json?.arrayValue?.first?["id"], .int(1), "id ascending")
  }

  func testLinkHeaderIsAbsoluteAndKeepsTheQuery() {
    let response = send("GET", "/api/v4/personal_access_tokens?state=active&page=2&per_page=10")
    let base = "\(emulator.rootURL.absoluteString)/api/v4/personal_access_tokens?state=active"
    XCTAssertEqual(response.header("Link"), [
      "<\(base)&page=1&per_page=10>; rel=\"prev\"", "<\(base)&page=3&per_page=10>; rel=\"next\"",
      "<\(base)&page=1&per_page=10>; rel=\"first\"", "<\(base)&page=5&per_page=10>; rel=\"last\"",
    ].joined(separator: ", "))
    XCTAssertEqual(response.json?.arrayValue?.first?["id"], .int(11))
  }

  func testLastPageAndBeyond() {
    let last = send("GET", "/api/v4/personal_access_tokens?page=3")
    XCTAssertEqual(last.json?.arrayValue?.count, 5)
    XCTAssertEqual(last.header("X-Next-Page"), "")
    XCTAssertEqual(last.header("X-Prev-Page"), "2")
    XCTAssertEqual(send("GET", "/api/v4/personal_access_tokens?page=\(Int.max)").text, "[]")
    let beyond = send("GET", "/api/v4/personal_access_tokens?page=9")
    XCTAssertEqual(beyond.text, "[]")
    XCTAssertEqual(beyond.header("X-Total-Pages"), "3")
  }

  func testPerPageIsClampedToOneHundred() {
    let response = send("GET", "/api/v4/personal_access_tokens?per_page=500")
    XCTAssertEqual(response.header("X-Per-Page"), "100")
    XCTAssertEqual(response.json?.arrayValue?.count, 45)
    XCTAssertEqual(response.header("X-Total-Pages"), "1")
    expect(send("GET", "/api/v4/personal_access_tokens?page=x"), 400, #"{"error":"page is invalid"}"#)
  }

  func testEmptyListStillHasOnePage() {
    let response = send("GET", "/api/v4/users/1/impersonation_tokens")
    XCTAssertEqual(response.text, "[]")
    XCTAssertEqual(response.header("X-Total"), "0")
    XCTAssertEqual(response.header("X-Total-Pages"), "1")
  }
}
