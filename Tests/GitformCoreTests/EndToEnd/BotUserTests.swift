import Foundation
import XCTest

@testable import GitformCore

/// Issue 12's scenarios against the emulator: a bot user with its SSH key, an extra e-mail and
/// a personal token made in one apply, the key's expiry changed (a replacement with its reason),
/// the user blocked outside gitform (explained and repaired), imports, destroy order, and bad
/// input refused — with no password or token value in anything gitform prints.
final class BotUserTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  static let password = "Sw0rdfish-Carrot-77"
  static let key = SSHPublicKeyTextTests.ed25519 + " deploy@laptop"
  static let fingerprint = "SHA256:70Cb+7+57RiXwuKVS+1jHoagk7uuzOpMn3JWE/XwZdk"

  override func setUpWithError() throws {
    scene = try InProcessCLI("bot-user")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(expiry: String = "2027-01-31", userExtra: String = "", email: String = "Bot-Alias@example.com") -> String {
    """
    resource "user" "bot" {
      username = "deploy-bot"
      name     = "Deploy Bot"
      email    = "deploy-bot@example.com"
      password = "\(BotUserTests.password)"
    \(userExtra)
    }

    resource "user_ssh_key" "deploy" {
      user_id    = user.bot.user_id
      title      = "deploy"
      key        = "\(BotUserTests.key)"
      expires_at = "\(expiry)"
    }

    resource "user_email" "alias" {
      user_id           = user.bot.user_id
      email             = "\(email)"
      skip_confirmation = true
    }

    resource "user_token" "ci" {
      user_id    = user.bot.user_id
      name       = "ci"
      scopes     = ["api"]
      expires_at = "2027-01-01"
    }

    """
  }

  /// Runs a command expecting `code`; every output is checked for the password and the token.
  @discardableResult
  private func run(_ arguments: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let result = scene.run(arguments)
    let text = result.out + result.err
    XCTAssertEqual(result.code, code, "\(arguments): \(text)", file: file, line: line)
    XCTAssertFalse(text.contains(BotUserTests.password), "password shown by \(arguments)", file: file, line: line)
    if let token = storedToken() {
      XCTAssertFalse(text.contains(token), "token shown by \(arguments)", file: file, line: line)
    }
    return text
  }

  private func state() throws -> [String: Any] {
    let data = try Data(contentsOf: scene.directory.appendingPathComponent("gitform.tfstate"))
    return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  private func attributes(_ type: String, _ name: String) throws -> [String: Any] {
    let resources = try XCTUnwrap(try state()["resources"] as? [[String: Any]])
    let resource = try XCTUnwrap(resources.first { $0["type"] as? String == type && $0["name"] as? String == name })
    let instance = try XCTUnwrap((resource["instances"] as? [[String: Any]])?.first)
    return try XCTUnwrap(instance["attributes"] as? [String: Any])
  }

  /// The token's value from the state file, when there is one yet (without failing the test).
  private func storedToken() -> String? {
    guard let data = FileManager.default.contents(atPath: scene.directory.appendingPathComponent("gitform.tfstate").path),
      let text = String(data: data, encoding: .utf8), let range = text.range(of: "glpat-")
    else { return nil }
    return String(text[range.lowerBound...].prefix { $0 != "\"" })
  }

  private func lines(_ text: String, containing needle: String) -> [String] {
    text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.contains(needle) }
  }

  /// The user's keys, e-mails and state as GitLab has them, read as root.
  private func serverKeys(_ userID: Int) throws -> [[String: Any]] {
    try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/keys").json as? [[String: Any]])
  }

  private func serverEmails(_ userID: Int) throws -> [String] {
    let emails = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/emails").json as? [[String: Any]])
    return emails.compactMap { $0["email"] as? String }
  }

  private func serverState(_ userID: Int) throws -> String? {
    try fixture.field(try fixture.raw(.get, "/api/v4/users/\(userID)"), "state") as? String
  }

  private func applyBot() throws -> Int {
    try scene.write(configuration())
    let applied = try run(["apply", "-auto-approve", "-parallelism=1"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed."), applied)
    return try XCTUnwrap(try attributes("user", "bot")["user_id"] as? Int)
  }

  func testBotUserWithKeyEmailAndTokenInOneApply() throws {
    let userID = try applyBot()
    // The user exists before anything that names it: creation lines in dependency order.
    let applied = try run(["plan", "-detailed-exitcode"])
    XCTAssertTrue(applied.contains("No changes."), applied)

    let user = try fixture.raw(.get, "/api/v4/users/\(userID)")
    XCTAssertEqual(try fixture.field(user, "username") as? String, "deploy-bot")
    XCTAssertEqual(try fixture.field(user, "projects_limit") as? Int, 0)
    XCTAssertNotNil(try fixture.field(user, "confirmed_at") as? String, "skip_confirmation defaults to true")
    let keys = try serverKeys(userID)
    XCTAssertEqual(keys.count, 1)
    XCTAssertEqual(keys.first?["title"] as? String, "deploy")
    XCTAssertEqual(keys.first?["expires_at"] as? String, "2027-01-31T00:00:00.000Z")
    XCTAssertEqual(try serverEmails(userID), ["deploy-bot@example.com", "bot-alias@example.com"])
    let tokens = try XCTUnwrap(try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(userID)").json as? [[String: Any]])
    XCTAssertEqual(tokens.map { $0["name"] as? String }, ["ci"])

    let key = try attributes("user_ssh_key", "deploy")
    XCTAssertEqual(key["fingerprint_sha256"] as? String, BotUserTests.fingerprint)
    XCTAssertEqual(key["key"] as? String, BotUserTests.key, "the configured line is kept, not GitLab's echo")
    XCTAssertEqual(key["expires_at"] as? String, "2027-01-31")
    XCTAssertEqual(key["id"] as? String, "\(userID):\(keys.first?["id"] as? Int ?? 0)")
    let email = try attributes("user_email", "alias")
    XCTAssertEqual(email["email"] as? String, "Bot-Alias@example.com")
    XCTAssertNotNil(email["confirmed_at"] as? String)

    // Shown everywhere as sensitive, never in clear.
    let shown = try run(["state", "show", "user.bot"])
    XCTAssertTrue(shown.contains("password              = (sensitive value)"), shown)
    _ = try run(["show"])
    _ = try run(["show", "-json"])
    _ = try run(["plan", "-destroy"])
  }

  func testAKeyExpiryChangeReplacesTheKeyOldOneFirst() throws {
    let userID = try applyBot()
    let oldKeyID = try XCTUnwrap(try serverKeys(userID).first?["id"] as? Int)
    try scene.write(configuration(expiry: "2027-03-31T00:00:00Z"))
    let plan = try run(["plan"])
    XCTAssertTrue(plan.contains("  # user_ssh_key.deploy must be replaced\n  # (expires_at changed (forces replacement))\n-/+ resource \"user_ssh_key\" \"deploy\" {"), plan)
    XCTAssertTrue(plan.contains("~ expires_at         = \"2027-01-31\" -> \"2027-03-31T00:00:00Z\" # forces replacement"), plan)
    XCTAssertTrue(plan.contains("Plan: 1 to add, 0 to change, 1 to destroy."), plan)

    let applied = try run(["apply", "-auto-approve"])
    let order = lines(applied, containing: "user_ssh_key.deploy:").filter { !$0.contains("Refreshing") }
    XCTAssertEqual(order.map { $0.components(separatedBy: " [").first ?? $0 }, [
      "user_ssh_key.deploy: Destroying...", "user_ssh_key.deploy: Destruction complete after 0s",
      "user_ssh_key.deploy: Creating...", "user_ssh_key.deploy: Creation complete after 0s",
    ])
    let keys = try serverKeys(userID)
    XCTAssertEqual(keys.count, 1)
    XCTAssertNotEqual(keys.first?["id"] as? Int, oldKeyID)
    XCTAssertEqual(keys.first?["expires_at"] as? String, "2027-03-31T00:00:00.000Z")
    XCTAssertTrue(try run(["plan"]).contains("No changes."))
  }

  func testAUserBlockedOutsideGitformIsExplainedAndUnblocked() throws {
    let userID = try applyBot()
    XCTAssertEqual(try fixture.raw(.post, "/api/v4/users/\(userID)/block").status, 201)
    let plan = try run(["plan"])
    XCTAssertTrue(plan.contains("Note: Objects have changed outside of gitform"), plan)
    XCTAssertTrue(plan.contains("  # user.bot has changed\n  ~ resource \"user\" \"bot\" {"), plan)
    XCTAssertTrue(plan.contains("~ state                 = \"active\" -> \"blocked\""), plan)
    XCTAssertTrue(plan.contains("  # user.bot will be updated in-place"), plan)
    XCTAssertTrue(plan.contains("~ state                 = \"blocked\" -> \"active\""), plan)
    XCTAssertTrue(plan.contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan)
    try fixture.resetStats()
    _ = try run(["apply", "-auto-approve"])
    XCTAssertEqual(try serverState(userID), "active")
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/users/:id/unblock"), 1)
    XCTAssertEqual(try fixture.requestCount("PUT /api/v4/users/:id"), 0, "nothing else changed")

    // Deactivating through the configuration uses GitLab's route, never a delete.
    try scene.write(configuration(userExtra: "  state = \"deactivated\""))
    _ = try run(["apply", "-auto-approve"])
    XCTAssertEqual(try serverState(userID), "deactivated")
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/users/:id"), 0)
  }

  func testARenamedUserAndARemovedKeyAreNoticed() throws {
    let userID = try applyBot()
    let keyID = try XCTUnwrap(try serverKeys(userID).first?["id"] as? Int)
    XCTAssertEqual(try fixture.raw(.put, "/api/v4/users/\(userID)", ["username": "renamed-bot"]).status, 200)
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/users/\(userID)/keys/\(keyID)").status, 204)
    try fixture.resetStats()
    let plan = try run(["plan"])
    XCTAssertTrue(plan.contains("~ username              = \"deploy-bot\" -> \"renamed-bot\""), plan)
    XCTAssertTrue(plan.contains("  # user_ssh_key.deploy has been deleted"), plan)
    XCTAssertTrue(plan.contains("  # user_ssh_key.deploy will be created"), plan)
    XCTAssertTrue(plan.contains("Plan: 1 to add, 1 to change, 0 to destroy."), plan)
    _ = try run(["apply", "-auto-approve"])
    XCTAssertEqual(try fixture.field(try fixture.raw(.get, "/api/v4/users/\(userID)"), "username") as? String, "deploy-bot")
    XCTAssertEqual(try serverKeys(userID).count, 1)
  }

  func testEachTypeIsImported() throws {
    let user = try fixture.raw(
      .post, "/api/v4/users",
      ["username": "deploy-bot", "name": "Deploy Bot", "email": "deploy-bot@example.com",
       "password": BotUserTests.password, "skip_confirmation": true, "projects_limit": 0])
    let userID = try XCTUnwrap(fixture.field(user, "id") as? Int)
    let key = try fixture.raw(
      .post, "/api/v4/users/\(userID)/keys",
      ["title": "deploy", "key": BotUserTests.key, "expires_at": "2027-01-31"])
    let keyID = try XCTUnwrap(fixture.field(key, "id") as? Int)
    let email = try fixture.raw(
      .post, "/api/v4/users/\(userID)/emails", ["email": "bot-alias@example.com", "skip_confirmation": true])
    let emailID = try XCTUnwrap(fixture.field(email, "id") as? Int)
    let token = try fixture.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens",
      ["name": "ci", "scopes": ["api"], "expires_at": "2027-01-01"])
    let tokenID = try XCTUnwrap(fixture.field(token, "id") as? Int)
    try scene.write(configuration())
    for (address, id) in [
      ("user.bot", "\(userID)"), ("user_ssh_key.deploy", "\(userID):\(keyID)"),
      ("user_email.alias", "\(userID):\(emailID)"), ("user_token.ci", "\(userID):\(tokenID)"),
    ] {
      let imported = try run(["import", address, id])
      XCTAssertTrue(imported.contains("Import successful!"), imported)
    }
    XCTAssertEqual(try attributes("user_ssh_key", "deploy")["fingerprint_sha256"] as? String, BotUserTests.fingerprint)
    // GitLab never returns a password: the imported user's configured one is set once, with
    // the setting GitLab defaulted differently (administrator-made users may create groups).
    let plan = try run(["plan"])
    XCTAssertTrue(plan.contains("  # user.bot will be updated in-place"), plan)
    XCTAssertTrue(plan.contains("+ password              = (sensitive value)"), plan)
    XCTAssertTrue(plan.contains("~ can_create_group      = true -> false"), plan)
    XCTAssertTrue(plan.contains("Plan: 0 to add, 1 to change, 0 to destroy."), plan)
    _ = try run(["apply", "-auto-approve"])
    XCTAssertTrue(try run(["plan"]).contains("No changes."))

    _ = try run(["state", "rm", "user_email.alias"])
    let wrong = try run(["import", "user_email.alias", "alias"], code: 1)
    XCTAssertTrue(
      wrong.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "Unexpected import id \"alias\" for user_email: expected <user-id>:<email-id>, two numbers such as \"12:345\"."),
      wrong)
    // The primary address is listed with the others, but it is the user's own attribute.
    let emails = try XCTUnwrap(try fixture.raw(.get, "/api/v4/users/\(userID)/emails").json as? [[String: Any]])
    let primaryID = try XCTUnwrap(emails.first { $0["email"] as? String == "deploy-bot@example.com" }?["id"] as? Int)
    let primary = try run(["import", "user_email.alias", "\(userID):\(primaryID)"], code: 1)
    XCTAssertTrue(
      primary.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "\"deploy-bot@example.com\" is the primary e-mail address of user \(userID); it is managed by the user's email attribute"),
      primary)
  }

  func testDestroyRemovesWhatTheUserOwnsFirst() throws {
    let userID = try applyBot()
    try fixture.resetStats()
    let destroyed = try run(["destroy", "-auto-approve", "-parallelism=1"])
    let done = lines(destroyed, containing: "Destruction complete").map { $0.components(separatedBy: ":").first ?? $0 }
    XCTAssertEqual(done.count, 4, destroyed)
    XCTAssertEqual(done.last, "user.bot", destroyed)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/users/\(userID)").status, 404)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/users/:id/keys/:key_id"), 1)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/users/:id/emails/:email_id"), 1)
    XCTAssertEqual(try fixture.requestCount("DELETE /api/v4/personal_access_tokens/:id"), 1)
  }

  func testABadKeyFailsThePlanAndATakenEmailFailsWithGitLabsMessage() throws {
    try scene.write(configuration().replacingOccurrences(of: BotUserTests.key, with: SSHPublicKeyTextTests.rsa768))
    let refused = scene.run(["plan"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Error: Invalid SSH key"), refused.err)
    XCTAssertTrue(refused.err.contains("GitLab would refuse this key: the RSA key has 768 bits"), refused.err)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/users"), 0, "nothing was made")

    _ = try fixture.createUser("someone")  // someone@example.com
    try scene.write(configuration(email: "someone@example.com"))
    let failed = try run(["apply", "-auto-approve", "-parallelism=1"], code: 1)
    XCTAssertTrue(failed.contains("Error: "), failed)
    XCTAssertTrue(
      failed.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
        "Error: Failed to create user_email.alias on main.gf.hcl line 16: 16: resource \"user_email\" \"alias\" { "
          + "GitLab rejected POST /users/:id/emails (HTTP 400: email has already been taken)."), failed)
    // What was made is recorded; the address is not.
    let listed = try run(["state", "list"])
    XCTAssertEqual(listed, "user.bot\nuser_ssh_key.deploy\nuser_token.ci\n")
    try scene.write(configuration())
    let fixed = try run(["apply", "-auto-approve"])
    XCTAssertTrue(fixed.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), fixed)
  }
}
