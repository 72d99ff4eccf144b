import XCTest

@testable import GitformCore

/// How GitLab's error answers become `GitLabError`s: code, GitLab's words, the fix.
final class GitLabErrorTests: XCTestCase {
  private func error(
    _ status: Int, _ body: String, headers: [String: String] = [:],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> GitLabError? {
    let transport = FakeTransport([
      .respond(GitLabResponse(status: status, headers: headers, body: Data(body.utf8)))
    ])
    return gitLabError(
      { try makeClient(transport, retryPolicy: .never).personalAccessToken(id: 5) },
      file: file, line: line)
  }

  func testGitLabsMessageShapesAreFlattenedToOneLine() throws {
    let cases: [(Int, String, GitLabError.Code, String?)] = [
      (404, #"{"message":"404 Not Found"}"#, .notFound, "404 Not Found"),
      (
        400, #"{"error":"name is missing, scopes is missing"}"#, .badRequest,
        "name is missing, scopes is missing"
      ),
      (
        400,
        #"{"message":{"value":["is invalid"],"key":["can contain only letters, digits and '_'.","is too long"]}}"#,
        .badRequest, "key can contain only letters, digits and '_'., is too long; value is invalid"
      ),
      (
        400, #"{"message":{"base":["Only new variables can be set as masked and hidden."]}}"#,
        .badRequest,
        "Only new variables can be set as masked and hidden."
      ),
      (
        422, #"{"message":"Expires at must be before 2027-06-01"}"#, .badRequest,
        "Expires at must be before 2027-06-01"
      ),
      (400, #"{"message":["first","second"]}"#, .badRequest, "first, second"),
      (
        409,
        #"{"message":"There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"}"#,
        .conflict,
        "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"
      ),
      (
        401,
        #"{"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}"#,
        .unauthorized, "invalid_token: Token was revoked. You have to re-authorize from the user."
      ),
      (403, #"{"message":"403 Forbidden"}"#, .forbidden, "403 Forbidden"),
      (500, "<html><body>Oops</body></html>", .serverError, nil),
      (500, "", .serverError, nil),
      (405, #"{"message":"405 Method Not Allowed"}"#, .unexpectedStatus, "405 Method Not Allowed"),
    ]
    for (status, body, code, text) in cases {
      let failure = try error(status, body)
      XCTAssertEqual(failure?.code, code, body)
      XCTAssertEqual(failure?.status, status, body)
      XCTAssertEqual(failure?.gitLabMessage, text, body)
      XCTAssertEqual(failure?.request, "GET /personal_access_tokens/:id")
    }
  }

  func testValidationErrorsAreKeptByField() throws {
    let failure = try error(400, #"{"message":{"key":["(FOO) has already been taken"]}}"#)
    XCTAssertEqual(failure?.fieldErrors, ["key": ["(FOO) has already been taken"]])
    XCTAssertEqual(
      failure?.message,
      "GitLab rejected GET /personal_access_tokens/:id (HTTP 400: key (FOO) has already been "
        + "taken). Correct the values it names in the configuration and try again.")
  }

  func testInsufficientScopeNamesTheScopesThatWouldWork() throws {
    let failure = try error(
      403,
      #"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api read_api"}"#
    )
    XCTAssertEqual(failure?.code, .insufficientScope)
    XCTAssertEqual(failure?.acceptedScopes, ["api", "read_api"])
    XCTAssertEqual(
      failure?.message,
      "The token lacks a scope needed for GET /personal_access_tokens/:id (HTTP 403: "
        + "insufficient_scope: The request requires higher privileges than provided by the access "
        + "token.). Use a token with the api or read_api scope.")
  }

  func testAnInsufficientScopeWithoutExplanationIsStillRecognised() throws {
    let failure = try error(403, #"{"error":"insufficient_scope"}"#)
    XCTAssertEqual(failure?.code, .insufficientScope)
    XCTAssertEqual(failure?.gitLabMessage, "insufficient_scope")
    XCTAssertEqual(failure?.acceptedScopes, [])
    XCTAssertTrue(failure?.message.hasSuffix("Use a token with the api scope.") ?? false)
  }

  func testForbiddenAndNotFoundSayWhatToCheck() throws {
    XCTAssertEqual(
      try error(403, #"{"message":"403 Forbidden"}"#)?.message,
      "GitLab refused GET /personal_access_tokens/:id (HTTP 403: 403 Forbidden). The token's user "
        + "lacks the permission: user and impersonation tokens need an administrator; project and "
        + "group tokens and variables need Maintainer (project) or Owner (group) rights.")
    XCTAssertEqual(
      try error(404, #"{"message":"404 Not found"}"#)?.message,
      "GitLab found nothing for GET /personal_access_tokens/:id (HTTP 404: 404 Not found). Check "
        + "the id, path or key, and that the token's user can see it.")
  }

  func testRedirectsAreReportedWithTheirTarget() throws {
    // Outside base_url, so not followed (one within it is: GitLabClientRedirectTests).
    let failure = try error(
      301,
      "This resource has been moved permanently to https://other.example.com/api/v4/projects/7",
      headers: ["Location": "https://other.example.com/api/v4/projects/7"])
    XCTAssertEqual(failure?.code, .unexpectedStatus)
    XCTAssertEqual(
      failure?.message,
      "GitLab answered GET /personal_access_tokens/:id with a redirect (HTTP 301: This resource "
        + "has been moved permanently to https://other.example.com/api/v4/projects/7) to "
        + "https://other.example.com/api/v4/projects/7; gitform follows redirects of reads "
        + "only, within base_url, so that the token never goes to another address. If a "
        + "project or group was renamed or moved, use its new path or numeric id; otherwise check "
        + "base_url.")
  }

  func testMalformedAnswersSayWhatIsWrongWithoutQuotingTheData() throws {
    let cases: [(String, String)] = [
      ("not json glpat-xyz", "it is not JSON"),
      (#"{"name":"ci"}"#, "field \"id\" is missing"),
      (
        tokenJSON(id: 1).replacingOccurrences(of: #""2026-12-31""#, with: #""31/12/2026""#),
        "field expires_at is invalid (expected a date as YYYY-MM-DD)"
      ),
      (
        tokenJSON(id: 1).replacingOccurrences(of: #""scopes":["api"]"#, with: #""scopes":"api""#),
        "field scopes is not a list"
      ),
    ]
    for (body, problem) in cases {
      let transport = FakeTransport([FakeTransport.json(200, body)])
      let failure = gitLabError { try makeClient(transport).personalAccessToken(id: 1) }
      XCTAssertEqual(failure?.code, .malformedResponse, body)
      XCTAssertEqual(
        failure?.message,
        "GitLab's answer to GET /personal_access_tokens/:id (HTTP 200) could not be read: "
          + "\(problem). Check that base_url points at a GitLab API (https://HOST or "
          + "https://HOST/api/v4).", body)
    }
  }

  func testAnUnreadableCreateAnswerIsAnUnknownOutcomeThatNeverShowsTheValue() throws {
    let body = #"{"id":"not-a-number","token":"glpat-lost-secret-value"}"#
    let transport = FakeTransport([FakeTransport.json(201, body)])
    let failure = gitLabError {
      try makeClient(transport).createPersonalAccessToken(
        userID: 1, NewAccessToken(name: "x", scopes: ["api"]))
    }
    XCTAssertEqual(failure?.code, .outcomeUnknown)
    XCTAssertEqual(
      failure?.message,
      "GitLab at https://gitlab.example.com/api/v4 may or may not have carried out POST "
        + "/users/:user_id/personal_access_tokens: it answered HTTP 201 but the answer could not be "
        + "read (field id is not a number); if it created a token, that token's value is lost "
        + "and the token should be revoked. gitform did not send it again, to avoid a duplicate; "
        + "refresh (gitform plan) to see what exists.")
    XCTAssertFalse(failure?.message.contains("glpat-lost-secret-value") ?? true)
  }

  func testASecretEchoedByTheServerIsScrubbedFromEveryField() throws {
    let failure = try error(
      400, #"{"message":{"\#(testToken)":["bad token \#(testToken)"]}}"#)
    XCTAssertEqual(failure?.fieldErrors, ["(sensitive value)": ["bad token (sensitive value)"]])
    XCTAssertEqual(failure?.gitLabMessage, "(sensitive value) bad token (sensitive value)")
    for text in [failure?.message ?? "", String(reflecting: failure as Any), "\(failure as Any)"] {
      XCTAssertFalse(text.contains(testToken), text)
    }

    let other = SecretValue("glpat-self-rotation-token")
    let transport = FakeTransport([
      FakeTransport.json(401, #"{"message":"401 Unauthorized - glpat-self-rotation-token"}"#)
    ])
    let selfError = gitLabError {
      try makeClient(transport).authenticating(with: other).rotateCurrentPersonalAccessToken()
    }
    XCTAssertEqual(selfError?.gitLabMessage, "401 Unauthorized - (sensitive value)")
  }

  func testLocalizedDescriptionIsTheMessage() throws {
    let failure = try XCTUnwrap(try error(404, #"{"message":"404 Not Found"}"#))
    XCTAssertEqual(failure.localizedDescription, failure.message)
    XCTAssertEqual("\(failure)", failure.message)
  }
}
