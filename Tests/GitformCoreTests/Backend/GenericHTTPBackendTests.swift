import Foundation
import GitLabEmulator
import XCTest

@testable import GitformCore

/// Terraform's http backend with its default methods (`LOCK`, `UNLOCK`) over real HTTP, against
/// a minimal state server built on the emulator's HTTP server: what gitform's HTTP layer (the
/// GitLab client's libcurl transport) actually sends, and that waiting for it costs no CPU.
final class GenericHTTPBackendTests: XCTestCase {
  /// A state server as Terraform's protocol describes it: 404 before the first write, 423 with
  /// the holder's LockInfo on conflict. Records every request.
  final class StateServer: HTTPHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var state: Data?
    private var holder: Data?
    /// Seconds every answer is held back, as a slow or distant server does.
    var delay: TimeInterval = 0
    private(set) var requests: [HTTPRequest] = []

    func handle(_ request: HTTPRequest) -> HTTPResponse {
      if delay > 0 { Thread.sleep(forTimeInterval: delay) }
      lock.lock()
      defer { lock.unlock() }
      requests.append(request)
      switch (request.method, request.path) {
      case ("GET", "/state"):
        return state.map { HTTPResponse(status: 200, body: $0) } ?? HTTPResponse(status: 404)
      case ("POST", "/state"):
        state = request.body
        return HTTPResponse(status: 200)
      case ("LOCK", "/lock"):
        if let holder { return HTTPResponse(status: 423, body: holder) }
        holder = request.body
        return HTTPResponse(status: 200)
      case ("UNLOCK", "/lock"):
        holder = nil
        return HTTPResponse(status: 200)
      default:
        return HTTPResponse(status: 405)
      }
    }

    var recorded: [HTTPRequest] {
      lock.lock()
      defer { lock.unlock() }
      return requests
    }
  }

  private var server: RunningEmulator!
  private let handler = StateServer()

  override func setUpWithError() throws {
    server = try RunningEmulator(handler: handler)
  }

  override func tearDown() {
    server?.stop()
  }

  private func backend() throws -> HTTPStateBackend {
    let root = server.rootURL.absoluteString
    let settings = try HTTPBackendSettings.resolve(
      attributes: [:],
      environment: [
        "TF_HTTP_ADDRESS": root + "/state", "TF_HTTP_LOCK_ADDRESS": root + "/lock",
        "TF_HTTP_UNLOCK_ADDRESS": root + "/lock", "TF_HTTP_USERNAME": "ci",
        "TF_HTTP_PASSWORD": "generic-secret-password", "TF_HTTP_RETRY_WAIT_MIN": "0",
      ])
    return try HTTPStateBackend(settings: settings, writerVersion: "0.9.0-test")
  }

  func testLockWriteUnlockWithTerraformsDefaultMethodsOverThePlatformTransport() throws {
    let first = try backend()
    let info = LockInfo(
      operation: LockInfo.apply, who: "ci@runner", version: "0.9.0-test", path: "")
    XCTAssertNil(try first.pull())
    XCTAssertTrue(try StateBackendLocking.acquire(first, info: info))
    _ = try first.load()
    let written = try first.persist(sampleState("generic"))

    let second = try backend()
    var failure: BackendError?
    XCTAssertThrowsError(
      try StateBackendLocking.acquire(
        second, info: LockInfo(operation: LockInfo.plan, version: "0.9.0-test", path: ""))
    ) { failure = $0 as? BackendError }
    let refused = try XCTUnwrap(failure)
    XCTAssertEqual(
      refused.holder, info, "a generic server's 423 body is the holder's whole LockInfo")
    XCTAssertTrue(
      refused.detail.contains("is locked by ci@runner since "), refused.detail)
    XCTAssertTrue(refused.detail.contains("operation OperationTypeApply"), refused.detail)
    try first.unlock()

    let requests = handler.recorded
    XCTAssertEqual(
      requests.map { "\($0.method) \($0.path)\($0.query.map { "?" + $0 } ?? "")" },
      [
        "GET /state", "LOCK /lock", "GET /state", "POST /state?ID=\(info.id)", "LOCK /lock",
        "UNLOCK /lock",
      ])
    let expectedAuthorization =
      "Basic " + Data("ci:generic-secret-password".utf8).base64EncodedString()
    for request in requests {
      XCTAssertEqual(request.header("Authorization"), expectedAuthorization)
      XCTAssertNil(request.header("PRIVATE-TOKEN"))
      XCTAssertEqual(request.header("Connection"), "close", "every state request on a fresh connection")
      if request.method != "GET" {
        XCTAssertEqual(request.header("Content-Type"), "application/json")
        XCTAssertEqual(request.header("Content-MD5"), Base64.encode(MD5.hash(Array([UInt8](request.body)))))
      }
    }
    XCTAssertEqual(
      requests[1].body, requests[5].body, "unlock sends the LockInfo sent at lock time")
    XCTAssertEqual(requests[3].body, Data(StateFile.encodeBytes(written)))
    XCTAssertEqual(try second.load().serial, 1)
  }

  func testNobodyListeningIsATransportErrorAfterTheRetries() throws {
    let address = server.rootURL.absoluteString + "/state"
    server.stop()
    let settings = try HTTPBackendSettings.resolve(
      attributes: ["address": address, "retry_wait_min": "0"], environment: [:])
    let backend = try HTTPStateBackend(settings: settings, writerVersion: "0.9.0-test")
    XCTAssertThrowsError(try backend.pull()) { error in
      XCTAssertEqual((error as? BackendError)?.code, .transport)
      XCTAssertTrue(
        String(describing: error).contains("(after 2 retries)"), String(describing: error))
    }
  }

  /// The backend waits for a slow answer in `poll`, as the GitLab client does: URLSession's
  /// libcurl driver on Linux spun a core for as long as an answer took.
  func testWaitingForASlowStateServerCostsNoCPU() throws {
    handler.delay = 1.5
    let backend = try backend()
    let cpuBefore = StallingListener.processCPUSeconds()
    let started = Date()
    XCTAssertNil(try backend.pull())
    XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 1.4)
    XCTAssertLessThan(StallingListener.processCPUSeconds() - cpuBefore, 0.3)
  }
}
