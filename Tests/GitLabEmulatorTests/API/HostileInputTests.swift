import XCTest

@testable import GitLabEmulator

/// Bad input never crashes the API: every route is called with odd path values, odd query
/// values and bodies of every JSON type for the parameters handlers read. Each answer must be
/// a well-formed HTTP status with a JSON (or empty, or raw state) body.
final class HostileInputTests: XCTestCase {
  static let oddValues: [String] = [
    "", "0", "-1", "1", "2", "9223372036854775807", "99999999999999999999", "abc", "%ZZ", "%00",
    "a%2Fb", "1e400", "null", "[]", "{}", "2026-02-30", "2026-11-24T25:61:00Z", "ü", "self",
  ]
  static let bodyKeys = [
    "name", "scopes", "expires_at", "description", "access_level", "user_id", "page", "per_page",
    "state", "revoked", "key", "value", "masked", "raw", "hidden", "masked_and_hidden",
    "environment_scope", "variable_type", "filter", "ID", "Operation", "serial", "parent_id",
    "namespace_id", "username", "email", "password", "admin", "sort", "search",
  ]
  static let bodyValues = [
    "null", "true", "0", "-5", "1.5", "1e308", "\"\"", "\"x\"", "[]", "[1,{}]", "{}",
    #"{"environment_scope":[1]}"#, "9223372036854775807",
  ]

  func testEveryRouteSurvivesOddInput() throws {
    var configuration = EmulatorConfiguration()
    configuration.now = Timestamp.parse("2026-11-24T08:00:00Z")
    let api = try GitLabAPI(configuration: configuration)
    let root = [(name: "PRIVATE-TOKEN", value: configuration.rootToken)]
    // Something to find: a user, a project, a group, a token.
    for (path, body) in [
      ("/api/v4/users", #"{"username":"u","name":"U","email":"u@x","password":"p"}"#),
      ("/api/v4/projects", #"{"name":"p"}"#), ("/api/v4/groups", #"{"name":"g","path":"g"}"#),
      ("/api/v4/projects/1/access_tokens", #"{"name":"t","scopes":["api"]}"#),
    ] {
      _ = api.handle(HTTPRequest(
        method: "POST", path: path, query: nil,
        headers: root + [(name: "Content-Type", value: "application/json")], body: Data(body.utf8)))
    }
    var count = 0
    for route in GitLabAPI.allRoutes {
      for (index, value) in HostileInputTests.oddValues.enumerated() {
        let path = route.template.split(separator: "/", omittingEmptySubsequences: false)
          .map { $0.hasPrefix(":") ? value : String($0) }.joined(separator: "/")
        let key = HostileInputTests.bodyKeys[index % HostileInputTests.bodyKeys.count]
        let bodyValue = HostileInputTests.bodyValues[index % HostileInputTests.bodyValues.count]
        let bodies = [#"{"\#(key)":\#(bodyValue)}"#, "\(key)[]=\(value)&\(key)=1", "{\"a\":"]
        for body in bodies {
          let response = api.handle(HTTPRequest(
            method: route.method, path: path, query: "\(key)=\(value)&per_page=\(value)",
            headers: root + [(name: "Content-Type", value: body.hasPrefix("{") ? "application/json" : "application/x-www-form-urlencoded")],
            body: Data(body.utf8)))
          count += 1
          XCTAssertTrue((200...599).contains(response.status), "\(route.key) \(path)")
          if response.status >= 400, response.status != 429 {
            XCTAssertNotNil(try? JSONParser.parse(response.body), "\(route.key): \(response.status)")
          }
        }
      }
    }
    XCTAssertGreaterThan(count, 1000)
  }
}
