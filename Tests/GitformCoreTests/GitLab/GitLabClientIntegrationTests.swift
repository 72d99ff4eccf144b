import Foundation
import XCTest

@testable import GitformCore

/// The client against the real emulator over loopback HTTP: every endpoint, with server-side
/// state checked through the emulator's own routes.
final class GitLabClientIntegrationTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var client: GitLabClient { fixture.client }
  private let expiry = CalendarDate("2026-12-31")

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
  }

  override func tearDown() {
    fixture?.stop()
  }

  func testUsersProjectsAndGroups() throws {
    let root = try client.currentUser()
    XCTAssertEqual(root.id, 1)
    XCTAssertEqual(root.username, "root")
    XCTAssertTrue(root.isAdmin)
    let aliceID = try fixture.createUser("alice")
    XCTAssertEqual(try client.user(id: aliceID).username, "alice")
    XCTAssertEqual(try client.user(username: "ALICE").id, aliceID)
    XCTAssertEqual(gitLabError { try client.user(username: "nobody") }?.code, .notFound)

    let groupID = try fixture.createGroup("platform")
    let projectID = try fixture.createProject("my.app", inGroup: groupID)
    let byPath = try client.project(.path("platform/my.app"))
    XCTAssertEqual(byPath.id, projectID)
    XCTAssertEqual(byPath.pathWithNamespace, "platform/my.app")
    XCTAssertEqual(try client.project(GitLabReference(String(projectID))), byPath)
    XCTAssertEqual(try client.group(.path("platform")).id, groupID)
    XCTAssertEqual(try client.group(.id(groupID)).fullPath, "platform")

    let missing = gitLabError { try client.project(.path("platform/none")) }
    XCTAssertEqual(missing?.code, .notFound)
    XCTAssertEqual(
      missing?.message,
      "GitLab found nothing for GET /projects/:id (HTTP 404: 404 Project Not Found). Check the "
        + "id, path or key, and that the token's user can see it.")
  }

  func testPersonalAccessTokenLifecycle() throws {
    let userID = try fixture.createUser("bot")
    let created = try client.createPersonalAccessToken(
      userID: userID,
      NewAccessToken(name: "ci", scopes: ["api"], description: "for CI", expiresAt: expiry))
    XCTAssertEqual(created.record.userID, userID)
    XCTAssertEqual(created.record.scopes, ["api"])
    XCTAssertEqual(created.record.description, "for CI")
    XCTAssertEqual(created.record.expiresAt, expiry)
    XCTAssertTrue(created.token.reveal().hasPrefix("glpat-"))

    // The value works, and GitLab says it is that token.
    let asBot = fixture.client(token: created.token)
    XCTAssertEqual(try asBot.currentUser().id, userID)
    XCTAssertFalse(try asBot.currentUser().isAdmin)
    XCTAssertEqual(try asBot.currentPersonalAccessToken().id, created.record.id)

    XCTAssertEqual(try client.personalAccessTokens(userID: userID).map(\.id), [created.record.id])
    XCTAssertEqual(try client.personalAccessToken(id: created.record.id).name, "ci")

    let rotated = try client.rotatePersonalAccessToken(
      id: created.record.id, expiresAt: CalendarDate("2026-09-01"))
    XCTAssertNotEqual(rotated.record.id, created.record.id)
    XCTAssertNotEqual(rotated.token, created.token)
    XCTAssertEqual(rotated.record.expiresAt, CalendarDate("2026-09-01"))
    let old = try fixture.raw(.get, "/api/v4/personal_access_tokens/\(created.record.id)")
    XCTAssertEqual(try fixture.field(old, "revoked") as? Bool, true)

    let selfRotated = try fixture.client(token: rotated.token).rotateCurrentPersonalAccessToken()
    XCTAssertEqual(selfRotated.record.expiresAt, CalendarDate("2026-06-08"))  // today + 7 days
    XCTAssertEqual(
      try fixture.client(token: selfRotated.token).currentPersonalAccessToken().id,
      selfRotated.record.id)

    try client.revokePersonalAccessToken(id: selfRotated.record.id)
    try client.revokePersonalAccessToken(id: selfRotated.record.id)  // idempotent: 204 again
    let revoked = try fixture.raw(.get, "/api/v4/personal_access_tokens/\(selfRotated.record.id)")
    XCTAssertEqual(try fixture.field(revoked, "revoked") as? Bool, true)
    XCTAssertEqual(try client.personalAccessToken(id: selfRotated.record.id).active, false)
    XCTAssertEqual(try client.personalAccessTokens(userID: userID).count, 3)
  }

  func testImpersonationTokenLifecycle() throws {
    let userID = try fixture.createUser("carol")
    let created = try client.createImpersonationToken(
      userID: userID, NewAccessToken(name: "imp", scopes: ["read_user"], expiresAt: expiry))
    XCTAssertEqual(created.record.impersonation, true)
    XCTAssertEqual(try fixture.client(token: created.token).currentUser().id, userID)
    XCTAssertEqual(try client.impersonationTokens(userID: userID).map(\.id), [created.record.id])
    XCTAssertEqual(try client.impersonationToken(userID: userID, id: created.record.id).name, "imp")
    try client.revokeImpersonationToken(userID: userID, id: created.record.id)
    let server = try fixture.raw(
      .get, "/api/v4/users/\(userID)/impersonation_tokens/\(created.record.id)")
    XCTAssertEqual(try fixture.field(server, "revoked") as? Bool, true)
    XCTAssertEqual(try client.impersonationTokens(userID: userID).map(\.revoked), [true])
  }

  func testProjectAndGroupAccessTokenLifecycles() throws {
    let groupID = try fixture.createGroup("infra")
    _ = try fixture.createProject("deploy", inGroup: groupID)
    for resource in [AccessTokenResource.project(.path("infra/deploy")), .group(.id(groupID))] {
      let created = try client.createResourceAccessToken(
        of: resource,
        NewAccessToken(
          name: "deployer", scopes: ["api"], expiresAt: expiry, accessLevel: .developer))
      XCTAssertEqual(created.record.accessLevel, 30)
      let bot = try client.user(id: created.record.userID)
      XCTAssertTrue(bot.isBot, "\(resource)")
      XCTAssertEqual(try client.resourceAccessTokens(of: resource).map(\.id), [created.record.id])
      XCTAssertEqual(
        try client.resourceAccessToken(of: resource, id: created.record.id).name, "deployer")

      let rotated = try client.rotateResourceAccessToken(of: resource, id: created.record.id)
      XCTAssertEqual(rotated.record.userID, created.record.userID, "rotation keeps the bot user")
      XCTAssertEqual(rotated.record.expiresAt, CalendarDate("2026-06-08"))
      let selfRotated = try fixture.client(token: rotated.token)
        .rotateCurrentResourceAccessToken(of: resource, expiresAt: CalendarDate("2026-07-01"))
      XCTAssertEqual(selfRotated.record.expiresAt, CalendarDate("2026-07-01"))

      try client.revokeResourceAccessToken(of: resource, id: selfRotated.record.id)
      let states = try client.resourceAccessTokens(of: resource).map { "\($0.id):\($0.revoked)" }
      XCTAssertEqual(
        states,
        [created.record.id, rotated.record.id, selfRotated.record.id].map { "\($0):true" })
    }
  }

  func testProjectVariables() throws {
    let groupID = try fixture.createGroup("apps")
    let projectID = try fixture.createProject("web", inGroup: groupID)
    let project = GitLabReference.path("apps/web")
    let created = try client.createProjectVariable(
      project: project, key: "DEPLOY_TOKEN",
      VariableSettings(
        value: SecretValue("glpat-abcdefgh12345"), protected: true, masked: true,
        environmentScope: "production", description: "deploys"))
    XCTAssertEqual(
      created,
      GitLabVariable(
        key: "DEPLOY_TOKEN", value: SecretValue("glpat-abcdefgh12345"), protected: true,
        masked: true, environmentScope: "production", description: "deploys"))
    _ = try client.createProjectVariable(
      project: .id(projectID), key: "DEPLOY_TOKEN",
      VariableSettings(value: SecretValue("staging-value"), environmentScope: "staging"))

    let ambiguous = gitLabError {
      try client.projectVariable(project: project, key: "DEPLOY_TOKEN")
    }
    XCTAssertEqual(ambiguous?.code, .conflict)
    XCTAssertEqual(
      try client.projectVariable(project: project, key: "DEPLOY_TOKEN", environmentScope: "staging")
        .value?.reveal(), "staging-value")

    let updated = try client.updateProjectVariable(
      project: project, key: "DEPLOY_TOKEN", environmentScope: "staging",
      VariableSettings(value: SecretValue("new-staging"), variableType: .file))
    XCTAssertEqual(updated.variableType, .file)
    let server = try fixture.raw(
      .get,
      "/api/v4/projects/\(projectID)/variables/DEPLOY_TOKEN?filter%5Benvironment_scope%5D=staging")
    XCTAssertEqual(try fixture.field(server, "value") as? String, "new-staging")

    let hidden = try client.createProjectVariable(
      project: project, key: "HIDDEN",
      VariableSettings(value: SecretValue("abcdefgh12"), hidden: true))
    XCTAssertTrue(hidden.hidden)
    XCTAssertTrue(hidden.masked)
    XCTAssertNil(hidden.value)

    XCTAssertEqual(
      try client.projectVariables(project: project).map { "\($0.key)/\($0.environmentScope)" },
      ["DEPLOY_TOKEN/production", "DEPLOY_TOKEN/staging", "HIDDEN/*"])
    try client.deleteProjectVariable(
      project: project, key: "DEPLOY_TOKEN", environmentScope: "staging")
    let gone = gitLabError {
      try client.projectVariable(project: project, key: "DEPLOY_TOKEN", environmentScope: "staging")
    }
    XCTAssertEqual(gone?.code, .notFound)
    XCTAssertEqual(gone?.gitLabMessage, "404 Variable Not Found")

    let duplicate = gitLabError {
      try client.createProjectVariable(
        project: project, key: "HIDDEN", VariableSettings(value: SecretValue("xyz")))
    }
    XCTAssertEqual(duplicate?.code, .badRequest)
    XCTAssertEqual(duplicate?.fieldErrors, ["key": ["(HIDDEN) has already been taken"]])
  }

  func testRefreshReadsOneRequestPerPage() throws {
    let userID = try fixture.createUser("many")
    for index in 1...205 {
      _ = try client.createPersonalAccessToken(
        userID: userID, NewAccessToken(name: "t\(index)", scopes: ["read_api"], expiresAt: expiry))
    }
    try fixture.resetStats()
    let tokens = try client.personalAccessTokens(userID: userID)
    XCTAssertEqual(tokens.map(\.name), (1...205).map { "t\($0)" })
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/personal_access_tokens"), 3)
  }
}

/// The synchronous client gives the apply engine real parallelism: requests from ten threads
/// overlap on the wire instead of queueing behind each other.
final class GitLabClientParallelismTests: XCTestCase {
  func testTenThreadsOverlapTheirRequests() throws {
    let fixture = try EmulatorFixture(latencyMilliseconds: 50)
    defer { fixture.stop() }
    let client = fixture.client
    let start = Date()
    let finished = DispatchGroup()
    let failures = SleepRecorder()  // counts failed requests, thread-safely
    for _ in 0..<10 {
      finished.enter()
      Thread {
        for _ in 0..<4 where (try? client.currentUser().id) != 1 { failures.sleep(1) }
        finished.leave()
      }.start()
    }
    finished.wait()
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertEqual(failures.waits.count, 0)
    // Serially 40 × 50 ms = 2 s; ten threads at once about 0.2 s (bound loose for a busy CI).
    XCTAssertLessThan(elapsed, 1.5, "40 requests with 50 ms latency took \(elapsed) s")
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/user"), 40)
  }
}
