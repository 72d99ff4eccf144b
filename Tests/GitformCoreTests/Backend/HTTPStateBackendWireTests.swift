import XCTest

@testable import GitformCore

/// What goes on the wire, byte for byte where Terraform fixes it (methods, `?ID=`, headers,
/// lock-info JSON), and go-retryablehttp's retry rules — with a scripted transport.
final class HTTPStateBackendWireTests: XCTestCase {
  private let password = "s3cret-password-value"

  private func backend(
    _ answers: [FakeBackendTransport.Answer], _ attributes: [String: String] = [:]
  ) throws -> (HTTPStateBackend, FakeBackendTransport, BackendSleepRecorder) {
    var all = [
      "address": "https://state.example.com/states/app",
      "lock_address": "https://state.example.com/locks/app",
      "unlock_address": "https://state.example.com/locks/app", "username": "ci",
      "password": password,
    ]
    all.merge(attributes) { $1 }
    let settings = try HTTPBackendSettings.resolve(attributes: all, environment: [:])
    let transport = FakeBackendTransport(answers)
    let recorder = BackendSleepRecorder()
    let backend = try HTTPStateBackend(
      settings: settings, writerVersion: "0.9.0", transport: transport, sleep: recorder.sleep)
    return (backend, transport, recorder)
  }

  private let info = LockInfo(
    id: "0d6c2f55-3a7e-4d38-9d5f-0f4b8a9b1c2d", operation: "OperationTypeApply", info: "",
    who: "ci@runner", version: "0.9.0", created: "2026-06-01T12:00:00.5Z", path: "")

  func testLockWriteUnlockAreTerraformsRequests() throws {
    let (backend, transport, _) = try self.backend(
      [
        FakeBackendTransport.status(200), FakeBackendTransport.status(200),
        FakeBackendTransport.status(200),
      ],
      ["update_method": "PUT"])
    XCTAssertEqual(try backend.tryLock(info), LockAttempt.acquired)
    try backend.push(Array("{\"serial\":1}".utf8))
    try backend.unlock()

    let sent = transport.sent
    XCTAssertEqual(sent.map { $0.method.rawValue }, ["LOCK", "PUT", "UNLOCK"])
    XCTAssertEqual(sent[0].url.absoluteString, "https://state.example.com/locks/app")
    XCTAssertEqual(
      sent[1].url.absoluteString,
      "https://state.example.com/states/app?ID=0d6c2f55-3a7e-4d38-9d5f-0f4b8a9b1c2d")
    XCTAssertEqual(sent[2].url.absoluteString, "https://state.example.com/locks/app")
    let lockJSON =
      #"{"ID":"0d6c2f55-3a7e-4d38-9d5f-0f4b8a9b1c2d","Operation":"OperationTypeApply","Info":"","#
      + #""Who":"ci@runner","Version":"0.9.0","Created":"2026-06-01T12:00:00.5Z","Path":""}"#
    XCTAssertEqual(sent[0].body.map { String(decoding: $0, as: UTF8.self) }, lockJSON)
    XCTAssertEqual(sent[2].body, sent[0].body)
    for request in sent {
      XCTAssertEqual(request.headers["Content-Type"], "application/json")
      XCTAssertEqual(request.headers["Content-MD5"], Base64.encode(MD5.hash(Array(request.body ?? Data()))))
      XCTAssertEqual(
        request.basicAuthorization, "Basic " + Data("ci:\(password)".utf8).base64EncodedString())
      XCTAssertNil(request.token, "a state server gets Basic credentials, not PRIVATE-TOKEN")
      XCTAssertFalse(request.reusesConnection, "a re-sent lock or write would conflict with itself")
      XCTAssertEqual(request.sensitiveValues.map { $0.reveal() }, [password])
    }
    XCTAssertEqual(sent[1].headers["Content-MD5"], Base64.encode(MD5.hash(Array(Array("{\"serial\":1}".utf8)))))
  }

