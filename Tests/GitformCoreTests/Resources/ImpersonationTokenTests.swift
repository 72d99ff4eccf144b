import Foundation
import XCTest

@testable import GitformCore

final class ImpersonationTokenTests: TokenTypeTestCase {
  let type = ImpersonationToken()

  private func config(userID: Int, name: String = "ci", scopes: [String] = ["api", "read_user"],
    expiresAt: String = "2026-12-31", extra: [String: Value] = [:]) -> Value
  {
    var values: [String: Value] = [
      "user_id": .number(userID), "name": .string(name), "scopes": .stringSet(scopes),
      "expires_at": .string(expiresAt),
    ]
    values.merge(extra) { $1 }
    return planned(type.schema, values)
  }

  func testCreateMakesTheTokenInGitLabAndKeepsItsValueSecret() throws {
    let userID = try fixture.createUser("alice")
    let created = try type.create(
      config(userID: userID, extra: ["description": .string("for CI")]), context: context)

    let tokenID = try XCTUnwrap(created.int("token_id"))
    XCTAssertEqual(created.string("id"), "\(userID):\(tokenID)")
    XCTAssertEqual(type.id(of: created), "\(userID):\(tokenID)")
    XCTAssertEqual(created.int("user_id"), userID)
    XCTAssertEqual(created.bool("impersonation"), true)
    XCTAssertEqual(created.bool("active"), true)
    XCTAssertEqual(created.bool("revoked"), false)
    XCTAssertEqual(created.string("created_at"), "2026-06-01T12:00:00Z")
    XCTAssertEqual(created.strings("scopes"), ["api", "read_user"])
    try assertSecretToken(created)

    let server = try serverObject("/api/v4/users/\(userID)/impersonation_tokens/\(tokenID)")
    XCTAssertEqual(server["name"] as? String, "ci")
    XCTAssertEqual(server["description"] as? String, "for CI")
    XCTAssertEqual(server["expires_at"] as? String, "2026-12-31")
    XCTAssertEqual((server["scopes"] as? [String])?.sorted(), ["api", "read_user"])
    XCTAssertEqual(server["impersonation"] as? Bool, true)
    XCTAssertEqual(server["revoked"] as? Bool, false)
  }

  func testReadRefreshesFromGitLabButNeverTouchesTheTokenValue() throws {
    let userID = try fixture.createUser("bob")
    let created = try type.create(config(userID: userID), context: context)
    let value = try assertSecretToken(created)
    let tokenID = try XCTUnwrap(created.int("token_id"))
    XCTAssertEqual(
      try fixture.raw(.delete, "/api/v4/users/\(userID)/impersonation_tokens/\(tokenID)").status,
      204)

    let read = try XCTUnwrap(try type.read(created, context: context))
    XCTAssertEqual(read.bool("revoked"), true)
    XCTAssertEqual(read.bool("active"), false)
    XCTAssertEqual(read[attribute: "token"].stringValue, value)
    XCTAssertTrue(read[attribute: "token"].isSensitive)
    XCTAssertEqual(
      type.replacementReason(prior: read, config: config(userID: userID), today: context.today)
        .map(ActionReasonText.words),
      "revoked outside gitform")

    // A token GitLab does not know: nil, so the plan creates it again.
    let missing = created.setting("token_id", .number(999_999))
    XCTAssertNil(try type.read(missing, context: context))
  }

  func testARevokedTokenWhoseFixedExpiryHasPassedIsNotReplaced() throws {
    let userID = try fixture.createUser("carol")
    let created = try type.create(config(userID: userID, expiresAt: "2026-06-01", extra: ["validate_past_expiration_date": .false]), context: context)
    XCTAssertEqual(created.bool("active"), false)
    XCTAssertNil(
      type.replacementReason(
        prior: created.setting("revoked", .true),
        config: config(userID: userID, expiresAt: "2026-06-01"), today: context.today))
  }

  func testReadAllListsEachUsersTokensOnce() throws {
    let userID = try fixture.createUser("dave")
    let first = try type.create(config(userID: userID, name: "one"), context: context)
    let second = try type.create(config(userID: userID, name: "two"), context: context)
    let gone = first.setting("token_id", .number(424_242))
    XCTAssertEqual(type.refreshKey(of: first), "impersonation_token:user:\(userID)")
    XCTAssertEqual(type.refreshKey(of: first), type.refreshKey(of: second))
    try fixture.resetStats()

    let refreshed = try type.readAll([first, second, gone], context: context)

    XCTAssertEqual(refreshed.count, 3)
    XCTAssertEqual(refreshed[0]?.string("name"), "one")
    XCTAssertEqual(refreshed[1]?.string("name"), "two")
    XCTAssertEqual(refreshed[1]?[attribute: "token"].stringValue, second.string("token"))
    XCTAssertNil(refreshed[2] ?? nil)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/users/:user_id/impersonation_tokens"), 1)
    XCTAssertEqual(
      try fixture.requestCount(
        "GET /api/v4/users/:user_id/impersonation_tokens/:impersonation_token_id"), 0)
  }

