import Foundation
import XCTest

@testable import GitformCore

/// The creates of the Users API types and of group and instance variables whose answer is lost
/// after GitLab committed them: the object GitLab made is adopted — a user by username, a key
/// by its text, an e-mail by address, a service account by username, a variable by key and
/// scope — within the same apply when gitform may look and send again, and by the next plan
/// when it may not. Never a duplicate, never "has already been taken", nothing forgotten.
final class UsersAPILostAnswerTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var aliceID = 0
  static let password = "Sw0rdfish-Carrot-77"
  static let value = "s3cr3t-value-for-ci-only"

  /// Every create route of the types under test, with the number of objects its resources make.
  static let routes = [
    "/api/v4/users", "/api/v4/users/:id/keys", "/api/v4/users/:id/emails", "/api/v4/service_accounts",
    "/api/v4/groups/:id/service_accounts", "/api/v4/groups/:id/variables", "/api/v4/admin/ci/variables",
  ]

  override func setUpWithError() throws {
    scene = try InProcessCLI("users-lost-answers")
    aliceID = try fixture.createUser("alice")
    _ = try fixture.createGroup("platform")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  /// Six independent resources, one of each kind (the key and e-mail are alice's, who exists).
  private func configuration(botState: String = "active") -> String {
    """
    resource "user" "bot" {
      username = "deploy-bot"
      name     = "Deploy Bot"
      email    = "deploy-bot@example.com"
      password = "\(UsersAPILostAnswerTests.password)"
      state    = "\(botState)"
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

    resource "service_account" "deployer" {
      name     = "Deployer"
      username = "deployer-sa"
    }

    resource "service_account" "group" {
      group    = "platform"
      username = "platform-sa"
    }

    resource "group_variable" "deploy" {
      group             = "platform"
      key               = "DEPLOY_TOKEN"
      value             = "\(UsersAPILostAnswerTests.value)"
      masked            = true
      environment_scope = "production"
    }

    resource "instance_variable" "registry" {
      key   = "REGISTRY_TOKEN"
      value = "\(UsersAPILostAnswerTests.value)"
    }

    """
  }

  @discardableResult
  private func run(_ arguments: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    let text = result.out + result.err
    XCTAssertEqual(result.code, code, "\(arguments): \(text)", file: file, line: line)
    for secret in [UsersAPILostAnswerTests.password, UsersAPILostAnswerTests.value] {
      XCTAssertFalse(text.contains(secret), "a secret shown by \(arguments)", file: file, line: line)
    }
    XCTAssertFalse(
      text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("has already been taken"), text,
      file: file, line: line)
    return text
  }

  private func dropEveryCreate() throws {
    for route in UsersAPILostAnswerTests.routes {
      try fixture.fault("POST", route, ["drop_after_commit": true])
    }
  }

  private func list(_ path: String) throws -> [[String: Any]] {
    try XCTUnwrap(try fixture.raw(.get, path).json as? [[String: Any]], path)
  }

  /// Exactly one object of each kind in GitLab, and the state holds each, none pending.
  private func assertOneOfEach(file: StaticString = #filePath, line: UInt = #line) throws {
    let users = try list("/api/v4/users?per_page=100")
    XCTAssertEqual(users.filter { $0["username"] as? String == "deploy-bot" }.count, 1, file: file, line: line)
    XCTAssertEqual(users.filter { $0["username"] as? String == "deployer-sa" }.count, 1, file: file, line: line)
    XCTAssertEqual(users.filter { $0["username"] as? String == "platform-sa" }.count, 1, file: file, line: line)
    XCTAssertEqual(try list("/api/v4/users/\(aliceID)/keys").count, 1, file: file, line: line)
    let emails = try list("/api/v4/users/\(aliceID)/emails").compactMap { $0["email"] as? String }
    XCTAssertEqual(emails.filter { $0 == "alice-alias@example.com" }.count, 1, file: file, line: line)
    XCTAssertEqual(try list("/api/v4/groups/platform/variables").count, 1, file: file, line: line)
    XCTAssertEqual(try list("/api/v4/admin/ci/variables").count, 1, file: file, line: line)
    let listed = run(["state", "list"], file: file, line: line)
    XCTAssertEqual(
      listed,
      """
      group_variable.deploy
      instance_variable.registry
      service_account.deployer
      service_account.group
      user.bot
      user_email.alias
      user_ssh_key.deploy

      """, file: file, line: line)
    XCTAssertTrue(run(["plan"], file: file, line: line).contains("No changes."), file: file, line: line)
  }

  func testLostAnswersAreAdoptedWithinTheSameApply() throws {
    try scene.write(configuration())
    try dropEveryCreate()
    try fixture.resetStats()
    let applied = run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed."), applied)
    for route in UsersAPILostAnswerTests.routes {
      XCTAssertEqual(try fixture.requestCount("POST " + route), 1, "sent once: \(route)")
    }
    try assertOneOfEach()
  }

  func testLostAnswersLeftInDoubtAreAdoptedByTheNextPlan() throws {
    scene.environment["GITFORM_RETRIES"] = "0"
    try scene.write(configuration())
    try dropEveryCreate()
    let failed = run(["apply", "-auto-approve"], code: 1)
    XCTAssertTrue(failed.contains("Error: Failed to create user.bot"), failed)
    XCTAssertTrue(failed.replacingOccurrences(of: "\n", with: " ").contains("GitLab may have created it."), failed)
    try fixture.resetStats()
    let plan = run(["plan"])
    XCTAssertFalse(plan.contains("will be created"), plan)
    XCTAssertTrue(plan.contains("No changes."), plan)
    for route in UsersAPILostAnswerTests.routes {
      XCTAssertEqual(try fixture.requestCount("POST " + route), 0, "a plan sends nothing: \(route)")
    }
    run(["apply", "-auto-approve"])
    try assertOneOfEach()
  }

  /// A blocked user is made, then blocked: a lost answer to either step ends with one blocked user.
  func testLostAnswersToABlockedUsersStepsEndWithOneBlockedUser() throws {
    try scene.write(configuration(botState: "blocked"))
    try fixture.fault("POST", "/api/v4/users", ["drop_after_commit": true])
    try fixture.fault("POST", "/api/v4/users/:id/block", ["drop_after_commit": true])
    let applied = run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed."), applied)
    let bot = try XCTUnwrap(try list("/api/v4/users?username=deploy-bot").first)
    XCTAssertEqual(bot["state"] as? String, "blocked")
    try assertOneOfEach()
  }
}