  func testReadsTreat204And404AsNoStateAndCheckContentMD5() throws {
    let state = "{\"version\":4}"
    let (backend, transport, _) = try self.backend([
      FakeBackendTransport.status(204), FakeBackendTransport.status(404),
      FakeBackendTransport.status(
        200, state, headers: ["Content-MD5": Base64.encode(MD5.hash(Array(Array(state.utf8))))]),
      FakeBackendTransport.status(200, state, headers: ["Content-MD5": "AAAAAAAAAAAAAAAAAAAAAA=="]),
    ])
    XCTAssertNil(try backend.pull())
    XCTAssertNil(try backend.pull())
    XCTAssertEqual(try backend.pull(), Array(state.utf8))
    XCTAssertThrowsError(try backend.pull()) { error in
      XCTAssertTrue(String(describing: error).contains("does not match its Content-MD5"))
    }
    XCTAssertEqual(transport.sent.map { $0.method.rawValue }, ["GET", "GET", "GET", "GET"])
    XCTAssertNil(transport.sent[0].headers["Content-MD5"])
  }

  func testRetriesFollowGoRetryableHTTP() throws {
    var (backend, transport, recorder) = try self.backend(
      [
        FakeBackendTransport.status(503), FakeBackendTransport.status(502),
        FakeBackendTransport.status(204),
      ])
    XCTAssertNil(try backend.pull())
    XCTAssertEqual(transport.sent.count, 3)
    XCTAssertEqual(recorder.waits, [1, 2])

    (backend, transport, recorder) = try self.backend(
      [
        FakeBackendTransport.status(500), FakeBackendTransport.status(500),
        FakeBackendTransport.status(500),
      ])
    XCTAssertThrowsError(try backend.pull()) { error in
      XCTAssertEqual((error as? BackendError)?.code, .serverError)
      XCTAssertTrue(
        String(describing: error).contains("after 2 retries"), String(describing: error))
    }
    XCTAssertEqual(transport.sent.count, 3)

    for status in [501, 400, 401, 403, 409] {
      (backend, transport, recorder) = try self.backend([FakeBackendTransport.status(status)])
      XCTAssertThrowsError(try backend.pull())
      XCTAssertEqual(transport.sent.count, 1, "status \(status) must not be retried")
    }

    (backend, transport, recorder) = try self.backend(
      [
        FakeBackendTransport.status(429, headers: ["Retry-After": "7"]),
        FakeBackendTransport.status(204),
      ])
    XCTAssertNil(try backend.pull())
    XCTAssertEqual(recorder.waits, [7])

    (backend, transport, recorder) = try self.backend(
      [
        FakeBackendTransport.status(503), FakeBackendTransport.status(503),
        FakeBackendTransport.status(503), FakeBackendTransport.status(204),
      ],
      ["retry_max": "3", "retry_wait_min": "10", "retry_wait_max": "15"])
    XCTAssertNil(try backend.pull())
    XCTAssertEqual(recorder.waits, [10, 15, 15])
  }

  func testConnectionFailuresAreRetriedButCertificateErrorsAreNot() throws {
    var (backend, transport, _) = try self.backend([
      .failure(TransportFailure(.connectionLost)),
      .failure(TransportFailure(.couldNotConnect)),
      FakeBackendTransport.status(204),
    ])
    XCTAssertNil(try backend.pull())
    XCTAssertEqual(transport.sent.count, 3)

    (backend, transport, _) = try self.backend([.failure(TransportFailure(.tlsFailure))])
    XCTAssertThrowsError(try backend.pull()) { error in
      XCTAssertEqual((error as? BackendError)?.code, .transport)
      XCTAssertTrue(String(describing: error).contains("certificate is not trusted"))
    }
    XCTAssertEqual(transport.sent.count, 1)
  }

  /// A lock whose answer was lost: the retry finds the lock held with our own ID.
  func testALockWhoseAnswerWasLostIsRecognisedAsOurs() throws {
    let held = String(decoding: JSONWriter.compact(info.json).utf8, as: UTF8.self)
    let (backend, transport, _) = try self.backend([
      .failure(TransportFailure(.noResponse)), FakeBackendTransport.status(409, held),
    ])
    XCTAssertEqual(try backend.tryLock(info), LockAttempt.acquired)
    XCTAssertEqual(backend.lockID, info.id)
    XCTAssertEqual(transport.sent.count, 2)
  }

