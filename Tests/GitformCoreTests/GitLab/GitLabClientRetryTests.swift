import XCTest

@testable import GitformCore

final class GitLabClientRetryTests: XCTestCase {
  private let unavailable = FakeTransport.json(503, #"{"message":"503 Service Unavailable"}"#)
  private let user = FakeTransport.json(200, #"{"id":1,"username":"root","name":"Administrator"}"#)
  private let newToken = NewAccessToken(name: "ci", scopes: ["api"])

  func testGetIsRetriedOnGatewayErrorsWithDoublingBackoff() throws {
    let sleeper = SleepRecorder()
    let transport = FakeTransport([
      unavailable, FakeTransport.json(502, "Bad Gateway"), FakeTransport.json(504, ""), user,
    ])
    XCTAssertEqual(try makeClient(transport, sleeper: sleeper).currentUser().id, 1)
    XCTAssertEqual(sleeper.waits, [0.5, 1, 2])
    XCTAssertEqual(transport.requests.count, 4)
  }

  func testReadsAndRevocationsAreRetriedOnAnInternalServerError() throws {
    let failed = FakeTransport.json(500, #"{"message":"500 Internal Server Error"}"#)
    let sleeper = SleepRecorder()
    let reads = FakeTransport([failed, failed, user])
    XCTAssertEqual(try makeClient(reads, sleeper: sleeper).currentUser().id, 1)
    XCTAssertEqual(sleeper.waits, [0.5, 1])
    XCTAssertEqual(reads.requests.count, 3)

    let revokes = FakeTransport([failed, .respond(GitLabResponse(status: 204))])
    XCTAssertNoThrow(try makeClient(revokes).revokePersonalAccessToken(id: 4))
    XCTAssertEqual(revokes.requests.map(\.method), [.delete, .delete])
  }

  func testCreatesAndUpdatesAreNotRetriedOnAnInternalServerError() throws {
    let failed = FakeTransport.json(500, #"{"message":"500 Internal Server Error"}"#)
    let policy = RetryPolicy()
    for method in [GitLabRequest.Method.post, .put] {
      XCTAssertNil(policy.delay(afterAttempt: 1, response: GitLabResponse(status: 500), method: method))
    }
    let creates = FakeTransport([failed])
    XCTAssertNotNil(gitLabError { try makeClient(creates).createPersonalAccessToken(userID: 2, newToken) })
    XCTAssertEqual(creates.requests.count, 1)
  }

  func testRetriesStopAtTheAttemptLimitAndSaySo() throws {
    let sleeper = SleepRecorder()
    let transport = FakeTransport(Array(repeating: unavailable, count: 5))
    let error = gitLabError { try makeClient(transport, sleeper: sleeper).user(id: 3) }
    XCTAssertEqual(error?.code, .serverError)
    XCTAssertEqual(error?.attempts, 5)
    XCTAssertEqual(sleeper.waits, [0.5, 1, 2, 4])
    XCTAssertEqual(
      error?.message,
      "GitLab failed on GET /users/:id (HTTP 503: 503 Service Unavailable); gave up after 5 "
        + "attempts. GitLab may be overloaded or restarting; retry later.")
  }

  func testBackoffIsCapped() {
    let policy = RetryPolicy(maximumAttempts: 10, baseDelay: 1, maximumDelay: 5)
    XCTAssertEqual((1...6).map(policy.backoff), [1, 2, 4, 5, 5, 5])
  }

  func testTooManyRequestsHonoursRetryAfterUpToTheCap() throws {
    let sleeper = SleepRecorder()
    let transport = FakeTransport([
      .respond(
        GitLabResponse(
          status: 429, headers: ["Retry-After": "7", "Content-Type": "text/plain"],
          body: Data("Retry later\n".utf8))),
      .respond(GitLabResponse(status: 429, headers: ["Retry-After": "3600"])),
      FakeTransport.json(
        429,
        #"{"message":{"error":"This endpoint has been requested too many times. Try again later."}}"#
      ),
      user,
    ])
    XCTAssertEqual(try makeClient(transport, sleeper: sleeper).currentUser().id, 1)
    XCTAssertEqual(sleeper.waits, [7, 60, 2])
  }

  func testRateLimitingThatNeverEndsIsReportedWithGitLabsText() throws {
    let transport = FakeTransport(
      Array(
        repeating: .respond(
          GitLabResponse(
            status: 429, headers: ["Retry-After": "1"], body: Data("Retry later\n".utf8))), count: 2
      ))
    let error = gitLabError {
      try makeClient(transport, retryPolicy: RetryPolicy(maximumAttempts: 2)).currentUser()
    }
    XCTAssertEqual(error?.code, .rateLimited)
    XCTAssertEqual(error?.retryAfter, 1)
    XCTAssertEqual(
      error?.message,
      "GitLab rate-limited GET /user (HTTP 429: Retry later); gave up after 2 attempts. Wait and "
        + "retry, or lower -parallelism.")
  }

  func testA429IsRetriedEvenForACreateBecauseGitLabRefusedItUnprocessed() throws {
    let sleeper = SleepRecorder()
    let transport = FakeTransport([
      .respond(GitLabResponse(status: 429, headers: ["Retry-After": "1"])),
      FakeTransport.json(201, tokenJSON(id: 5, extra: #","token":"glpat-x""#)),
    ])
    let created = try makeClient(transport, sleeper: sleeper).createPersonalAccessToken(
      userID: 2, newToken)
    XCTAssertEqual(created.record.id, 5)
    XCTAssertEqual(transport.requests.count, 2)
  }

  func testACreateIsNeverRetriedOnAServerError() throws {
    let transport = FakeTransport([unavailable])
    let error = gitLabError {
      try makeClient(transport).createPersonalAccessToken(userID: 2, newToken)
    }
    XCTAssertEqual(error?.code, .serverError)
    XCTAssertEqual(error?.attempts, 1)
    XCTAssertEqual(transport.requests.count, 1)
  }

  func testACreateBehindAFailingGatewayHasAnUnknownOutcome() throws {
    let transport = FakeTransport([FakeTransport.json(502, "")])
    let error = gitLabError { try makeClient(transport).rotatePersonalAccessToken(id: 4) }
    XCTAssertEqual(error?.code, .outcomeUnknown)
    XCTAssertEqual(error?.status, 502)
    XCTAssertEqual(
      error?.message,
      "GitLab at https://gitlab.example.com/api/v4 may or may not have carried out POST "
        + "/personal_access_tokens/:id/rotate: a gateway in front of GitLab answered HTTP 502. "
        + "gitform did not send it again, to avoid a duplicate; refresh (gitform plan) to see what "
        + "exists.")
    XCTAssertEqual(transport.requests.count, 1)
  }

  func testADroppedConnectionAfterACreateIsAnUnknownOutcomeNotARetry() throws {
    let transport = FakeTransport([.fail(TransportFailure(.noResponse))])
    let error = gitLabError {
      try makeClient(transport).createResourceAccessToken(of: .project(.id(1)), newToken)
    }
    XCTAssertEqual(error?.code, .outcomeUnknown)
    XCTAssertEqual(
      error?.message,
      "GitLab at https://gitlab.example.com/api/v4 may or may not have carried out POST "
        + "/projects/:id/access_tokens: the connection failed after it was sent (server closed the "
        + "connection without answering). gitform did not send it again, to avoid a duplicate; "
        + "refresh (gitform plan) to see what exists.")
    XCTAssertEqual(transport.requests.count, 1)
  }

  func testARefusedConnectionForACreateIsAPlainTransportFailure() throws {
    let transport = FakeTransport([.fail(TransportFailure(.couldNotConnect))])
    let error = gitLabError {
      try makeClient(transport).createImpersonationToken(userID: 1, newToken)
    }
    XCTAssertEqual(error?.code, .transportFailure)
    XCTAssertEqual(
      error?.message,
      "could not reach GitLab at https://gitlab.example.com/api/v4: POST "
        + "/users/:user_id/impersonation_tokens failed: connection refused. Check base_url (or "
        + "GITLAB_BASE_URL) and that GitLab is running and reachable from here.")
  }

  func testHostAndTLSProblemsSayWhatToCheckAndAreNotRetried() throws {
    let transport = FakeTransport([
      .fail(TransportFailure(.hostNotFound)), .fail(TransportFailure(.tlsFailure)),
    ])
    let sleeper = SleepRecorder()
    let client = try makeClient(transport, sleeper: sleeper)
    XCTAssertEqual(
      gitLabError { try client.currentUser() }?.message,
      "could not reach GitLab at https://gitlab.example.com/api/v4: GET /user failed: host not "
        + "found. Check the host name in base_url (or GITLAB_BASE_URL).")
    XCTAssertEqual(
      gitLabError { try client.createPersonalAccessToken(userID: 1, newToken) }?.message,
      "could not reach GitLab at https://gitlab.example.com/api/v4: POST "
        + "/users/:user_id/personal_access_tokens failed: TLS handshake failed. Check that "
        + "GitLab's TLS certificate is valid and trusted by this system.")
    XCTAssertEqual(sleeper.waits, [])
  }

  func testATimedOutRotateHasAnUnknownOutcome() throws {
    let transport = FakeTransport([.fail(TransportFailure(.timedOut))])
    let error = gitLabError {
      try makeClient(transport).rotateResourceAccessToken(of: .group(.id(3)), id: 8)
    }
    XCTAssertEqual(error?.code, .outcomeUnknown)
    XCTAssertEqual(transport.requests.count, 1)
  }

  func testIdempotentRequestsAreRetriedAfterConnectionResets() throws {
    let sleeper = SleepRecorder()
    let transport = FakeTransport([
      .fail(TransportFailure(.connectionLost)), .fail(TransportFailure(.timedOut)),
      .respond(GitLabResponse(status: 204)),
    ])
    try makeClient(transport, sleeper: sleeper).revokePersonalAccessToken(id: 9)
    XCTAssertEqual(transport.requests.map(\.method), [.delete, .delete, .delete])
    XCTAssertEqual(sleeper.waits, [0.5, 1])
  }

  func testARefusedConnectionIsNotRetried() throws {
    let sleeper = SleepRecorder()
    let transport = FakeTransport([.fail(TransportFailure(.couldNotConnect))])
    let error = gitLabError { try makeClient(transport, sleeper: sleeper).currentUser() }
    XCTAssertEqual(error?.code, .transportFailure)
    XCTAssertEqual(sleeper.waits, [])
  }

  func testLostConnectionsOnAGetEndAsATransportFailureAfterTheLastAttempt() throws {
    let transport = FakeTransport(Array(repeating: .fail(TransportFailure(.timedOut)), count: 3))
    let error = gitLabError {
      try makeClient(transport, retryPolicy: RetryPolicy(maximumAttempts: 3)).currentUser()
    }
    XCTAssertEqual(error?.code, .transportFailure)
    XCTAssertEqual(
      error?.message,
      "could not reach GitLab at https://gitlab.example.com/api/v4: GET /user failed: timed out "
        + "(after 3 attempts). Check base_url (or GITLAB_BASE_URL) and that GitLab is running and "
        + "reachable from here.")
  }

  func testTheClientIsSafeToUseFromManyThreads() throws {
    let transport = FakeTransport(Array(repeating: user, count: 40))
    let client = try makeClient(transport)
    DispatchQueue.concurrentPerform(iterations: 40) { _ in
      XCTAssertEqual(try? client.currentUser().id, 1)
    }
    XCTAssertEqual(transport.requests.count, 40)
  }
}
