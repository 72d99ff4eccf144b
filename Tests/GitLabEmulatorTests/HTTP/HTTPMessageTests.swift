import XCTest
@testable import GitLabEmulator

final class HTTPMessageTests: XCTestCase {
  func testHeaderLookupIgnoresCase() {
    let request = HTTPRequest(
      method: "GET", path: "/api/v4/user", query: nil,
      headers: [(name: "Private-Token", value: "abc")], body: Data())
    XCTAssertEqual(request.header("PRIVATE-TOKEN"), "abc")
    XCTAssertNil(request.header("Authorization"))
  }
}
