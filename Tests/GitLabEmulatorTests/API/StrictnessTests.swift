import Foundation
import XCTest

@testable import GitLabEmulator

/// What GitLab refuses and the emulator once allowed: bots creating projects or their own
/// tokens, non-admins finding users by private e-mail; and form parsing that stays linear.
final class StrictnessTests: APITestCase {
  /// A project access token's bot: (bot user id, its token).
  private func projectBot() -> (id: Int, token: String) {
    let project = createProject("app")
    let response = send(
      "POST", "/api/v4/projects/\(project)/access_tokens",
      json: #"{"name":"ci","scopes":["api"],"access_level":40}"#)
    XCTAssertEqual(response.status, 201, response.text)
    return (response.json?["user_id"]?.intValue ?? 0, response.json?["token"]?.stringValue ?? "")
  }

  func testAProjectBotCannotCreateProjectsInItsOwnNamespace() {
    let bot = projectBot()
    let namespace = send("GET", "/api/v4/user", token: bot.token).json?["namespace_id"]
    expect(
      send("POST", "/api/v4/projects", token: bot.token, json: #"{"name":"escape"}"#), 400,
      #"{"message":{"namespace":["is not valid"]}}"#)
    if case .int(let id)? = namespace {
      expect(
        send("POST", "/api/v4/projects", token: bot.token, json: #"{"name":"escape","namespace_id":\#(id)}"#),
        400, #"{"message":{"namespace":["is not valid"]}}"#)
    }
    XCTAssertEqual(send("GET", "/api/v4/projects").json?.arrayValue?.count, 1)
  }

  func testAProjectBotCannotCreateItsOwnPersonalTokens() {
    let bot = projectBot()
    expect(
      send("POST", "/api/v4/user/personal_access_tokens", token: bot.token,
        json: #"{"name":"mine","scopes":["k8s_proxy"]}"#),
      422, #"{"message":"Not permitted to create"}"#)
    XCTAssertEqual(
      send("GET", "/api/v4/personal_access_tokens?user_id=\(bot.id)").json?.arrayValue?.count, 1)
    // A human still may.
    let alice = userWithToken("alice")
    expect(
      send("POST", "/api/v4/user/personal_access_tokens", token: alice.token,
        json: #"{"name":"mine","scopes":["k8s_proxy"]}"#), 201)
  }

  func testUserSearchMatchesPrivateEmailsOnlyForAdministrators() {
    createUser("carol")  // e-mail carol@example.com
    let dave = userWithToken("dave")
    let usernames: (Response) -> [String] = {
      ($0.json?.arrayValue ?? []).compactMap { $0["username"]?.stringValue }
    }
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=carol@example.com", token: dave.token)), [])
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=example.com", token: dave.token)), [])
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=caro", token: dave.token)), ["carol"])
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=CAROL@example.com")), ["carol"])
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=example.com")), [], "exact only")
    let carol = send("GET", "/api/v4/users?username=carol").json?.arrayValue?.first?["id"]?.intValue ?? 0
    // Only confirmed secondary addresses match (`with_primary_or_secondary_email`).
    expect(send("POST", "/api/v4/users/\(carol)/emails", json: #"{"email":"c.ops@example.org"}"#), 201)
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=c.ops@example.org")), [], "unconfirmed")
    expect(send("POST", "/api/v4/users/\(carol)/emails",
      json: #"{"email":"c.dev@example.org","skip_confirmation":true}"#), 201)
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=c.dev@example.org")), ["carol"])
    XCTAssertEqual(usernames(send("GET", "/api/v4/users?search=c.dev@example.org", token: dave.token)), [])
  }

  func testAHundredThousandFormFieldsParseInLinearTime() {
    var form = (0..<50_000).map { "field\($0)=v\($0)" }
    form += (0..<50_000).map { "scopes[]=s\($0)" }
    let body = form.joined(separator: "&")
    let start = Date()
    let parameters = try? Parameters(
      query: nil, body: Data(body.utf8), contentType: "application/x-www-form-urlencoded",
      includeBody: true)
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertEqual(parameters?["field49999"], .string("v49999"))
    XCTAssertEqual(parameters?["scopes"]?.arrayValue?.count, 50_000)
    XCTAssertEqual(parameters?["scopes"]?.arrayValue?.last, .string("s49999"))
    XCTAssertLessThan(elapsed, 1, "100,000 fields took \(elapsed) s")
    // And over HTTP, through the whole request path.
    let httpStart = Date()
    expect(send("POST", "/api/v4/users/1/personal_access_tokens", form: body), 400,
      #"{"error":"name is missing"}"#)
    XCTAssertLessThan(Date().timeIntervalSince(httpStart), 2)
  }

  func testARepeatedFieldKeepsTheLastValue() throws {
    let parameters = try Parameters(
      query: "a=1&b=2&a=3", body: Data("b=4&c[]=x&c[]=y".utf8),
      contentType: "application/x-www-form-urlencoded", includeBody: true)
    XCTAssertEqual(parameters["a"], .string("3"))
    XCTAssertEqual(parameters["b"], .string("4"))
    XCTAssertEqual(parameters["c"], .array([.string("x"), .string("y")]))
  }
}
