import XCTest

@testable import GitformCore

/// What the client puts on the wire for each endpoint: method, URL, headers, body.
final class GitLabClientRequestTests: XCTestCase {
  private func body(_ request: GitLabRequest?) -> String {
    request?.body.map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  func testEveryRequestCarriesTheTokenUserAgentAndAcceptHeader() throws {
    let transport = FakeTransport([
      FakeTransport.json(200, #"{"id":1,"username":"root","name":"Administrator","is_admin":true}"#)
    ])
    let user = try makeClient(transport).currentUser()
    XCTAssertEqual(
      user, GitLabUser(id: 1, username: "root", name: "Administrator", state: nil, isAdmin: true))
    let request = try XCTUnwrap(transport.requests.first)
    XCTAssertEqual(request.method, .get)
    XCTAssertEqual(request.url.absoluteString, "https://gitlab.example.com/api/v4/user")
    XCTAssertEqual(request.token?.reveal(), testToken)
    XCTAssertEqual(request.headers, ["Accept": "application/json", "User-Agent": "gitform/1.2.3"])
    XCTAssertNil(request.body)
  }

  func testProjectAndGroupPathsAreEncodedAsOneSegmentWithDotsEscaped() throws {
    let transport = FakeTransport([
      FakeTransport.json(
        200, #"{"id":7,"name":"My App","path":"my.app","path_with_namespace":"group/sub/my.app"}"#),
      FakeTransport.json(200, #"{"id":3,"name":"Sub","path":"sub","full_path":"group/sub"}"#),
      FakeTransport.json(
        200, #"{"id":7,"name":"My App","path":"my.app","path_with_namespace":"group/sub/my.app"}"#),
    ])
    let client = try makeClient(transport)
    XCTAssertEqual(
      try client.project(.path("group/sub/my.app")).pathWithNamespace, "group/sub/my.app")
    XCTAssertEqual(try client.group(GitLabReference("group/sub")).fullPath, "group/sub")
    XCTAssertEqual(try client.project(GitLabReference("7")).id, 7)
    XCTAssertEqual(
      transport.requests.map(\.url.absoluteString),
      [
        "https://gitlab.example.com/api/v4/projects/group%2Fsub%2Fmy%2Eapp",
        "https://gitlab.example.com/api/v4/groups/group%2Fsub",
        "https://gitlab.example.com/api/v4/projects/7",
      ])
    XCTAssertEqual(
      transport.requests.map(\.route), ["/projects/:id", "/groups/:id", "/projects/:id"])
  }

  func testUserLookupByUsernameUsesTheQueryAndReportsNoMatchAsNotFound() throws {
    let transport = FakeTransport([
      FakeTransport.json(200, #"[{"id":5,"username":"alice","name":"Alice","state":"active"}]"#),
      FakeTransport.json(200, "[]"),
    ])
    let client = try makeClient(transport)
    XCTAssertEqual(try client.user(username: "alice").id, 5)
    let error = gitLabError { try client.user(username: "nobody") }
    XCTAssertEqual(error?.code, .notFound)
    XCTAssertEqual(
      error?.message,
      "GitLab has no user with the username \"nobody\" (GET /users?username=). Check the "
        + "spelling, and that the token's user can see that user.")
    XCTAssertEqual(
      transport.requests.map(\.url.absoluteString),
      [
        "https://gitlab.example.com/api/v4/users?username=alice",
        "https://gitlab.example.com/api/v4/users?username=nobody",
      ])
  }

  func testPersonalAccessTokenEndpoints() throws {
    let created = tokenJSON(id: 10, extra: #","token":"glpat-created-secret""#)
    let transport = FakeTransport([
      FakeTransport.json(201, created),
      FakeTransport.json(200, tokenJSON(id: 10)),
      .respond(GitLabResponse(status: 204)),
      FakeTransport.json(200, tokenJSON(id: 11, extra: #","token":"glpat-rotated-secret""#)),
      FakeTransport.json(200, tokenJSON(id: 12)),
      FakeTransport.json(200, tokenJSON(id: 13, extra: #","token":"glpat-self-rotated""#)),
    ])
    let client = try makeClient(transport)
    let new = try client.createPersonalAccessToken(
      userID: 2,
      NewAccessToken(
        name: "ci", scopes: ["api", "read_api"], description: "for CI",
        expiresAt: CalendarDate("2026-12-31"), accessLevel: .owner))
    XCTAssertEqual(new.token.reveal(), "glpat-created-secret")
    XCTAssertEqual(new.record.id, 10)
    XCTAssertEqual(try client.personalAccessToken(id: 10).expiresAt, CalendarDate("2026-12-31"))
    try client.revokePersonalAccessToken(id: 10)
    let rotated = try client.rotatePersonalAccessToken(
      id: 10, expiresAt: CalendarDate("2027-01-31"))
    XCTAssertEqual(rotated.token.reveal(), "glpat-rotated-secret")
    let selfClient = client.authenticating(with: SecretValue("glpat-own"))
    XCTAssertEqual(try selfClient.currentPersonalAccessToken().id, 12)
    XCTAssertEqual(try selfClient.rotateCurrentPersonalAccessToken().record.id, 13)

    let requests = transport.requests
    XCTAssertEqual(
      requests.map { "\($0.method.rawValue) \($0.url.absoluteString)" },
      [
        "POST https://gitlab.example.com/api/v4/users/2/personal_access_tokens",
        "GET https://gitlab.example.com/api/v4/personal_access_tokens/10",
        "DELETE https://gitlab.example.com/api/v4/personal_access_tokens/10",
        "POST https://gitlab.example.com/api/v4/personal_access_tokens/10/rotate",
        "GET https://gitlab.example.com/api/v4/personal_access_tokens/self",
        "POST https://gitlab.example.com/api/v4/personal_access_tokens/self/rotate",
      ])
    XCTAssertEqual(
      body(requests[0]),
      #"{"description":"for CI","expires_at":"2026-12-31","name":"ci","scopes":["api","read_api"]}"#
    )
    XCTAssertEqual(requests[0].headers["Content-Type"], "application/json")
    XCTAssertEqual(body(requests[3]), #"{"expires_at":"2027-01-31"}"#)
    XCTAssertNil(requests[5].body)
    XCTAssertEqual(
      requests.map { $0.token?.reveal() ?? "" },
      [testToken, testToken, testToken, testToken, "glpat-own", "glpat-own"])
  }

  func testImpersonationTokenEndpoints() throws {
    let transport = FakeTransport([
      FakeTransport.json(
        201, tokenJSON(id: 20, extra: #","impersonation":true,"token":"glpat-imp""#)),
      FakeTransport.json(
        200, "[" + tokenJSON(id: 20, extra: #","impersonation":true"#) + "]",
        headers: ["X-Next-Page": ""]),
      FakeTransport.json(200, tokenJSON(id: 20, extra: #","impersonation":true"#)),
      .respond(GitLabResponse(status: 204)),
    ])
    let client = try makeClient(transport)
    let created = try client.createImpersonationToken(
      userID: 2,
      NewAccessToken(name: "imp", scopes: ["read_user"], expiresAt: CalendarDate("2026-06-01")))
    XCTAssertEqual(created.record.impersonation, true)
    XCTAssertEqual(try client.impersonationTokens(userID: 2).map(\.id), [20])
    XCTAssertEqual(try client.impersonationToken(userID: 2, id: 20).id, 20)
    try client.revokeImpersonationToken(userID: 2, id: 20)
    XCTAssertEqual(
      transport.requests.map { "\($0.method.rawValue) \($0.url.absoluteString)" },
      [
        "POST https://gitlab.example.com/api/v4/users/2/impersonation_tokens",
        "GET https://gitlab.example.com/api/v4/users/2/impersonation_tokens?state=all&per_page=100&page=1",
        "GET https://gitlab.example.com/api/v4/users/2/impersonation_tokens/20",
        "DELETE https://gitlab.example.com/api/v4/users/2/impersonation_tokens/20",
      ])
    XCTAssertEqual(
      body(transport.requests[0]),
      #"{"expires_at":"2026-06-01","name":"imp","scopes":["read_user"]}"#)
  }

  func testProjectAndGroupAccessTokenEndpoints() throws {
    let record = tokenJSON(id: 30, userID: 99, extra: #","access_level":30"#)
    let transport = FakeTransport([
      FakeTransport.json(
        201, tokenJSON(id: 30, userID: 99, extra: #","access_level":30,"token":"glpat-proj""#)),
      FakeTransport.json(200, "[" + record + "]"),
      FakeTransport.json(200, record),
      FakeTransport.json(
        200, tokenJSON(id: 31, userID: 99, extra: #","access_level":30,"token":"glpat-rot""#)),
      FakeTransport.json(
        200, tokenJSON(id: 32, userID: 99, extra: #","access_level":30,"token":"glpat-self""#)),
      .respond(GitLabResponse(status: 204)),
    ])
    let client = try makeClient(transport)
    let project = AccessTokenResource.project(.path("group/app"))
    let created = try client.createResourceAccessToken(
      of: project, NewAccessToken(name: "deploy", scopes: ["read_api"], accessLevel: .developer))
    XCTAssertEqual(created.record.accessLevel, 30)
    XCTAssertEqual(created.record.userID, 99)
    XCTAssertEqual(try client.resourceAccessTokens(of: .group(.id(4))).map(\.id), [30])
    XCTAssertEqual(try client.resourceAccessToken(of: project, id: 30).accessLevel, 30)
    XCTAssertEqual(try client.rotateResourceAccessToken(of: project, id: 30).record.id, 31)
    XCTAssertEqual(
      try client.authenticating(with: SecretValue("glpat-rot"))
        .rotateCurrentResourceAccessToken(of: project, expiresAt: CalendarDate("2027-02-03")).record
        .id, 32)
    try client.revokeResourceAccessToken(of: .group(.id(4)), id: 30)
    XCTAssertEqual(
      transport.requests.map { "\($0.method.rawValue) \($0.url.absoluteString)" },
      [
        "POST https://gitlab.example.com/api/v4/projects/group%2Fapp/access_tokens",
        "GET https://gitlab.example.com/api/v4/groups/4/access_tokens?per_page=100&page=1",
        "GET https://gitlab.example.com/api/v4/projects/group%2Fapp/access_tokens/30",
        "POST https://gitlab.example.com/api/v4/projects/group%2Fapp/access_tokens/30/rotate",
        "POST https://gitlab.example.com/api/v4/projects/group%2Fapp/access_tokens/self/rotate",
        "DELETE https://gitlab.example.com/api/v4/groups/4/access_tokens/30",
      ])
    XCTAssertEqual(
      body(transport.requests[0]), #"{"access_level":30,"name":"deploy","scopes":["read_api"]}"#)
    XCTAssertEqual(body(transport.requests[4]), #"{"expires_at":"2027-02-03"}"#)
    XCTAssertEqual(transport.requests[4].route, "/projects/:id/access_tokens/self/rotate")
  }

  func testProjectVariableEndpointsFilterByEnvironmentScope() throws {
    let variable =
      #"{"variable_type":"env_var","key":"TOKEN","value":"s3cr3t-value","hidden":false,"protected":true,"masked":true,"raw":false,"environment_scope":"production","description":null}"#
    let transport = FakeTransport([
      FakeTransport.json(201, variable),
      FakeTransport.json(200, variable),
      FakeTransport.json(200, variable),
      .respond(GitLabResponse(status: 204)),
      FakeTransport.json(200, "[" + variable + "]"),
      FakeTransport.json(201, #"{"key":"HIDDEN","value":null,"hidden":true,"masked":true}"#),
    ])
    let client = try makeClient(transport)
    let project = GitLabReference.id(7)
    let created = try client.createProjectVariable(
      project: project, key: "TOKEN",
      VariableSettings(
        value: SecretValue("s3cr3t-value"), protected: true, masked: true,
        environmentScope: "production"))
    XCTAssertEqual(
      created,
      GitLabVariable(
        key: "TOKEN", value: SecretValue("s3cr3t-value"), protected: true, masked: true,
        environmentScope: "production"))
    XCTAssertEqual(
      try client.projectVariable(project: project, key: "TOKEN", environmentScope: "production")
        .environmentScope, "production")
    _ = try client.updateProjectVariable(
      project: project, key: "TOKEN", environmentScope: "production",
      VariableSettings(
        value: SecretValue("new-value"), variableType: .file, hidden: true, description: "d"))
    try client.deleteProjectVariable(project: project, key: "TOKEN", environmentScope: "*")
    XCTAssertEqual(try client.projectVariables(project: project).map(\.key), ["TOKEN"])
    let hidden = try client.createProjectVariable(
      project: project, key: "HIDDEN",
      VariableSettings(value: SecretValue("abcdefgh12"), hidden: true))
    XCTAssertNil(hidden.value)
    XCTAssertTrue(hidden.hidden)
    XCTAssertEqual(hidden.variableType, .envVar)
    XCTAssertEqual(hidden.environmentScope, "*")

    XCTAssertEqual(
      transport.requests.map { "\($0.method.rawValue) \($0.url.absoluteString)" },
      [
        "POST https://gitlab.example.com/api/v4/projects/7/variables",
        "GET https://gitlab.example.com/api/v4/projects/7/variables/TOKEN?filter%5Benvironment_scope%5D=production",
        "PUT https://gitlab.example.com/api/v4/projects/7/variables/TOKEN?filter%5Benvironment_scope%5D=production",
        "DELETE https://gitlab.example.com/api/v4/projects/7/variables/TOKEN?filter%5Benvironment_scope%5D=%2A",
        "GET https://gitlab.example.com/api/v4/projects/7/variables?per_page=100&page=1",
        "POST https://gitlab.example.com/api/v4/projects/7/variables",
      ])
    XCTAssertEqual(
      body(transport.requests[0]),
      #"{"environment_scope":"production","key":"TOKEN","masked":true,"protected":true,"value":"s3cr3t-value"}"#
    )
    // hidden is create-only: an update does not send it.
    XCTAssertEqual(
      body(transport.requests[2]),
      #"{"description":"d","value":"new-value","variable_type":"file"}"#)
    XCTAssertEqual(
      body(transport.requests[5]),
      #"{"key":"HIDDEN","masked":true,"masked_and_hidden":true,"value":"abcdefgh12"}"#)
  }
}
