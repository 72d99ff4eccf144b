import Foundation
import GitLabEmulator
import XCTest

@testable import GitformCore

/// The production transport on the wire: waits that cost no CPU, prompt TLS failures, every
/// method and body as GitLab expects them, and the waits the client announces.
final class CurlTransportTests: XCTestCase {
  private func connection(_ url: String, timeout: TimeInterval) throws -> GitLabConnection {
    try GitLabConnection(
      baseURL: url, token: SecretValue("glpat-curl-token"), clientVersion: "1",
      requestTimeout: timeout)
  }

  func testTheProductionTransportIsLibcurlsBlockingInterface() throws {
    let transport = try GitLabClient.productionTransport(
      for: connection("https://gitlab.example.com", timeout: 5))
    #if os(Linux)
      XCTAssertTrue(transport is CurlTransport, "\(type(of: transport))")
    #endif
  }

  /// The issue's case: a server that accepts the connection and never answers. Waiting for it
  /// must cost (next to) no CPU; URLSession on Linux spun at two thirds of a core.
  func testWaitingForAServerThatNeverAnswersCostsNoCPU() throws {
    let listener = try StallingListener()
    defer { listener.stop() }
    let client = try GitLabClient(
      connection: connection("http://127.0.0.1:\(listener.port)", timeout: 2),
      retryPolicy: .never)
    let cpuBefore = StallingListener.processCPUSeconds()
    let started = Date()
    let error = gitLabError { try client.currentUser() }
    let waited = Date().timeIntervalSince(started)
    let cpu = StallingListener.processCPUSeconds() - cpuBefore
    XCTAssertEqual(error?.code, .transportFailure)
    XCTAssertTrue(error?.message.contains("timed out") ?? false, error?.message ?? "")
    XCTAssertGreaterThan(waited, 1.5)
    XCTAssertLessThan(waited, 8)
    XCTAssertLessThan(cpu, 0.3, "used \(cpu) s of CPU while waiting \(waited) s")
  }

  func testHTTPSToAPortThatDoesNotSpeakTLSIsAPromptTLSFailureNotRetried() throws {
    let listener = try StallingListener()
    defer { listener.stop() }
    let scripted = try ScriptedServer { _ in ScriptedServer.json(200, "{}") }
    defer { scripted.stop() }
    for port in [listener.port, scripted.port] {
      let client = try GitLabClient(
        connection: connection("https://127.0.0.1:\(port)", timeout: 3),
        retryPolicy: RetryPolicy(maximumAttempts: 3, baseDelay: 0.01))
      let cpuBefore = StallingListener.processCPUSeconds()
      let started = Date()
      let error = gitLabError { try client.currentUser() }
      let waited = Date().timeIntervalSince(started)
      XCTAssertEqual(error?.code, .transportFailure, "port \(port)")
      XCTAssertEqual(error?.attempts, 1)
      XCTAssertTrue(error?.message.contains("TLS handshake failed") ?? false, error?.message ?? "")
      XCTAssertTrue(
        error?.message.contains("Check that GitLab's TLS certificate is valid") ?? false)
      if port == listener.port {
        XCTAssertTrue(
          error?.message.contains("did not answer the TLS handshake (is it an HTTPS server?)") ?? false,
          error?.message ?? "")
      }
      // The handshake gets min(request timeout, 10 s), once: not three full request timeouts.
      XCTAssertLessThan(waited, 6)
      XCTAssertLessThan(StallingListener.processCPUSeconds() - cpuBefore, 0.3)
    }
  }