extension UsersAPILostAnswerTests {
  /// Service accounts whose usernames GitLab generates cannot be found by name after a lost
  /// answer: they are found by what was asked for and the request time, never made twice —
  /// two alike (count = 2) each adopting its own, instance-wide and in a group, within the
  /// apply and by the next plan.
  func testLostAnswersForServiceAccountsWithGeneratedUsernamesMakeNoSecond() throws {
    // A look-alike made by hand before the request: not adopted.
    XCTAssertEqual(try fixture.raw(.post, "/api/v4/service_accounts", ["name": "Anonymous"]).status, 201)
    try fixture.raw(.post, "/-/emulator/clock", ["advance_seconds": 7_200])
    scene.environment["GITFORM_NOW"] = "2026-06-01T14:00:00Z"
    try scene.write(
      """
      resource "service_account" "anonymous" {
        count = 2
        name  = "Anonymous"
      }

      resource "service_account" "grouped" {
        group = "platform"
      }

      """)
    try fixture.fault("POST", "/api/v4/service_accounts", times: 2, ["drop_after_commit": true])
    try fixture.fault("POST", "/api/v4/groups/:id/service_accounts", ["drop_after_commit": true])
    try fixture.resetStats()
    let applied = run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed."), applied)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/service_accounts"), 2)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/groups/:id/service_accounts"), 1)
    XCTAssertEqual(try list("/api/v4/service_accounts").count, 4, "the look-alike, two made, the group's")
    XCTAssertEqual(try list("/api/v4/groups/platform/service_accounts").count, 1)
    let ids = try ["service_account.anonymous[0]", "service_account.anonymous[1]", "service_account.grouped"].map {
      try XCTUnwrap(run(["state", "show", $0]).split(separator: "\n").first { $0.contains(" id ") })
    }
    XCTAssertEqual(Set(ids).count, 3, "each its own account: \(ids)")
    XCTAssertFalse(ids.contains { $0.contains("\"3\"") }, "the look-alike (user 3) is not adopted: \(ids)")
    XCTAssertTrue(run(["plan"]).contains("No changes."))

    // Left in doubt, the next plan adopts it.
    run(["destroy", "-auto-approve"])
    scene.environment["GITFORM_RETRIES"] = "0"
    try fixture.fault("POST", "/api/v4/service_accounts", times: 2, ["drop_after_commit": true])
    try fixture.fault("POST", "/api/v4/groups/:id/service_accounts", ["drop_after_commit": true])
    run(["apply", "-auto-approve"], code: 1)
    XCTAssertTrue(run(["plan"]).contains("No changes."))
    XCTAssertEqual(try list("/api/v4/service_accounts").count, 4)
  }

  /// The user is made, then GitLab refuses the state change: the user exists, so the state
  /// keeps it, and the next apply finishes the job instead of failing on a taken username.
  func testARefusedStateChangeAfterTheCreateForgetsNoUser() throws {
    try scene.write(configuration(botState: "blocked"))
    try fixture.fault("POST", "/api/v4/users/:id/block", ["status": 403])
    let failed = run(["apply", "-auto-approve"], code: 1)
    XCTAssertTrue(failed.contains("Error: Failed to create user.bot"), failed)
    let botID = try XCTUnwrap(try list("/api/v4/users?username=deploy-bot").first?["id"] as? Int)
    XCTAssertTrue(
      failed.replacingOccurrences(of: "\n", with: " ").contains(
        "GitLab made the user \"deploy-bot\" (id \(botID)), but could not make it blocked: "
          + "GitLab refused POST /users/:id/block (HTTP 403"), failed)
    XCTAssertTrue(run(["state", "list"]).contains("user.bot\n"), "the user GitLab made is recorded")
    let applied = run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.contains("Apply complete!"), applied)
    let bots = try list("/api/v4/users?username=deploy-bot")
    XCTAssertEqual(bots.map { $0["state"] as? String }, ["blocked"])
    try assertOneOfEach()
  }

  /// Lost answers to the other request kinds: a changed user (PUT, then block), and every
  /// delete. The idempotent ones are sent again, a block is looked for, a delete's repeated
  /// 404 counts as done: one apply each, the state ending as GitLab is.
  func testLostAnswersToUpdatesAndDeletesEndWithTheStateAsGitLabIs() throws {
    try scene.write(configuration())
    run(["apply", "-auto-approve"])

    try scene.write(
      configuration(botState: "blocked").replacingOccurrences(of: "\"Deploy Bot\"", with: "\"Deploy Robot\""))
    try fixture.fault("PUT", "/api/v4/users/:id", ["drop_after_commit": true])
    try fixture.fault("POST", "/api/v4/users/:id/block", ["drop_after_commit": true])
    // The PUT is sent again; the block is looked at, and found done.
    let changed = run(["apply", "-auto-approve"])
    XCTAssertTrue(changed.contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), changed)
    let bot = try XCTUnwrap(try list("/api/v4/users?username=deploy-bot").first)
    XCTAssertEqual(bot["name"] as? String, "Deploy Robot")
    XCTAssertEqual(bot["state"] as? String, "blocked")
    XCTAssertTrue(run(["plan"]).contains("No changes."))

    for route in [
      "/api/v4/users/:id", "/api/v4/users/:id/keys/:key_id", "/api/v4/users/:id/emails/:email_id",
      "/api/v4/groups/:id/service_accounts/:user_id", "/api/v4/groups/:id/variables/:key",
      "/api/v4/admin/ci/variables/:key",
    ] {
      try fixture.fault("DELETE", route, ["drop_after_commit": true])
    }
    let destroyed = run(["destroy", "-auto-approve"])
    XCTAssertTrue(destroyed.contains("Destroy complete! Resources: 7 destroyed."), destroyed)
    XCTAssertEqual(run(["state", "list"]), "")
    let users = try list("/api/v4/users?per_page=100").compactMap { $0["username"] as? String }
    XCTAssertFalse(users.contains("deploy-bot") || users.contains("deployer-sa") || users.contains("platform-sa"), "\(users)")
    XCTAssertEqual(try list("/api/v4/users/\(aliceID)/keys").count, 0)
    XCTAssertEqual(try list("/api/v4/groups/platform/variables").count, 0)
    XCTAssertEqual(try list("/api/v4/admin/ci/variables").count, 0)
  }

  /// A create that failed in doubt (a 503) while another user already had the username: the
  /// look at GitLab finds that user, but it was made before the request, so it is not adopted
  /// (its name, e-mail and password changed) as the one gitform asked for; GitLab's refusal of
  /// the next send stands. The same for a service account's username and for a key the user
  /// already had.
  func testAnExistingUserAccountOrKeyIsNotAdoptedAfterAFailedCreate() throws {
    let strangerID = try fixture.createUser("deploy-bot")
    try fixture.raw(.post, "/-/emulator/clock", ["advance_seconds": 7_200])
    scene.environment["GITFORM_NOW"] = "2026-06-01T14:00:00Z"
    try scene.write(configuration())
    try fixture.fault("POST", "/api/v4/users", ["status": 503])
    // GitLab's refusals, which the other tests never expect to see, are the right answers here.
    let failed = refusal(["apply", "-auto-approve", "-target=user.bot"])
    XCTAssertTrue(failed.contains("Error: Failed to create user.bot"), failed)
    XCTAssertTrue(failed.contains("(HTTP 409: Email has already been taken). Another user has this username or e-mail address: to manage that user, import it"), failed)
    let stranger = try fixture.raw(.get, "/api/v4/users/\(strangerID)")
    XCTAssertEqual(try fixture.field(stranger, "name") as? String, "Deploy-Bot", "the stranger is untouched")
    XCTAssertEqual(try fixture.field(stranger, "email") as? String, "deploy-bot@example.com")
    XCTAssertFalse(run(["state", "list"]).contains("user.bot"))

    // The same for a service account's username another user has.
    _ = try fixture.createUser("deployer-sa")
    try fixture.raw(.post, "/-/emulator/clock", ["advance_seconds": 7_200])
    scene.environment["GITFORM_NOW"] = "2026-06-01T16:00:00Z"
    try fixture.fault("POST", "/api/v4/service_accounts", ["status": 503])
    let account = refusal(["apply", "-auto-approve", "-target=service_account.deployer"])
    XCTAssertTrue(account.contains("Error: Failed to create service_account.deployer"), account)
    XCTAssertTrue(account.contains("Username has already been taken"), account)
    XCTAssertFalse(run(["state", "list"]).contains("service_account.deployer"))

    // The same for a key the user already had: not adopted, so never deleted by a destroy.
    let had = try fixture.raw(
      .post, "/api/v4/users/\(aliceID)/keys", ["title": "laptop", "key": "\(SSHPublicKeyTextTests.ed25519) me@laptop"])
    XCTAssertEqual(had.status, 201)
    try fixture.raw(.post, "/-/emulator/clock", ["advance_seconds": 7_200])
    scene.environment["GITFORM_NOW"] = "2026-06-01T18:00:00Z"
    try fixture.fault("POST", "/api/v4/users/:id/keys", ["status": 503])
    let refused = refusal(["apply", "-auto-approve", "-target=user_ssh_key.deploy"])
    XCTAssertTrue(refused.contains("Error: Failed to create user_ssh_key.deploy"), refused)
    XCTAssertTrue(refused.contains("fingerprint_sha256 has already been taken"), refused)
    XCTAssertFalse(run(["state", "list"]).contains("user_ssh_key.deploy"))
    XCTAssertEqual(try list("/api/v4/users/\(aliceID)/keys").map { $0["title"] as? String }, ["laptop"])
  }

  /// Runs `arguments`, expecting exit code 1; the output with its lines joined.
  private func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    let text = (result.out + result.err).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertEqual(result.code, 1, text, file: file, line: line)
    XCTAssertFalse(text.contains(UsersAPILostAnswerTests.password), file: file, line: line)
    return text
  }
}
