import Foundation
import GitLabEmulator
import XCTest

@testable import GitformCore

/// A GitLab emulator running in this process on a loopback port, with a root client.
///
/// The fixture sets the scene (users, groups, projects) and reads server-side state through the
/// emulator's own routes and control routes over HTTP, never through the client under test's
/// endpoint methods, so a client bug cannot vouch for itself.
final class EmulatorFixture: @unchecked Sendable {  // immutable after init
  static let rootToken = "glpat-emulator-root-token"
  let emulator: RunningEmulator
  let client: GitLabClient
  private let transport: any HTTPTransport

  /// `realClock` lets the emulator's clock follow real time (rate-limit windows then pass);
  /// `failRate` and `failSeed` are the command line's `-fail-rate` and `-fail-seed`.
  init(
    latencyMilliseconds: Int = 0, rateLimitPerMinute: Int? = nil, failRate: Double = 0,
    failSeed: UInt64 = 1, realClock: Bool = false
  ) throws {
    var configuration = EmulatorConfiguration()
    configuration.now = realClock ? nil : GitLabJSON.parseTimestamp("2026-06-01T12:00:00Z")
    configuration.latencyMilliseconds = latencyMilliseconds
    configuration.rateLimitPerMinute = rateLimitPerMinute
    configuration.failRate = failRate
    configuration.failSeed = failSeed
    emulator = try RunningEmulator(configuration: configuration)
    let connection = try GitLabConnection(
      baseURL: emulator.rootURL.absoluteString, token: SecretValue(EmulatorFixture.rootToken),
      clientVersion: "0.0.0-test", requestTimeout: 10)
    transport = try GitLabClient.productionTransport(for: connection)
    client = GitLabClient(
      connection: connection, transport: transport,
      retryPolicy: RetryPolicy(maximumAttempts: 3, baseDelay: 0.01, maximumDelay: 0.05))
  }

  func stop() {
    emulator.stop()
  }

  /// A client for the same emulator authenticating with `token`.
  func client(token: SecretValue) -> GitLabClient {
    client.authenticating(with: token)
  }

  // MARK: - Raw HTTP, independent of the client's endpoint methods

  /// Sends `method path` (path under the emulator's root, e.g. `/api/v4/users`) as root and
  /// returns the status and the parsed JSON body (nil when empty).
  @discardableResult
  func raw(
    _ method: GitLabRequest.Method, _ path: String, _ body: [String: Any]? = nil,
    token: String = EmulatorFixture.rootToken
  ) throws -> (status: Int, json: Any?) {
    let url = try XCTUnwrap(URL(string: emulator.rootURL.absoluteString + path))
    let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
    let request = GitLabRequest(
      method: method, url: url, route: path, headers: ["Content-Type": "application/json"],
      token: SecretValue(token), body: data, timeout: 10)
    let response = try transport.send(request)
    let json =
      response.body.isEmpty
      ? nil : try JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])
    return (response.status, json)
  }

  /// A JSON object answer's field, failing the test when the answer is not an object.
  func field(_ answer: (status: Int, json: Any?), _ name: String) throws -> Any? {
    try XCTUnwrap(
      answer.json as? [String: Any], "not an object: \(String(describing: answer.json))")[name]
  }

  func createUser(_ username: String) throws -> Int {
    let answer = try raw(
      .post, "/api/v4/users",
      [
        "username": username, "name": username.capitalized, "email": "\(username)@example.com",
        "password": "correct-horse-battery",
      ])
    XCTAssertEqual(answer.status, 201)
    return try XCTUnwrap(field(answer, "id") as? Int)
  }

  func createGroup(_ path: String) throws -> Int {
    let answer = try raw(.post, "/api/v4/groups", ["name": path.capitalized, "path": path])
    XCTAssertEqual(answer.status, 201)
    return try XCTUnwrap(field(answer, "id") as? Int)
  }

  func createProject(_ path: String, inGroup groupID: Int) throws -> Int {
    let answer = try raw(
      .post, "/api/v4/projects", ["name": path, "path": path, "namespace_id": groupID])
    XCTAssertEqual(answer.status, 201)
    return try XCTUnwrap(field(answer, "id") as? Int)
  }

  /// `GET /-/emulator/stats`' count for one route, e.g. `GET /api/v4/personal_access_tokens`.
  func requestCount(_ route: String) throws -> Int {
    let stats = try raw(.get, "/-/emulator/stats")
    let routes = try XCTUnwrap(field(stats, "routes") as? [String: Any])
    return routes[route] as? Int ?? 0
  }

  func resetStats() throws {
    XCTAssertEqual(try raw(.delete, "/-/emulator/stats").status, 204)
  }

  /// Scripts the emulator's next `times` requests to `method template` (DESIGN.md's faults).
  func fault(_ method: String, _ template: String, times: Int = 1, _ action: [String: Any]) throws {
    var body: [String: Any] = ["method": method, "path": template, "times": times]
    body.merge(action) { $1 }
    let answer = try raw(.post, "/-/emulator/faults", body)
    XCTAssertTrue((200..<300).contains(answer.status), "fault not accepted: \(answer)")
  }
}
