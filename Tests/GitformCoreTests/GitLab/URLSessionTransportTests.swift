import Foundation
import GitLabEmulator
import XCTest

@testable import GitformCore

/// The URLSession transport on the wire, against a loopback server that records what arrives.
final class URLSessionTransportTests: XCTestCase {
  /// Answers from a script and remembers every request it was sent.
  private final class RecordingHandler: HTTPHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var received: [GitLabEmulator.HTTPRequest] = []
    let answer: @Sendable (GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse

    init(answer: @escaping @Sendable (GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse) {
      self.answer = answer
    }

    var requests: [GitLabEmulator.HTTPRequest] {
      lock.lock()
      defer { lock.unlock() }
      return received
    }

    func handle(_ request: GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse {
      lock.lock()
      received.append(request)
      lock.unlock()
      return answer(request)
    }
  }

  private func serve(
    _ answer: @escaping @Sendable (GitLabEmulator.HTTPRequest) -> GitLabEmulator.HTTPResponse
  ) throws -> (RunningEmulator, RecordingHandler, GitLabClient) {
    let handler = RecordingHandler(answer: answer)
    let server = try RunningEmulator(handler: handler)
    let connection = try GitLabConnection(
      baseURL: server.rootURL.absoluteString + "/", token: SecretValue("glpat-wire-token"),
      clientVersion: "7.8.9", requestTimeout: 5)
    return (server, handler, try GitLabClient(connection: connection, retryPolicy: .never))
  }

  func testSendsTheTokenUserAgentAndJSONBodyAndReadsStatusHeadersAndBody() throws {
    let (server, handler, client) = try serve { _ in
      GitLabEmulator.HTTPResponse(
        status: 201, headers: [("Content-Type", "application/json")],
        body: Data(tokenJSON(id: 4, extra: #","token":"glpat-new""#).utf8))
    }
    defer { server.stop() }
    let created = try client.createPersonalAccessToken(
      userID: 3, NewAccessToken(name: "n", scopes: ["api"]))
    XCTAssertEqual(created.token.reveal(), "glpat-new")
    let request = try XCTUnwrap(handler.requests.first)
    XCTAssertEqual(request.method, "POST")
    XCTAssertEqual(request.path, "/api/v4/users/3/personal_access_tokens")
    XCTAssertEqual(request.header("PRIVATE-TOKEN"), "glpat-wire-token")
    XCTAssertEqual(request.header("User-Agent"), "gitform/7.8.9")
    XCTAssertEqual(request.header("Accept"), "application/json")
    XCTAssertEqual(request.header("Content-Type"), "application/json")
    XCTAssertEqual(String(decoding: request.body, as: UTF8.self), #"{"name":"n","scopes":["api"]}"#)
  }

  func testKeepsPercentEncodedPathsAndQueriesIntact() throws {
    let (server, handler, client) = try serve { _ in
      GitLabEmulator.HTTPResponse(status: 200, body: Data(#"{"key":"K","value":"v"}"#.utf8))
    }
    defer { server.stop() }
    _ = try client.projectVariable(project: .path("a/b.c"), key: "K", environmentScope: "prod/*")
    let request = try XCTUnwrap(handler.requests.first)
    XCTAssertEqual(request.path, "/api/v4/projects/a%2Fb%2Ec/variables/K")
    XCTAssertEqual(request.query, "filter%5Benvironment_scope%5D=prod%2F%2A")
  }

  func testDoesNotFollowRedirectsOrKeepCookies() throws {
    let (server, handler, client) = try serve { request in
      if request.path.hasSuffix("/groups/old") {
        return GitLabEmulator.HTTPResponse(
          status: 301,
          headers: [
            ("Location", "http://127.0.0.1:1/api/v4/groups/9"),
            ("Set-Cookie", "session=abc; Path=/"),
          ])
      }
      return GitLabEmulator.HTTPResponse(
        status: 200, body: Data(#"{"id":1,"username":"root","name":"R"}"#.utf8))
    }
    defer { server.stop() }
    let failure = gitLabError { try client.group(.path("old")) }
    XCTAssertEqual(failure?.code, .unexpectedStatus)
    XCTAssertEqual(failure?.status, 301)
    _ = try client.currentUser()
    XCTAssertEqual(handler.requests.map(\.path), ["/api/v4/groups/old", "/api/v4/user"])
    XCTAssertNil(handler.requests.last?.header("Cookie"))
  }

  func testARefusedConnectionIsReportedAsSuch() throws {
    let server = try RunningEmulator(
      handler: RecordingHandler { _ in GitLabEmulator.HTTPResponse(status: 200) })
    let url = server.rootURL.absoluteString
    server.stop()
    let connection = try GitLabConnection(baseURL: url, token: SecretValue("t"), clientVersion: "1")
    let transport = try URLSessionTransport(connection: connection)
    let request = GitLabRequest(method: .get, url: connection.apiBaseURL, route: "/")
    XCTAssertThrowsError(try transport.send(request)) { error in
      XCTAssertEqual((error as? TransportFailure)?.kind, .couldNotConnect)
    }
  }

  func testURLErrorsMapToTheKindsTheRetryRulesNeed() {
    let cases: [(URLError.Code, TransportFailure.Kind)] = [
      (.cannotConnectToHost, .couldNotConnect), (.cannotFindHost, .hostNotFound),
      (.timedOut, .timedOut), (.networkConnectionLost, .connectionLost),
      (.badServerResponse, .noResponse), (.serverCertificateUntrusted, .tlsFailure),
      (.unknown, .connectionLost), (.badURL, .other),
    ]
    for (code, kind) in cases {
      XCTAssertEqual(URLSessionTransport.failure(for: URLError(code)).kind, kind, "\(code)")
    }
  }
}
