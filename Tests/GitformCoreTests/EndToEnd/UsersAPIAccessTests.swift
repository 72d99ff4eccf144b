import Foundation
import XCTest

@testable import GitformCore

/// A token without the access the Users API types and group and instance variables need: a
/// non-administrator's, a group Developer's, a read-only one, a revoked one. Each create, read,
/// update and delete it cannot do fails with a message that names the role or scope missing,
/// exit code 1, the state file unchanged, and no token or variable value in the output.
final class UsersAPIAccessTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var aliceID = 0
  private var bobID = 0
  private var groupID = 0
  static let value = "s3cr3t-value-for-ci-only"

  override func setUpWithError() throws {
    scene = try InProcessCLI("users-access")
    aliceID = try fixture.createUser("alice")
    bobID = try fixture.createUser("bob")
    groupID = try fixture.createGroup("platform")
    // Alice is a Developer of the group: she sees it, but may not administer its variables.
    let member = try fixture.raw(.post, "/api/v4/groups/\(groupID)/members", ["user_id": aliceID, "access_level": 30])
    XCTAssertEqual(member.status, 201)
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  /// A new personal token of alice's with `scopes`.
  private func aliceToken(_ scopes: [String] = ["api"]) throws -> String {
    let answer = try fixture.raw(
      .post, "/api/v4/users/\(aliceID)/personal_access_tokens",
      ["name": "alice-\(scopes.joined())", "scopes": scopes, "expires_at": "2026-12-01"])
    XCTAssertEqual(answer.status, 201)
    return try XCTUnwrap(try fixture.field(answer, "token") as? String)
  }

  private var stateText: String? {
    FileManager.default.contents(atPath: scene.directory.appendingPathComponent("gitform.tfstate").path)
      .map { String(decoding: $0, as: UTF8.self) }
  }

  /// Runs with `token`, expecting a failure (exit 1) that leaves the state file as it was and
  /// prints neither the token nor a variable's value; returns the output with lines joined.
  private func refused(
    _ arguments: [String], token: String, file: StaticString = #filePath, line: UInt = #line
  ) -> String {
    let before = stateText
    scene.environment["GITLAB_TOKEN"] = token
    defer { scene.environment["GITLAB_TOKEN"] = EmulatorFixture.rootToken }
    let result = scene.run(arguments)
    let text = result.out + result.err
    XCTAssertEqual(result.code, 1, "\(arguments): \(text)", file: file, line: line)
    if let before {
      XCTAssertEqual(stateText, before, "the state is unchanged", file: file, line: line)
    } else if let after = stateText {
      XCTAssertTrue(after.contains("\"resources\": []"), "nothing is recorded: \(after)", file: file, line: line)
    }
    for secret in [token, UsersAPIAccessTests.value] {
      XCTAssertFalse(text.contains(secret), "a secret shown by \(arguments)", file: file, line: line)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @discardableResult
  private func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    XCTAssertEqual(result.code, 0, "\(arguments): \(result.out + result.err)", file: file, line: line)
    return result.out + result.err
  }

  private func assertContains(_ text: String, _ needle: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(text.contains(needle), "missing \(needle.debugDescription) in: \(text)", file: file, line: line)
  }

  private let bobsKey = """
    resource "user_ssh_key" "bob" {
      user_id = USER
      title   = "deploy"
      key     = "\(SSHPublicKeyTextTests.ed25519) deploy@laptop"
    }

    """

  private let groupVariable = """
    resource "group_variable" "deploy" {
      group  = "platform"
      key    = "DEPLOY_TOKEN"
      value  = "\(UsersAPIAccessTests.value)"
      masked = true
    }

    """

  // MARK: - Creates

  func testAnAdministratorsTypesAreRefusedBeforeAnythingChanges() throws {
    try scene.write(
      """
      resource "user" "bot" {
        username = "deploy-bot"
        name     = "Deploy Bot"
        email    = "deploy-bot@example.com"
      }

      resource "user_email" "alias" {
        user_id = \(bobID)
        email   = "bob-alias@example.com"
      }

      resource "instance_variable" "registry" {
        key   = "REGISTRY_TOKEN"
        value = "\(UsersAPIAccessTests.value)"
      }

      """)
    let text = refused(["apply", "-auto-approve"], token: try aliceToken())
    assertContains(text, "Error: GitLab administrator required")
    assertContains(
      text, "these resources can only be managed by an administrator: instance_variable.registry, user.bot, user_email.alias")
  }

  func testAKeyForAnotherUserNamesTheAdministratorItNeeds() throws {
    try scene.write(bobsKey.replacingOccurrences(of: "USER", with: "\(bobID)"))
    let text = refused(["apply", "-auto-approve"], token: try aliceToken())
    assertContains(text, "Error: Failed to create user_ssh_key.bob")
    assertContains(text, "Only a GitLab administrator can add an SSH key to another user (user \(bobID))")
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/users/\(bobID)/keys").json as? [Any])?.count, 0)
  }

  /// GitLab's `/users/:id/keys` is an administrator's route: a user naming their own id adds
  /// and deletes through `/user/keys` instead.
  func testAUserManagesTheirOwnKeyByIDWithoutAnAdministrator() throws {
    let token = try aliceToken()
    scene.environment["GITLAB_TOKEN"] = token
    try scene.write(bobsKey.replacingOccurrences(of: "USER", with: "\(aliceID)"))
    XCTAssertTrue(run(["apply", "-auto-approve"]).contains("Apply complete! Resources: 1 added"))
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/users/\(aliceID)/keys").json as? [Any])?.count, 1)
    XCTAssertTrue(run(["plan"]).contains("No changes."))
    XCTAssertTrue(run(["destroy", "-auto-approve"]).contains("Destroy complete! Resources: 1 destroyed."))
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/users/\(aliceID)/keys").json as? [Any])?.count, 0)
    XCTAssertFalse(scene.transcript.joined().contains(token))
  }

  func testServiceAccountsNameTheRoleTheyNeed() throws {
    try scene.write(
      """
      resource "service_account" "deployer" {
        username = "deployer-sa"
      }

      """)
    let instance = refused(["apply", "-auto-approve"], token: try aliceToken())
    assertContains(instance, "Error: Failed to create service_account.deployer")
    assertContains(instance, "Only a GitLab administrator can manage instance service accounts")

    try scene.write(
      """
      resource "service_account" "group" {
        group    = "platform"
        username = "platform-sa"
      }

      """)
    let group = refused(["apply", "-auto-approve"], token: try aliceToken())
    assertContains(group, "Error: Failed to create service_account.group")
    assertContains(group, "User does not have permission to create a service account in this namespace.")
    assertContains(group, "Only an administrator, or an Owner of the group (platform) where the instance lets Owners")
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/users?username=platform-sa").json as? [Any])?.count, 0)
  }

  func testAGroupVariableNamesTheOwnerRoleItNeeds() throws {
    try scene.write(groupVariable)
    let text = refused(["apply", "-auto-approve"], token: try aliceToken())
    assertContains(text, "Error: Failed to create group_variable.deploy")
    assertContains(text, "Group variables need the Owner role in the group (platform) or an administrator")
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/groups/\(groupID)/variables").json as? [Any])?.count, 0)
  }

  func testAReadOnlyTokenNamesTheScopeItLacks() throws {
    // Alice as Owner of another group, with a token that may only read.
    let ops = try fixture.createGroup("ops")
    XCTAssertEqual(
      try fixture.raw(.post, "/api/v4/groups/\(ops)/members", ["user_id": aliceID, "access_level": 50]).status, 201)
    try scene.write(
      groupVariable.replacingOccurrences(of: "\"platform\"", with: "\"ops\"")
        + bobsKey.replacingOccurrences(of: "USER", with: "\(aliceID)"))
    let text = refused(["apply", "-auto-approve"], token: try aliceToken(["read_api"]))
    assertContains(text, "Error: Failed to create group_variable.deploy")
    assertContains(text, "Error: Failed to create user_ssh_key.bob")
    assertContains(text, "The token lacks a scope needed for POST /groups/:id/variables")
    assertContains(text, "Use a token with the api scope.")
  }

  // MARK: - Reads, updates and deletes of what an administrator made

  func testReadsUpdatesAndDeletesWithoutAccessKeepTheState() throws {
    try scene.write(groupVariable + bobsKey.replacingOccurrences(of: "USER", with: "\(bobID)"))
    run(["apply", "-auto-approve"])
    let token = try aliceToken()

    // Refresh: the group's variables are the Owner's to read.
    let plan = refused(["plan"], token: token)
    assertContains(plan, "Group variables need the Owner role in the group (platform) or an administrator")

    // Changing or deleting only bob's key: its delete needs an administrator.
    try scene.write(groupVariable)
    let destroyed = refused(["apply", "-auto-approve", "-refresh=false"], token: token)
    assertContains(destroyed, "Error: Failed to destroy user_ssh_key.bob")
    assertContains(destroyed, "Only a GitLab administrator can delete an SSH key of another user (user \(bobID))")
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/users/\(bobID)/keys").json as? [Any])?.count, 1)

    // An update of the variable's value, without refresh: the PUT is refused.
    try scene.write(
      groupVariable.replacingOccurrences(of: UsersAPIAccessTests.value, with: "an0ther-value-for-ci")
        + bobsKey.replacingOccurrences(of: "USER", with: "\(bobID)"))
    let updated = refused(["apply", "-auto-approve", "-refresh=false"], token: token)
    assertContains(updated, "Error: Failed to update group_variable.deploy")
    assertContains(updated, "Group variables need the Owner role in the group (platform) or an administrator")
    XCTAssertFalse(updated.contains("an0ther-value-for-ci"))

    // Deleting the variable and the group's service account (made by the administrator),
    // without refresh: both refused.
    try scene.write(groupAccount + bobsKey.replacingOccurrences(of: "USER", with: "\(bobID)"))
    run(["apply", "-auto-approve", "-target=service_account.group"])
    try scene.write(bobsKey.replacingOccurrences(of: "USER", with: "\(bobID)"))
    let deleted = refused(["apply", "-auto-approve", "-refresh=false", "-parallelism=1"], token: token)
    assertContains(deleted, "Error: Failed to destroy group_variable.deploy")
    assertContains(deleted, "Error: Failed to destroy service_account.group")
    assertContains(deleted, "Only an administrator, or an Owner of the group (platform) where the instance lets Owners")
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/groups/\(groupID)/variables").json as? [Any])?.count, 1)
    XCTAssertEqual((try fixture.raw(.get, "/api/v4/groups/\(groupID)/service_accounts").json as? [Any])?.count, 1)
  }

  private let groupAccount = """
    resource "service_account" "group" {
      group    = "platform"
      username = "platform-sa"
    }

    """

  func testARevokedTokenIsRejectedWithoutTouchingTheState() throws {
    try scene.write(groupVariable)
    run(["apply", "-auto-approve"])
    let token = try aliceToken()
    let revoked = try fixture.raw(.delete, "/api/v4/personal_access_tokens/self", token: token)
    XCTAssertEqual(revoked.status, 204)
    let text = refused(["plan"], token: token)
    assertContains(text, "GitLab rejected the token for")
    assertContains(text, "HTTP 401")
  }

  /// `GET /users/:id` answers for any user: importing a person (here, the administrator) as an
  /// instance service account is refused, or destroying it would delete that user.
  func testAPersonIsNotImportedAsAServiceAccount() throws {
    try scene.write(
      """
      resource "service_account" "deployer" {
        username = "root"
      }

      """)
    let result = scene.run(["import", "service_account.deployer", "1"])
    let text = (result.out + result.err).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertEqual(result.code, 1, text)
    XCTAssertTrue(text.contains("User 1 is not a service account: import a person's account as a user"), text)
    XCTAssertEqual(scene.run(["state", "list"]).out, "")
  }

  /// A project access token's bot user is the token's: not imported as a user.
  func testATokensBotUserIsNotImportedAsAUser() throws {
    let project = try fixture.createProject("app", inGroup: groupID)
    let token = try fixture.raw(
      .post, "/api/v4/projects/\(project)/access_tokens",
      ["name": "deploy", "scopes": ["read_api"], "expires_at": "2026-12-01", "access_level": 30])
    XCTAssertEqual(token.status, 201)
    let botID = try XCTUnwrap(try fixture.field(token, "user_id") as? Int)
    try scene.write(
      """
      resource "user" "bot" {
        username = "bot"
        name     = "Bot"
        email    = "bot@example.com"
      }

      """)
    let result = scene.run(["import", "user.bot", "\(botID)"])
    let text = (result.out + result.err).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    XCTAssertEqual(result.code, 1, text)
    XCTAssertTrue(text.contains("is a bot user: a project or group access token's (manage the token as a project_token or group_token)"), text)
    XCTAssertEqual(scene.run(["state", "list"]).out, "")
  }
}
