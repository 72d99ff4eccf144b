import Foundation
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import GitLabEmulator

/// Base class of the API contract tests: every test talks real HTTP (URLSession) to a
/// `RunningEmulator` serving a fresh `GitLabAPI` on a loopback port, with the clock fixed at
/// 2026-11-24T08:00:00Z so timestamps and expiry dates are exact.
class APITestCase: XCTestCase {
  static let root = "glpat-emulator-root-token"
  static let start = "2026-11-24T08:00:00.000Z"

  var emulator: RunningEmulator!
  var api: GitLabAPI!
  var session: URLSession!

  /// Override to change the emulator's configuration for a test class.
  func makeConfiguration() -> EmulatorConfiguration {
    var configuration = EmulatorConfiguration()
    configuration.now = Timestamp.parse("2026-11-24T08:00:00Z")
    return configuration
  }

  override func setUpWithError() throws {
    try startEmulator(makeConfiguration())
  }

  func startEmulator(_ configuration: EmulatorConfiguration) throws {
    api = try GitLabAPI(configuration: configuration)
    emulator = try RunningEmulator(handler: api, configuration: configuration)
    session = URLSession(configuration: .ephemeral)
  }

  override func tearDown() {
    session?.invalidateAndCancel()
    emulator?.stop()
  }

  struct Response {
    var status: Int
    var headers: [String: String]
    var body: Data
    /// Nil when the connection was dropped without a response.
    var error: Error?

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: JSONValue? { try? JSONParser.parse(body) }
    func header(_ name: String) -> String? {
      headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
  }

  /// Sends one request over HTTP. `path` starts with `/` (e.g. `/api/v4/user`) and may carry
  /// a query; `token` goes in `PRIVATE-TOKEN` (nil sends none).
  @discardableResult
  func send(
    _ method: String, _ path: String, token: String? = APITestCase.root, json: String? = nil,
    form: String? = nil, headers: [String: String] = [:], session: URLSession? = nil
  ) -> Response {
    guard let url = URL(string: emulator.rootURL.absoluteString + path) else {
      XCTFail("bad URL \(path)")
      return Response(status: 0, headers: [:], body: Data())
    }
    var request = URLRequest(url: url)
    request.httpMethod = method
    if let token { request.setValue(token, forHTTPHeaderField: "PRIVATE-TOKEN") }
    if let json {
      request.httpBody = Data(json.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let form {
      request.httpBody = Data(form.utf8)
      request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
    }
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    let done = DispatchSemaphore(value: 0)
    let box = ResponseBox()
    let task = (session ?? self.session).dataTask(with: request) { data, response, error in
      let http = response as? HTTPURLResponse
      var headers: [String: String] = [:]
      for (key, value) in http?.allHeaderFields ?? [:] {
        headers["\(key)"] = "\(value)"
      }
      box.response = Response(
        status: http?.statusCode ?? 0, headers: headers, body: data ?? Data(), error: error)
      done.signal()
    }
    task.resume()
    if done.wait(timeout: .now() + 20) == .timedOut { XCTFail("\(method) \(path) timed out") }
    return box.response
  }

  /// Carries the response out of URLSession's completion handler.
  private final class ResponseBox: @unchecked Sendable {
    var response = Response(status: 0, headers: [:], body: Data())
  }

  /// Asserts status and exact JSON body text.
  func expect(
    _ response: Response, _ status: Int, _ body: String? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertEqual(response.status, status, response.text, file: file, line: line)
    if let body { XCTAssertEqual(response.text, body, file: file, line: line) }
  }

  // MARK: - Fixtures

  /// Creates a user as root; returns its id.
  @discardableResult
  func createUser(_ username: String, admin: Bool = false) -> Int {
    let response = send(
      "POST", "/api/v4/users",
      json: #"{"username":"\#(username)","name":"\#(username.capitalized)","email":"\#(username)@example.com","password":"secret-password","admin":\#(admin),"skip_confirmation":true}"#)
    XCTAssertEqual(response.status, 201, response.text)
    return response.json?["id"]?.intValue ?? 0
  }

  /// Creates a personal access token for `userID` as root; returns (id, secret).
  @discardableResult
  func createToken(
    for userID: Int, scopes: [String] = ["api"], name: String = "t", expiresAt: String? = nil
  ) -> (id: Int, token: String) {
    let scopeList = scopes.map { "\"\($0)\"" }.joined(separator: ",")
    let expiry = expiresAt.map { #","expires_at":"\#($0)""# } ?? ""
    let response = send(
      "POST", "/api/v4/users/\(userID)/personal_access_tokens",
      json: #"{"name":"\#(name)","scopes":[\#(scopeList)]\#(expiry)}"#)
    XCTAssertEqual(response.status, 201, response.text)
    return (response.json?["id"]?.intValue ?? 0, response.json?["token"]?.stringValue ?? "")
  }

  /// A user with an `api` token: (user id, token).
  func userWithToken(_ username: String, admin: Bool = false) -> (id: Int, token: String) {
    let id = createUser(username, admin: admin)
    return (id, createToken(for: id).token)
  }

  @discardableResult
  func createGroup(_ path: String, parent: Int? = nil, token: String = APITestCase.root) -> Int {
    let parentField = parent.map { #","parent_id":\#($0)"# } ?? ""
    let response = send(
      "POST", "/api/v4/groups", token: token,
      json: #"{"name":"\#(path.capitalized)","path":"\#(path)"\#(parentField)}"#)
    XCTAssertEqual(response.status, 201, response.text)
    return response.json?["id"]?.intValue ?? 0
  }

  @discardableResult
  func createProject(_ name: String, namespace: Int? = nil, token: String = APITestCase.root)
    -> Int
  {
    let namespaceField = namespace.map { #","namespace_id":\#($0)"# } ?? ""
    let response = send(
      "POST", "/api/v4/projects", token: token, json: #"{"name":"\#(name)"\#(namespaceField)}"#)
    XCTAssertEqual(response.status, 201, response.text)
    return response.json?["id"]?.intValue ?? 0
  }

  func addMember(_ userID: Int, to resource: String, level: Int) {
    let response = send(
      "POST", "/api/v4/\(resource)/members", json: #"{"user_id":\#(userID),"access_level":\#(level)}"#)
    XCTAssertEqual(response.status, 201, response.text)
  }

  /// Moves the emulator clock forward.
  func advanceClock(days: Int) {
    let response = send(
      "POST", "/-/emulator/clock", json: #"{"advance_seconds":\#(days * 86_400)}"#)
    XCTAssertEqual(response.status, 200, response.text)
  }

  /// The keys of a JSON object, in order.
  func keys(_ value: JSONValue?) -> [String] {
    if case .object(let members)? = value { return members.map(\.0) }
    return []
  }
}