  func testDeleteRevokesAndAnAlreadyRevokedOrMissingTokenCountsAsDeleted() throws {
    let userID = try fixture.createUser("erin")
    let created = try type.create(config(userID: userID), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))

    try type.delete(created, context: context)
    let server = try serverObject("/api/v4/users/\(userID)/impersonation_tokens/\(tokenID)")
    XCTAssertEqual(server["revoked"] as? Bool, true)
    XCTAssertEqual(server["active"] as? Bool, false)

    XCTAssertNoThrow(try type.delete(created, context: context))
    XCTAssertNoThrow(
      try type.delete(created.setting("token_id", .number(888_888)), context: context))
  }

  func testImportReadsEverythingButTheTokenValue() throws {
    let userID = try fixture.createUser("frank")
    let created = try type.create(config(userID: userID), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))

    let stub = try type.importObject(id: "\(userID):\(tokenID)").get()
    XCTAssertEqual(stub.int("user_id"), userID)
    XCTAssertEqual(stub.int("token_id"), tokenID)
    let imported = try XCTUnwrap(try type.read(stub, context: context))

    XCTAssertEqual(imported.string("id"), "\(userID):\(tokenID)")
    XCTAssertEqual(imported.string("name"), "ci")
    XCTAssertEqual(imported.string("expires_at"), "2026-12-31")
    XCTAssertEqual(imported.strings("scopes"), ["api", "read_user"])
    XCTAssertEqual(imported.bool("impersonation"), true)
    XCTAssertTrue(imported[attribute: "token"].isNull)
  }

  func testAPlanAfterCreateOrImportHasNoChangesAndAnyEditReplaces() throws {
    let userID = try fixture.createUser("ivan")
    let config = { (name: String) in
      Value.object(self.type.schema, [
        "user_id": .number(userID), "name": .string(name), "scopes": .stringSet(["api"]),
        "expires_at": .string("2026-12-31"),
      ])
    }
    let first = change(type, config: config("ci"), prior: nil)
    XCTAssertEqual(first.action, .create)
    let created = try type.create(try XCTUnwrap(first.after), context: context)
    XCTAssertTrue(created.isWhollyKnown)
    let refreshed = try XCTUnwrap(try type.readAll([created], context: context).first ?? nil)
    XCTAssertEqual(change(type, config: config("ci"), prior: refreshed).action, .noOp)

    let imported = try XCTUnwrap(
      try type.read(try type.importObject(id: created.string("id") ?? "").get(), context: context))
    XCTAssertEqual(change(type, config: config("ci"), prior: imported).action, .noOp)

    let renamed = change(type, config: config("deploy"), prior: refreshed)
    XCTAssertEqual(renamed.action, .createThenDelete)
    XCTAssertTrue(renamed.createBeforeDestroy)
    XCTAssertEqual(renamed.replacePaths, ["name"])

    let flagged = config("ci").setting("validate_past_expiration_date", .true)
    XCTAssertEqual(change(type, config: flagged, prior: refreshed).action, .noOp)
  }

  func testOnlyAnAdministratorMayCreateOne() throws {
    let userID = try fixture.createUser("ursula")
    let answer = try fixture.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens",
      ["name": "own", "scopes": ["api"], "expires_at": "2026-12-01"])
    let token = try XCTUnwrap(fixture.field(answer, "token") as? String)
    let ordinary = ResourceContext(
      client: fixture.client(token: SecretValue(token)), now: TokenTypeTestCase.now)

    XCTAssertThrowsError(try type.create(config(userID: userID), context: ordinary)) { error in
      XCTAssertEqual((error as? GitLabError)?.code, .forbidden)
      XCTAssertFalse("\(error)".contains(token))
    }
    let list = try fixture.raw(.get, "/api/v4/users/\(userID)/impersonation_tokens")
    XCTAssertEqual((list.json as? [Any])?.count, 0)
  }

  func testMalformedImportIDsSayWhatIsExpected() {
    let general =
      ": expected <user-id>:<token-id>, for example \"12:345\", where <token-id> is a positive integer."
    let numericUser =
      ": expected <user-id>:<token-id> with a numeric user id, for example \"12:345\"."
    let cases: [(String, String)] = [
      ("12", general), ("", general), ("12:", general), (":5", general), ("12:x", general),
      ("12:0", general), ("12:5:6", general), ("12:-5", general),
      ("alice:5", numericUser), ("0:5", numericUser),
    ]
    for (id, suffix) in cases {
      guard case .failure(let error) = type.importObject(id: id) else {
        XCTFail("accepted \(id)")
        continue
      }
      XCTAssertEqual(error.message, "Unexpected import id \"\(id)\"" + suffix)
    }
  }

  func testValidationReportsEachProblemAtItsAttribute() {
    let ranges = TokenTypeTestCase.ranges(["user_id", "name", "scopes", "expires_at"])
    let bad = config(
      userID: 0, name: "", scopes: ["api", "apii", "owner"], expiresAt: "2026-02-30")
    let diagnostics = type.validate(bad, ranges: ranges)
    XCTAssertEqual(
      diagnostics.map(\.summary),
      ["Invalid name", "Invalid user_id", "Invalid scope", "Invalid scope", "Invalid date"])
    XCTAssertEqual(
      diagnostics.map(\.detail),
      [
        "A token needs a name that is not empty.",
        "user_id must be a GitLab id, a whole number from 1, not 0.",
        "\"apii\" is not a scope of a user's impersonation token. Did you mean \"api\"?",
        "\"owner\" is not a scope of a user's impersonation token. Valid scopes: "
          + TokenAttributes.personalScopes.joined(separator: ", ") + ".",
        "expires_at must be a date as YYYY-MM-DD, not \"2026-02-30\".",
      ])
    XCTAssertEqual(
      diagnostics.map(\.subject),
      [ranges.range(of: "name"), ranges.range(of: "user_id"), ranges.range(of: "scopes"),
       ranges.range(of: "scopes"), ranges.range(of: "expires_at")])
    XCTAssertEqual(type.validate(config(userID: 3), ranges: ranges), [])
  }

  func testValidateChecksAConfigurationWithADataSource() {
    let problems = validationProblems(
      """
      data "user" "alice" {
        username = "alice"
      }

      resource "impersonation_token" "alice" {
        user_id    = data.user.alice.id
        name       = "alice-ci"
        scopes     = ["api", "sudoo"]
        expires_at = "2026-12-31"
      }

      resource "impersonation_token" "missing_expiry" {
        user_id = 3
        name    = "x"
        scopes  = ["api"]
      }
      """)
    // Neither expires_at nor rotation_configuration: GitLab would make a token that never expires.
    XCTAssertEqual(problems.map(\.line), [12, 8])
    XCTAssertEqual(problems.map(\.summary), ["Invalid Attribute Combination", "Invalid scope"])
    XCTAssertEqual(
      problems.last?.detail,
      "\"sudoo\" is not a scope of a user's impersonation token. Did you mean \"sudo\"?")
  }

  func testTheSchemaMakesEveryConfiguredChangeButTheExpiryAReplacement() {
    for attribute in type.schema.attributes where attribute.isConfigurable {
      XCTAssertEqual(
        attribute.forcesReplacement,
        !["validate_past_expiration_date", "expires_at", "rotation_configuration"].contains(attribute.name),
        attribute.name)
    }
    XCTAssertEqual(type.schema.attribute("expires_at")?.presence, .optionalComputed)
    XCTAssertEqual(type.schema.attribute("rotation_configuration")?.nested.map(\.name), ["expiration_days", "rotate_before_days"])
    XCTAssertEqual(type.schema.attribute("token")?.sensitive, true)
    XCTAssertTrue(type.requiresAdministrator)
    XCTAssertTrue(type.createsBeforeDestroying)
  }

  func testAPastExpiryIsRefusedWhenAskedForAndNothingIsCreated() throws {
    let userID = try fixture.createUser("gina")
    let planned = config(
      userID: userID, expiresAt: "2026-06-01",
      extra: ["validate_past_expiration_date": .true])
    XCTAssertThrowsError(try type.create(planned, context: context)) { error in
      XCTAssertEqual(
        "\(error)",
        "Expiry date 2026-06-01 must be in the future. Current time is 2026-06-01T12:00:00Z. "
          + "Choose a later expires_at, or set validate_past_expiration_date = false to allow it.")
    }
    let list = try fixture.raw(.get, "/api/v4/users/\(userID)/impersonation_tokens")
    XCTAssertEqual((list.json as? [Any])?.count, 0)
  }

  func testUpdateRotatesInPlace() throws {
    let userID = try fixture.createUser("hank")
    let created = try type.create(config(userID: userID), context: context)
    try fixture.resetStats()
    let rotated = try type.update(
      prior: created, planned: config(userID: userID, expiresAt: "2027-01-31"), context: context)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/personal_access_tokens/:id/rotate"), 1)
    let oldID = try XCTUnwrap(created.int("token_id"))
    let newID = try XCTUnwrap(rotated.int("token_id"))
    XCTAssertGreaterThan(newID, oldID)
    XCTAssertEqual(rotated.int("user_id"), userID)
    XCTAssertEqual(rotated.string("id"), "\(userID):\(newID)")
    XCTAssertEqual(rotated.string("expires_at"), "2027-01-31")
    XCTAssertEqual(rotated.bool("impersonation"), true)
    XCTAssertNotEqual(rotated[attribute: "token"].stringValue, created.string("token"))
    XCTAssertTrue(rotated[attribute: "token"].isSensitive)
    let server = try fixture.raw(.get, "/api/v4/users/\(userID)/impersonation_tokens")
    let tokens = try XCTUnwrap(server.json as? [[String: Any]])
    XCTAssertEqual(tokens.first { $0["id"] as? Int == oldID }?["revoked"] as? Bool, true)
    XCTAssertEqual(tokens.first { $0["id"] as? Int == newID }?["active"] as? Bool, true)
  }
}
