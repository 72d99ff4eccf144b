import XCTest

@testable import GitLabEmulator

/// Beyond Kaminari's count limit the totals and `rel="last"` are left out.
final class PaginationCountLimitTests: XCTestCase {
  func testHugeListsOmitTotals() throws {
    let route = Route("GET", "/api/v4/things") { _, _ in .noContent }
    let http = HTTPRequest(
      method: "GET", path: "/api/v4/things", query: "page=2",
      headers: [(name: "Host", value: "gitlab.test:8080")], body: Data())
    let request = APIRequest(
      http: http, route: route, pathParameters: [:],
      params: try Parameters(query: "page=2", body: Data(), contentType: nil, includeBody: false),
      now: Date())
    let reply = try Pagination.reply(Array(1...10_001), request) { .int($0) }
    let headers = Dictionary(reply.headers.map { ($0.name, $0.value) }) { first, _ in first }
    XCTAssertNil(headers["X-Total"])
    XCTAssertNil(headers["X-Total-Pages"])
    XCTAssertEqual(headers["X-Next-Page"], "3")
    XCTAssertEqual(headers["Link"],
      "<http://gitlab.test:8080/api/v4/things?page=1&per_page=20>; rel=\"prev\", "
        + "<http://gitlab.test:8080/api/v4/things?page=3&per_page=20>; rel=\"next\", "
        + "<http://gitlab.test:8080/api/v4/things?page=1&per_page=20>; rel=\"first\"")
  }
}
