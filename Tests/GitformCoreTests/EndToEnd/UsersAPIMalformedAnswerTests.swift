import Foundation
import XCTest

@testable import GitformCore

/// Answers GitLab's clients cannot read, for the Users API types and group and instance
/// variables: an HTML page, JSON without the fields GitLab sends, fields of the wrong type, and
/// an answer that comes after the request timeout. A refresh fails with a clear error naming the
/// request (exit 1, state unchanged); a create whose answer cannot be read is in doubt, and what
/// GitLab made is adopted, never made twice. No crash, no hang, no secret in the output.
final class UsersAPIMalformedAnswerTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var aliceID = 0
  static let password = "Sw0rdfish-Carrot-77"
  static let value = "s3cr3t-value-for-ci-only"

  /// Each type's refresh route: the object's own when it is the only one of its owner, else
  /// the owner's list (`readAll`).
  static let readRoutes = [
    "user.bot": "/api/v4/users/:id",
    "user_ssh_key.deploy": "/api/v4/users/:id/keys/:key_id",
    "user_email.alias": "/api/v4/users/:id/emails",
    "service_account.group": "/api/v4/groups/:id/service_accounts",
    "group_variable.deploy": "/api/v4/groups/:id/variables/:key",
    "instance_variable.registry": "/api/v4/admin/ci/variables/:key",
  ]

  /// Each type's create route.
  static let createRoutes = [
    "/api/v4/users", "/api/v4/users/:id/keys", "/api/v4/users/:id/emails", "/api/v4/groups/:id/service_accounts",
    "/api/v4/groups/:id/variables", "/api/v4/admin/ci/variables",
  ]

  /// Bodies no GitLab client can read as the object or list it asked for.
  static let bodies: [(name: String, body: String, contentType: String)] = [
    ("html", "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
    ("missing fields", "{}", "application/json"),
    ("missing fields in a list", "[{}]", "application/json"),
    ("wrong types", #"{"id": "seven", "username": 5, "key": [], "email": false, "state": {}}"#, "application/json"),
    ("wrong types in a list", #"[{"id": "seven", "key": 5, "title": null, "email": 1}]"#, "application/json"),
    ("truncated", #"{"id": 7, "username": "dep"#, "application/json"),
  ]

  override func setUpWithError() throws {
    scene = try InProcessCLI("users-malformed")
    aliceID = try fixture.createUser("alice")
    _ = try fixture.createGroup("platform")
    scene.environment["GITFORM_RETRIES"] = "0"
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private var configuration: String {
    """
    resource "user" "bot" {
      username = "deploy-bot"
      name     = "Deploy Bot"
      email    = "deploy-bot@example.com"
      password = "\(UsersAPIMalformedAnswerTests.password)"
    }

    resource "user_ssh_key" "deploy" {
      user_id = \(aliceID)
      title   = "deploy"
      key     = "\(SSHPublicKeyTextTests.ed25519) deploy@laptop"
    }

    resource "user_email" "alias" {
      user_id           = \(aliceID)
      email             = "alice-alias@example.com"
      skip_confirmation = true
    }

    resource "service_account" "group" {
      group    = "platform"
      username = "platform-sa"
    }

    resource "group_variable" "deploy" {
      group  = "platform"
      key    = "DEPLOY_TOKEN"
      value  = "\(UsersAPIMalformedAnswerTests.value)"
      masked = true
    }

    resource "instance_variable" "registry" {
      key   = "REGISTRY_TOKEN"
      value = "\(UsersAPIMalformedAnswerTests.value)"
    }

    """
  }

  private var stateText: String {
    (try? String(contentsOf: scene.directory.appendingPathComponent("gitform.tfstate"), encoding: .utf8)) ?? ""
  }

  /// Runs `arguments`, expecting `code`; the output never shows a secret. Lines joined.
  @discardableResult
  private func run(_ arguments: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    let text = result.out + result.err
    XCTAssertEqual(result.code, code, "\(arguments): \(text)", file: file, line: line)
    for secret in [UsersAPIMalformedAnswerTests.password, UsersAPIMalformedAnswerTests.value] {
      XCTAssertFalse(text.contains(secret), "a secret shown by \(arguments)", file: file, line: line)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private func list(_ path: String) throws -> [[String: Any]] {
    try XCTUnwrap(try fixture.raw(.get, path).json as? [[String: Any]], path)
  }

  /// One object of each kind in GitLab and in the state, and nothing left to do.
  private func assertOneOfEach(file: StaticString = #filePath, line: UInt = #line) throws {
    let users = try list("/api/v4/users?per_page=100").compactMap { $0["username"] as? String }
    XCTAssertEqual(users.filter { $0 == "deploy-bot" || $0 == "platform-sa" }.sorted(), ["deploy-bot", "platform-sa"], file: file, line: line)
    XCTAssertEqual(try list("/api/v4/users/\(aliceID)/keys").count, 1, file: file, line: line)
    XCTAssertEqual(try list("/api/v4/users/\(aliceID)/emails").count, 2, "primary and alias", file: file, line: line)
    XCTAssertEqual(try list("/api/v4/groups/platform/variables").count, 1, file: file, line: line)
    XCTAssertEqual(try list("/api/v4/admin/ci/variables").count, 1, file: file, line: line)
    XCTAssertEqual(run(["state", "list"], file: file, line: line).split(separator: " ").count, 6, file: file, line: line)
    XCTAssertTrue(run(["plan"], file: file, line: line).contains("No changes."), file: file, line: line)
  }

  func testUnreadableRefreshAnswersFailThePlanWithTheRequestNamed() throws {
    try scene.write(configuration)
    run(["apply", "-auto-approve"])
    let before = stateText
    for (address, route) in UsersAPIMalformedAnswerTests.readRoutes.sorted(by: { $0.key < $1.key }) {
      for answer in UsersAPIMalformedAnswerTests.bodies {
        try fixture.fault("GET", route, ["replace_body": answer.body, "content_type": answer.contentType])
        let failed = run(["plan", "-parallelism=1"], code: 1)
        let request = "GET " + route.replacingOccurrences(of: "/api/v4", with: "")
        XCTAssertTrue(failed.contains("Error: Failed to refresh \(address)"), "\(address), \(answer.name): \(failed)")
        XCTAssertTrue(
          failed.contains("GitLab's answer to \(request) (HTTP 200) could not be read"), "\(address), \(answer.name): \(failed)")
        XCTAssertEqual(stateText, before, "\(address), \(answer.name): the state is unchanged")
        try fixture.raw(.delete, "/-/emulator/faults")
      }
    }
    XCTAssertTrue(run(["plan"]).contains("No changes."))
  }

  func testUnreadableCreateAnswersAreAdoptedNotMadeTwice() throws {
    try scene.write(configuration)
    for (index, route) in UsersAPIMalformedAnswerTests.createRoutes.enumerated() {
      let answer = UsersAPIMalformedAnswerTests.bodies[index % UsersAPIMalformedAnswerTests.bodies.count]
      try fixture.fault("POST", route, ["replace_body": answer.body, "content_type": answer.contentType])
    }
    // No retries: every create stays in doubt, and the next plan adopts what GitLab made.
    let failed = run(["apply", "-auto-approve"], code: 1)
    XCTAssertTrue(failed.contains("GitLab may have created it."), failed)
    XCTAssertTrue(failed.contains("it answered HTTP 201 but the answer could not be read"), failed)
    // Nothing these creates make carries a value GitLab sends once.
    XCTAssertFalse(failed.contains("token's value is lost"), failed)
    XCTAssertFalse(failed.contains("Dictionary<"), failed)
    let plan = run(["plan"])
    XCTAssertTrue(plan.contains("No changes."), plan)
    try assertOneOfEach()
  }

  func testUnreadableCreateAnswersAreAdoptedWithinTheApplyWhenItMayLook() throws {
    scene.environment["GITFORM_RETRIES"] = nil
    try scene.write(configuration)
    for route in UsersAPIMalformedAnswerTests.createRoutes {
      try fixture.fault("POST", route, ["replace_body": "<html>proxy error</html>", "content_type": "text/html"])
    }
    try fixture.resetStats()
    let applied = run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 6 added, 0 changed, 0 destroyed."), applied)
    for route in UsersAPIMalformedAnswerTests.createRoutes {
      XCTAssertEqual(try fixture.requestCount("POST " + route), 1, route)
    }
    try assertOneOfEach()
  }

  func testAnswersAfterTheTimeoutFailTheRefreshAndLeaveCreatesInDoubt() throws {
    scene.environment["GITFORM_REQUEST_TIMEOUT"] = "1"
    try scene.write(configuration)
    // Creates answered after gitform stopped waiting: kept in doubt, never sent again. (The
    // transport notices a stalled POST only some seconds after its timeout, when the upload
    // no longer counts as progress: the stall outlasts that.)
    try fixture.fault("POST", "/api/v4/users", ["delay_ms": 12_000])
    try fixture.fault("POST", "/api/v4/groups/:id/variables", ["delay_ms": 12_000])
    let started = Date()
    let failed = run(["apply", "-auto-approve"], code: 1)
    XCTAssertLessThan(Date().timeIntervalSince(started), 12, "gitform gave up before GitLab answered")
    XCTAssertTrue(failed.contains("Error: Failed to create user.bot"), failed)
    XCTAssertTrue(failed.contains("Error: Failed to create group_variable.deploy"), failed)
    XCTAssertTrue(failed.contains("(timed out)"), failed)
    XCTAssertTrue(failed.contains("GitLab may have created it."), failed)
    Thread.sleep(forTimeInterval: max(0, 12.3 - Date().timeIntervalSince(started)))  // GitLab finishes them.
    try fixture.resetStats()
    XCTAssertTrue(run(["plan"]).contains("No changes."))
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/users"), 0)
    try assertOneOfEach()

    // A refresh that stalls: the plan fails naming the request, the state stays as it was.
    let before = stateText
    try fixture.fault("GET", "/api/v4/users/:id/keys/:key_id", ["delay_ms": 4_000])
    let stalledAt = Date()
    let stalled = run(["plan"], code: 1)
    XCTAssertLessThan(Date().timeIntervalSince(stalledAt), 4, "no waiting out the stall")
    XCTAssertTrue(stalled.contains("Error: Failed to refresh user_ssh_key.deploy"), stalled)
    XCTAssertTrue(stalled.contains("GET /users/:id/keys/:key_id failed: timed out"), stalled)
    XCTAssertEqual(stateText, before)
  }
}
