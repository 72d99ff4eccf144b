import XCTest

@testable import GitformCore

final class GitLabClientPaginationTests: XCTestCase {
  private func page(_ ids: ClosedRange<Int>, next: String?, link: String? = nil)
    -> FakeTransport.Step
  {
    var headers: [String: String] = [:]
    if let next { headers["X-Next-Page"] = next }
    if let link { headers["Link"] = link }
    return FakeTransport.json(
      200, "[" + ids.map { tokenJSON(id: $0) }.joined(separator: ",") + "]", headers: headers)
  }

  func testFollowsXNextPageWithAHundredPerPageUntilItIsEmpty() throws {
    let transport = FakeTransport([
      page(1...100, next: "2"), page(101...200, next: "3"), page(201...250, next: ""),
    ])
    let tokens = try makeClient(transport).personalAccessTokens(userID: 2)
    XCTAssertEqual(tokens.map(\.id), Array(1...250))
    XCTAssertEqual(
      transport.requests.map(\.url.absoluteString),
      (1...3).map {
        "https://gitlab.example.com/api/v4/personal_access_tokens?user_id=2&per_page=100&page=\($0)"
      })
  }

  func testFallsBackToTheLinkHeaderAndTakesOnlyItsPageNumber() throws {
    let link =
      #"<https://other-host.example/api/v4/personal_access_tokens?page=1&per_page=100>; rel="prev", "#
      + #"<https://other-host.example/api/v4/personal_access_tokens?page=3&per_page=100>; rel="next", "#
      + #"<https://other-host.example/api/v4/personal_access_tokens?page=1&per_page=100>; rel="first""#
    let transport = FakeTransport([page(1...2, next: nil, link: link), page(3...3, next: nil)])
    let tokens = try makeClient(transport).personalAccessTokens()
    XCTAssertEqual(tokens.map(\.id), [1, 2, 3])
    XCTAssertEqual(
      transport.requests.map(\.url.absoluteString),
      [
        "https://gitlab.example.com/api/v4/personal_access_tokens?per_page=100&page=1",
        "https://gitlab.example.com/api/v4/personal_access_tokens?per_page=100&page=3",
      ])
  }

  func testLinkHeaderParsing() {
    XCTAssertEqual(GitLabClient.nextPage(inLinkHeader: #"<https://h/x?a=b&page=7>; rel="next""#), 7)
    XCTAssertNil(GitLabClient.nextPage(inLinkHeader: #"<https://h/x?page=7>; rel="last""#))
    XCTAssertNil(GitLabClient.nextPage(inLinkHeader: "garbage"))
    XCTAssertNil(GitLabClient.nextPage(inLinkHeader: ""))
  }

  func testAServerThatDoesNotAdvanceIsAnErrorNotALoop() throws {
    let transport = FakeTransport([page(1...1, next: "2"), page(2...2, next: "2")])
    let error = gitLabError { try makeClient(transport).resourceAccessTokens(of: .project(.id(1))) }
    XCTAssertEqual(error?.code, .malformedResponse)
    XCTAssertEqual(
      error?.message,
      "GitLab's answer to GET /projects/:id/access_tokens (HTTP 200) could not be read: its next "
        + "page (2) does not follow page 2. Check that base_url points at a GitLab API "
        + "(https://HOST or https://HOST/api/v4).")
    XCTAssertEqual(transport.requests.count, 2)
  }

  func testAnEmptyPageEndsTheListEvenIfMoreAreAnnounced() throws {
    let transport = FakeTransport([FakeTransport.json(200, "[]", headers: ["X-Next-Page": "2"])])
    XCTAssertEqual(try makeClient(transport).projectVariables(project: .id(1)), [])
  }

  func testANonNumericNextPageIsMalformed() throws {
    let transport = FakeTransport([page(1...1, next: "two")])
    let error = gitLabError { try makeClient(transport).impersonationTokens(userID: 1) }
    XCTAssertEqual(error?.code, .malformedResponse)
    XCTAssertTrue(error?.message.contains("its X-Next-Page header is not a page number") ?? false)
  }
}
