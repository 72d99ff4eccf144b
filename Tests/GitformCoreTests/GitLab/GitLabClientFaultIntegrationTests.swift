import Foundation
import XCTest

@testable import GitformCore

/// The client's failure handling against the emulator: scripted faults, bad credentials,
/// missing permissions, an unreachable server — and no secret in any message.
final class GitLabClientFaultIntegrationTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var client: GitLabClient { fixture.client }
  private let newToken = NewAccessToken(
    name: "ci", scopes: ["api"], expiresAt: CalendarDate("2026-12-31"))

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
  }

  override func tearDown() {
    fixture?.stop()
  }

  func testADroppedCreateIsReportedAsUnknownAndWasInFactCarriedOut() throws {
    let userID = try fixture.createUser("dave")
    try fixture.fault(
      "POST", "/api/v4/users/:user_id/personal_access_tokens", ["drop_after_commit": true])
    let error = gitLabError { try client.createPersonalAccessToken(userID: userID, newToken) }
    XCTAssertEqual(error?.code, .outcomeUnknown)
    XCTAssertEqual(
      error?.message,
      "GitLab at \(fixture.emulator.baseURL.absoluteString) may or may not have carried out POST "
        + "/users/:user_id/personal_access_tokens: the connection failed after it was sent (server "
        + "closed the connection without answering). gitform did not send it again, to avoid a "
        + "duplicate; refresh (gitform plan) to see what exists.")
    XCTAssertEqual(
      try fixture.requestCount("POST /api/v4/users/:user_id/personal_access_tokens"), 1)
    // GitLab made the token: the engine finds it by listing.
    XCTAssertEqual(try client.personalAccessTokens(userID: userID).map(\.name), ["ci"])
  }

  func testARotateDroppedOnAKeptAliveConnectionIsSentExactlyOnce() throws {
    let userID = try fixture.createUser("rita")
    let created = try client.createPersonalAccessToken(userID: userID, newToken)
    // Warm the shared keep-alive connection: libcurl would re-send a request silently when a
    // reused connection closes without an answer.
    XCTAssertEqual(try client.user(id: userID).id, userID)
    XCTAssertEqual(try client.personalAccessToken(id: created.record.id).id, created.record.id)
    try fixture.fault(
      "POST", "/api/v4/personal_access_tokens/:id/rotate", ["drop_after_commit": true])
    let error = gitLabError { try client.rotatePersonalAccessToken(id: created.record.id) }
    XCTAssertEqual(error?.code, .outcomeUnknown)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/personal_access_tokens/:id/rotate"), 1)
    let tokens = try client.personalAccessTokens(userID: userID)
    XCTAssertEqual(
      tokens.map(\.revoked), [true, false], "rotated once: old revoked, successor live")
  }

  func testADroppedRevokeIsRetriedBecauseRevokingIsIdempotent() throws {
    let userID = try fixture.createUser("erin")
    let created = try client.createPersonalAccessToken(userID: userID, newToken)
    try fixture.fault("DELETE", "/api/v4/personal_access_tokens/:id", ["drop_after_commit": true])
    try client.revokePersonalAccessToken(id: created.record.id)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/personal_access_tokens/:id"), 2)
    XCTAssertEqual(try client.personalAccessToken(id: created.record.id).revoked, true)
  }

  func testServerErrorsAreRetriedForReadsButNotForCreates() throws {
    let userID = try fixture.createUser("frank")
    try fixture.fault("GET", "/api/v4/users/:id", times: 2, ["status": 503])
    XCTAssertEqual(try client.user(id: userID).username, "frank")
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users/:id"), 3)

    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["status": 503])
    let error = gitLabError { try client.createPersonalAccessToken(userID: userID, newToken) }
    XCTAssertEqual(error?.code, .serverError)
    XCTAssertEqual(
      error?.message,
      "GitLab failed on POST /users/:user_id/personal_access_tokens (HTTP 503: 503 Service "
        + "Unavailable). GitLab may be overloaded or restarting; retry later.")
    XCTAssertEqual(
      try fixture.requestCount("POST /api/v4/users/:user_id/personal_access_tokens"), 1)
    XCTAssertEqual(try client.personalAccessTokens(userID: userID), [])
  }

  func testRateLimitingIsWaitedOutAsRetryAfterSays() throws {
    fixture.stop()
    fixture = try EmulatorFixture(rateLimitPerMinute: 3)
    let fixture = try XCTUnwrap(self.fixture)
    let waits = SleepRecorder()
    let client = GitLabClient(
      connection: fixture.client.connection, transport: fixture.client.transport,
      sleep: { seconds in
        waits.sleep(seconds)
        // Let the emulator's clock, not ours, pass the wait.
        _ = try? fixture.raw(.post, "/-/emulator/clock", ["advance_seconds": seconds])
      })
    for _ in 1...4 {
      XCTAssertEqual(try client.currentUser().id, 1)
    }
    XCTAssertEqual(waits.waits, [60])
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/user"), 5)
  }

  func testAnUnknownTokenIsUnauthorizedWithAFix() throws {
    let error = gitLabError {
      try fixture.client(token: SecretValue("glpat-not-a-real-token-zzz")).currentUser()
    }
    XCTAssertEqual(error?.code, .unauthorized)
    XCTAssertEqual(
      error?.message,
      "GitLab rejected the token for GET /user (HTTP 401: 401 Unauthorized). Check that the token "
        + "(token in the provider \"gitlab\" block, or GITLAB_TOKEN) is valid, not expired and not "
        + "revoked, and that its user may see what this request asks for.")
    XCTAssertFalse(error?.message.contains("glpat-not-a-real-token-zzz") ?? true)
  }

  func testANonAdministratorIsForbiddenAndANarrowScopeIsNamed() throws {
    let userID = try fixture.createUser("gina")
    let own = try client.createPersonalAccessToken(userID: userID, newToken)
    let forbidden = gitLabError {
      try fixture.client(token: own.token).createPersonalAccessToken(userID: 1, newToken)
    }
    XCTAssertEqual(forbidden?.code, .forbidden)
    XCTAssertEqual(forbidden?.status, 403)
    XCTAssertEqual(forbidden?.gitLabMessage, "403 Forbidden")

    let readOnly = try client.createPersonalAccessToken(
      userID: userID,
      NewAccessToken(name: "ro", scopes: ["read_repository"], expiresAt: CalendarDate("2026-12-31"))
    )
    let scope = gitLabError { try fixture.client(token: readOnly.token).currentUser() }
    XCTAssertEqual(scope?.code, .insufficientScope)
    XCTAssertEqual(scope?.acceptedScopes.isEmpty, false)
    XCTAssertTrue(
      scope?.message.hasPrefix(
        "The token lacks a scope needed for GET /user (HTTP 403: insufficient_scope: ") ?? false,
      scope?.message ?? "")
  }

  func testValidationErrorsCarryGitLabsWords() throws {
    let userID = try fixture.createUser("hank")
    let error = gitLabError {
      try client.createPersonalAccessToken(
        userID: userID, NewAccessToken(name: "x", scopes: ["no_such_scope"]))
    }
    XCTAssertEqual(error?.code, .badRequest)
    XCTAssertEqual(
      error?.message,
      "GitLab rejected POST /users/:user_id/personal_access_tokens (HTTP 400: scopes does not "
        + "have a valid value). Correct the values it names in the configuration and try again.")
  }

  func testAStoppedGitLabIsUnreachable() throws {
    let url = fixture.emulator.baseURL.absoluteString
    fixture.stop()
    let error = gitLabError { try client.currentUser() }
    XCTAssertEqual(error?.code, .transportFailure)
    XCTAssertEqual(
      error?.message,
      "could not reach GitLab at \(url): GET /user failed: connection refused. Check base_url (or "
        + "GITLAB_BASE_URL) and that GitLab is running and reachable from here.")
  }

  func testNoMessageEverContainsATokenValue() throws {
    let userID = try fixture.createUser("ivy")
    let created = try client.createPersonalAccessToken(userID: userID, newToken)
    let asUser = fixture.client(token: created.token)
    var messages: [String] = []
    func collect(_ body: () throws -> Void) {
      do { try body() } catch {
        messages += ["\(error)", String(reflecting: error), error.localizedDescription]
      }
    }
    collect { _ = try asUser.createPersonalAccessToken(userID: 1, self.newToken) }
    collect { _ = try asUser.impersonationTokens(userID: 1) }
    collect { _ = try asUser.resourceAccessTokens(of: .project(.path("no/such"))) }
    try client.revokePersonalAccessToken(id: created.record.id)
    collect { _ = try asUser.currentUser() }
    collect { _ = try asUser.rotateCurrentPersonalAccessToken() }
    try fixture.fault(
      "POST", "/api/v4/personal_access_tokens/:id/rotate", ["drop_after_commit": true])
    let other = try client.createPersonalAccessToken(userID: userID, newToken)
    collect { _ = try self.client.rotatePersonalAccessToken(id: other.record.id) }
    XCTAssertEqual(messages.count, 18)
    for secret in [EmulatorFixture.rootToken, created.token.reveal(), other.token.reveal()] {
      for message in messages {
        XCTAssertFalse(message.contains(secret), message)
      }
    }
  }
}