  /// A write whose answer was lost and whose retry is refused as a duplicate serial: the stored
  /// state is read back, and it is ours.
  func testAWriteWhoseAnswerWasLostIsCheckedByReadingBack() throws {
    let bytes = Array("{\"serial\":3}".utf8)
    let (backend, transport, _) = try self.backend([
      .failure(TransportFailure(.connectionLost)),
      FakeBackendTransport.status(422, #"{"message":"duplicate"}"#),
      FakeBackendTransport.status(200, "{\"serial\":3}"),
    ])
    XCTAssertNoThrow(try backend.push(bytes))
    XCTAssertEqual(transport.sent.map { $0.method.rawValue }, ["POST", "POST", "GET"])
  }

  func testAGenericServersLockConflictNamesTheHolder() throws {
    let holder = LockInfo(
      id: "aaaaaaaa-1111-2222-3333-444444444444", operation: "OperationTypePlan", info: "",
      who: "alice@laptop", version: "1.11.4", created: "2026-05-31T08:00:00.123456789Z", path: "")
    let body = String(decoding: JSONWriter.compact(holder.json).utf8, as: UTF8.self)
    let (backend, _, recorder) = try self.backend([FakeBackendTransport.status(423, body)])
    XCTAssertEqual(try backend.tryLock(info), LockAttempt.held(by: holder))
    XCTAssertNil(backend.lockID)
    XCTAssertEqual(recorder.waits, [])
  }

  func testWithoutLockAddressThereIsNoLockAndNoIDOnWrites() throws {
    let settings = try HTTPBackendSettings.resolve(
      attributes: ["address": "http://127.0.0.1:1/s"], environment: [:])
    let transport = FakeBackendTransport([FakeBackendTransport.status(200)])
    let backend = try HTTPStateBackend(
      settings: settings, writerVersion: "0.9.0", transport: transport)
    XCTAssertEqual(try backend.tryLock(info), LockAttempt.unsupported)
    try backend.push(Array("{}".utf8))
    XCTAssertEqual(transport.sent.map { $0.url.absoluteString }, ["http://127.0.0.1:1/s"])
    XCTAssertNil(transport.sent[0].basicAuthorization)
  }

  func testAnEchoedPasswordNeverReachesAnError() throws {
    let (backend, _, _) = try self.backend([
      FakeBackendTransport.status(400, "bad password \(password)")
    ])
    XCTAssertThrowsError(try backend.pull()) { error in
      let text = String(describing: error)
      XCTAssertFalse(text.contains(password), text)
      XCTAssertTrue(text.contains("(sensitive value)"), text)
      XCTAssertTrue(text.contains("Unexpected HTTP response code 400"), text)
    }
  }

  /// `Retry-After` as an HTTP date counts from now; on 503 as on 429; capped at retry_wait_max.
  func testRetryAfterAsAnHTTPDateIsCappedAtTheMaximumWait() {
    let policy = BackendRetryPolicy(retryMax: 2, waitMinimum: 1, waitMaximum: 30)
    let now = Date(timeIntervalSince1970: 1_445_412_470)  // Wed, 21 Oct 2015 07:27:50 GMT
    let dated = GitLabResponse(
      status: 503, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"])
    XCTAssertEqual(policy.delay(beforeRetry: 0, after: dated, now: now), 10)
    let long = GitLabResponse(status: 429, headers: ["Retry-After": "3600"])
    XCTAssertEqual(policy.delay(beforeRetry: 0, after: long, now: now), 30)
    XCTAssertNil(policy.delay(beforeRetry: 2, after: long, now: now), "retry_max reached")
    XCTAssertNil(policy.delay(beforeRetry: 0, after: GitLabResponse(status: 501), now: now))
  }
}