  func testEveryMethodSendsItsBodyHeadersAndTokenAndReadsTheAnswer() throws {
    let server = try ScriptedServer { request in
      switch request.method {
      case "DELETE": return ScriptedServer.json(204, "")
      case "GET": return ScriptedServer.json(200, "[]", headers: [("X-Next-Page", "")])
      default: return ScriptedServer.json(200, #"{"key":"K","value":"v","environment_scope":"*"}"#)
      }
    }
    defer { server.stop() }
    let client = try server.client(token: "glpat-wire")
    _ = try client.updateProjectVariable(
      project: .id(3), key: "K", VariableSettings(value: SecretValue("new")))
    _ = try client.createProjectVariable(
      project: .id(3), key: "K", VariableSettings(value: SecretValue("")))
    try client.deleteProjectVariable(project: .id(3), key: "K")
    _ = try client.projectVariables(project: .id(3))
    let requests = server.requests
    XCTAssertEqual(requests.map(\.method), ["PUT", "POST", "DELETE", "GET"])
    XCTAssertEqual(String(decoding: requests[0].body, as: UTF8.self), #"{"value":"new"}"#)
    // An empty value is still a body (libcurl would otherwise read one from standard input).
    XCTAssertTrue(String(decoding: requests[1].body, as: UTF8.self).contains(#""value":"""#))
    XCTAssertEqual(requests[2].body.count, 0)
    for request in requests {
      XCTAssertEqual(request.header("PRIVATE-TOKEN"), "glpat-wire")
      XCTAssertEqual(request.header("User-Agent"), "gitform/1")
      XCTAssertNil(request.header("Expect"))
    }
    XCTAssertEqual(requests[1].header("Connection"), "close")
  }

  func testARefusedConnectionAndALostAnswerAreTheirOwnKinds() throws {
    let scripted = try ScriptedServer { _ in GitLabEmulator.HTTPResponse(status: 200, dropConnection: true) }
    let dropped = try XCTUnwrap(CurlTransport(connection: connection(scripted.rootURL.absoluteString, timeout: 5)))
    XCTAssertThrowsError(
      try dropped.send(GitLabRequest(method: .get, url: scripted.rootURL, route: "/"))
    ) { error in
      XCTAssertEqual((error as? TransportFailure)?.kind, .noResponse)
    }
    scripted.stop()
    XCTAssertThrowsError(
      try dropped.send(GitLabRequest(method: .get, url: scripted.rootURL, route: "/"))
    ) { error in
      XCTAssertEqual((error as? TransportFailure)?.kind, .couldNotConnect)
    }
  }

  func testASlowAnswerIsAnnouncedWhileItIsAwaited() throws {
    let server = try ScriptedServer { _ in
      Thread.sleep(forTimeInterval: 1.3)
      return ScriptedServer.json(200, #"{"id":1,"username":"root","name":"R"}"#)
    }
    defer { server.stop() }
    let heard = Heard()
    var client = try server.client(timeout: 20)
    client.slowAnswerInterval = 0.5
    client.waitObserver = { heard.append($0) }
    XCTAssertEqual(try client.currentUser().username, "root")
    let waits = heard.all
    XCTAssertGreaterThanOrEqual(waits.count, 2, "\(waits)")
    XCTAssertEqual(waits.first?.request, "GET /user")
    XCTAssertTrue(waits.allSatisfy { if case .slowAnswer(let seconds, _) = $0.kind { seconds < 20 } else { false } })
    XCTAssertEqual(
      waits.first?.description,
      "Still waiting for GitLab to answer GET /user after 1s (gives up after 20s without "
        + "progress; request_timeout sets this).")
  }

  func testNoSlowAnswerNoticeComesAsTheRequestGivesUp() throws {
    let listener = try StallingListener()
    defer { listener.stop() }
    let heard = Heard()
    var client = try GitLabClient(
      connection: connection("http://127.0.0.1:\(listener.port)", timeout: 2), retryPolicy: .never)
    client.slowAnswerInterval = 0.6
    client.waitObserver = { heard.append($0) }
    XCTAssertEqual(gitLabError { try client.currentUser() }?.code, .transportFailure)
    Thread.sleep(forTimeInterval: 0.7)  // a timer that outlived the request would fire by now
    let seconds = heard.all.compactMap { wait -> Double? in
      if case .slowAnswer(let seconds, _) = wait.kind { return seconds }
      return nil
    }
    XCTAssertFalse(seconds.isEmpty)
    XCTAssertTrue(seconds.allSatisfy { $0 < 2 }, "\(seconds)")
  }

  func testLongBackOffsAreAnnouncedWithTheirReasonAndShortOnesAreNot() throws {
    let transport = FakeTransport([
      FakeTransport.json(429, #"{"message":"Retry later"}"#, headers: ["Retry-After": "3"]),
      FakeTransport.json(503, "{}"),
      FakeTransport.json(200, #"{"id":1,"username":"root","name":"R"}"#),
    ])
    let heard = Heard()
    var client = try makeClient(
      transport, retryPolicy: RetryPolicy(maximumAttempts: 3, baseDelay: 0.25))
    client.waitObserver = { heard.append($0) }
    _ = try client.currentUser()
    XCTAssertEqual(heard.all.map(\.description), [
      "Waiting 3s for GitLab before retrying GET /user (attempt 2 of 3): HTTP 429 (rate limited)."
    ])
  }

  /// Waits reported from other threads.
  private final class Heard: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [GitLabWait] = []
    func append(_ wait: GitLabWait) { lock.withLock { waits.append(wait) } }
    var all: [GitLabWait] { lock.withLock { waits } }
  }
}
