import Foundation
import XCTest

@testable import GitformCore

/// The Users API methods of the client above the transport seam: the requests they send
/// (routes, bodies, queries) and what a password or variable value in GitLab's echo becomes.
final class GitLabUsersAPITests: XCTestCase {
  static let userJSON = """
    {"id":7,"username":"bot","name":"Bot","state":"active","email":"bot@example.com","is_admin":false,\
    "can_create_group":false,"projects_limit":0,"external":false,"note":null,"namespace_id":12,"bot":false,\
    "created_at":"2026-06-01T12:00:00.000Z","confirmed_at":"2026-06-01T12:00:00.000Z","web_url":"https://g/bot"}
    """

  private func body(_ request: GitLabRequest?) throws -> [String: Any] {
    let data = try XCTUnwrap(request?.body)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  func testCreateSendsTheSettingsAndAnUpdateOnlyWhatIsGiven() throws {
    let transport = FakeTransport([FakeTransport.json(201, Self.userJSON), FakeTransport.json(200, Self.userJSON)])
    let client = try makeClient(transport)
    let created = try client.createUser(
      UserSettings(
        username: "bot", name: "Bot", email: "bot@example.com", password: SecretValue("correct-horse"),
        skipConfirmation: true, projectsLimit: 0))
    XCTAssertEqual(created.namespaceID, 12)
    XCTAssertEqual(created.email, "bot@example.com")
    let sent = try body(transport.requests.first)
    XCTAssertEqual(sent["password"] as? String, "correct-horse")
    XCTAssertEqual(sent["skip_confirmation"] as? Bool, true)
    XCTAssertEqual(sent["projects_limit"] as? Int, 0)
    XCTAssertNil(sent["skip_reconfirmation"])

    _ = try client.updateUser(id: 7, UserSettings(email: "new@example.com", skipConfirmation: true))
    XCTAssertEqual(transport.requests.last?.method, .put)
    XCTAssertEqual(transport.requests.last?.url.path, "/api/v4/users/7")
    let update = try body(transport.requests.last)
    XCTAssertEqual(update.keys.sorted(), ["email", "skip_reconfirmation"], "create-only switches are not sent")
  }

  func testAPasswordGitLabEchoesIsScrubbed() throws {
    let transport = FakeTransport([
      FakeTransport.json(400, #"{"message":{"password":["correct-horse-77 is too common"]}}"#)
    ])
    let client = try makeClient(transport)
    let error = gitLabError {
      try client.createUser(UserSettings(username: "bot", name: "Bot", email: "b@example.com", password: SecretValue("correct-horse-77")))
    }
    XCTAssertEqual(error?.code, .badRequest)
    XCTAssertFalse(String(describing: error).contains("correct-horse-77"))
    XCTAssertTrue(error?.message.contains("(sensitive value) is too common") == true, error?.message ?? "")
  }

  func testDeleteModerationKeysAndEmailsRoutes() throws {
    let key = #"{"id":4,"title":"ci","key":"ssh-ed25519 AAAA Bot (g)","created_at":"2026-06-01T12:00:00.000Z","expires_at":null}"#
    let transport = FakeTransport([
      .respond(GitLabResponse(status: 204, headers: [:], body: Data())),
      FakeTransport.json(201, "null"),
      FakeTransport.json(201, key),
      FakeTransport.json(201, key),
      .respond(GitLabResponse(status: 204, headers: [:], body: Data())),
      FakeTransport.json(201, #"{"id":9,"email":"a@example.com","confirmed_at":null}"#),
    ])
    let client = try makeClient(transport)
    try client.deleteUser(id: 7, hardDelete: true)
    try client.moderateUser(id: 7, .deactivate)
    let added = try client.addSSHKey(userID: 7, NewSSHKey(title: "ci", key: "ssh-ed25519 AAAA", expiresAt: "2027-01-31"))
    XCTAssertEqual(added.usageType, "auth_and_signing", "older GitLab leaves usage_type out")
    _ = try client.addSSHKey(userID: nil, NewSSHKey(title: "ci", key: "ssh-ed25519 AAAA"))
    try client.deleteSSHKey(userID: nil, id: 4)
    let email = try client.addEmail(userID: 7, email: "a@example.com", skipConfirmation: false)
    XCTAssertNil(email.confirmedAt)
    XCTAssertEqual(
      transport.requests.map { "\($0.method.rawValue) \($0.url.path)\($0.url.query.map { "?" + $0 } ?? "")" },
      [
        "DELETE /api/v4/users/7?hard_delete=true", "POST /api/v4/users/7/deactivate", "POST /api/v4/users/7/keys",
        "POST /api/v4/user/keys", "DELETE /api/v4/user/keys/4", "POST /api/v4/users/7/emails",
      ])
    XCTAssertEqual(try body(transport.requests[2])["expires_at"] as? String, "2027-01-31")
    XCTAssertNil(try body(transport.requests[3])["expires_at"])
  }

  func testUserFiltersSendOnlyWhatIsAsked() throws {
    let transport = FakeTransport([FakeTransport.json(200, "[\(Self.userJSON)]")])
    let client = try makeClient(transport)
    var filter = UserFilter()
    filter.active = true
    filter.createdAfter = "2026-01-01"
    XCTAssertEqual(try client.users(filter).map(\.username), ["bot"])
    XCTAssertEqual(
      transport.requests.first?.url.query,
      "order_by=id&sort=asc&active=true&created_after=2026-01-01&per_page=100&page=1")
  }

  func testInstanceVariablesNeverSendAScopeOrHidden() throws {
    let variable = #"{"key":"K","value":"v4lue-secret","variable_type":"env_var","protected":false,"masked":false,"raw":false}"#
    let transport = FakeTransport([FakeTransport.json(201, variable), FakeTransport.json(200, variable)])
    let client = try makeClient(transport)
    let settings = VariableSettings(
      value: SecretValue("v4lue-secret"), masked: true, hidden: true, environmentScope: "production")
    _ = try client.createInstanceVariable(key: "K", settings)
    _ = try client.updateInstanceVariable(key: "K", settings)
    let create = try body(transport.requests[0])
    XCTAssertNil(create["environment_scope"])
    XCTAssertNil(create["masked_and_hidden"])
    XCTAssertEqual(create["key"] as? String, "K")
    XCTAssertNil(try body(transport.requests[1])["environment_scope"])
    XCTAssertEqual(transport.requests.map(\.url.path), ["/api/v4/admin/ci/variables", "/api/v4/admin/ci/variables/K"])
  }
}
