import Foundation
import XCTest

@testable import GitformCore

final class ProjectTokenTests: TokenTypeTestCase {
  let type = ResourceAccessToken.project
  var projectID = 0

  override func setUpWithError() throws {
    try super.setUpWithError()
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("platform"))
  }

  private func config(project: String = "platform/app", name: String = "deploy",
    scopes: [String] = ["read_repository", "api"], extra: [String: Value] = [:]) -> Value
  {
    var values: [String: Value] = [
      "project": .string(project), "name": .string(name), "scopes": .stringSet(scopes),
      "expires_at": .string("2026-09-01"),
    ]
    values.merge(extra) { $1 }
    return planned(type.schema, values)
  }

  private func serverToken(_ tokenID: Int) throws -> [String: Any] {
    try serverObject("/api/v4/projects/\(projectID)/access_tokens/\(tokenID)")
  }

  func testCreateMakesABotWithTheRoleAndKeepsTheProjectAsWritten() throws {
    let created = try type.create(
      config(extra: ["access_level": .string("developer"), "description": .string("CD")]),
      context: context)

    let tokenID = try XCTUnwrap(created.int("token_id"))
    XCTAssertEqual(created.string("id"), "platform/app:\(tokenID)")
    XCTAssertEqual(created.string("project"), "platform/app")
    XCTAssertEqual(created.string("access_level"), "developer")
    XCTAssertEqual(created.string("expires_at"), "2026-09-01")
    XCTAssertEqual(created.bool("active"), true)
    try assertSecretToken(created)

    let server = try serverToken(tokenID)
    XCTAssertEqual(server["name"] as? String, "deploy")
    XCTAssertEqual(server["description"] as? String, "CD")
    XCTAssertEqual(server["access_level"] as? Int, 30)
    XCTAssertEqual(server["expires_at"] as? String, "2026-09-01")
    XCTAssertEqual((server["scopes"] as? [String])?.sorted(), ["api", "read_repository"])
    let botID = try XCTUnwrap(server["user_id"] as? Int)
    XCTAssertEqual(created.int("user_id"), botID)
    let bot = try serverObject("/api/v4/users/\(botID)")
    XCTAssertEqual(bot["bot"] as? Bool, true)
  }

  func testTheDefaultRoleIsMaintainerAndRotationDaysSetTheExpiry() throws {
    let rotation = Value.object([
      "expiration_days": .number(30), "rotate_before_days": .number(7),
    ])
    let created = try type.create(
      config(project: String(projectID), extra: [
        "expires_at": .null(.string), "rotation_configuration": rotation,
      ]), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))
    XCTAssertEqual(created.string("id"), "\(projectID):\(tokenID)")
    XCTAssertEqual(created.string("access_level"), "maintainer")
    XCTAssertEqual(created.string("expires_at"), "2026-07-01")
    let server = try serverToken(tokenID)
    XCTAssertEqual(server["access_level"] as? Int, 40)
    XCTAssertEqual(server["expires_at"] as? String, "2026-07-01")
  }

  func testANewExpiryRotatesInPlaceKeepingTheBotUser() throws {
    let created = try type.create(config(), context: context)
    let oldValue = try assertSecretToken(created)
    let oldID = try XCTUnwrap(created.int("token_id"))

    let rotated = try type.update(
      prior: created, planned: config(extra: ["expires_at": .string("2026-10-01")]),
      context: context)

    let newID = try XCTUnwrap(rotated.int("token_id"))
    XCTAssertNotEqual(newID, oldID)
    XCTAssertEqual(rotated.string("id"), "platform/app:\(newID)")
    XCTAssertEqual(rotated.string("expires_at"), "2026-10-01")
    XCTAssertEqual(rotated.int("user_id"), created.int("user_id"))
    XCTAssertNotEqual(try assertSecretToken(rotated), oldValue)
    XCTAssertEqual(try serverToken(oldID)["revoked"] as? Bool, true)
    let server = try serverToken(newID)
    XCTAssertEqual(server["revoked"] as? Bool, false)
    XCTAssertEqual(server["expires_at"] as? String, "2026-10-01")
    XCTAssertEqual(server["user_id"] as? Int, created.int("user_id"))
  }

  func testATokenWithSelfRotateRotatesItselfWithItsStoredValue() throws {
    let created = try type.create(config(scopes: ["self_rotate"]), context: context)
    try fixture.resetStats()
    let rotated = try type.update(
      prior: created,
      planned: config(scopes: ["self_rotate"], extra: ["expires_at": .string("2026-08-15")]),
      context: context)
    XCTAssertEqual(
      try fixture.requestCount("POST /api/v4/projects/:id/access_tokens/self/rotate"), 1)
    XCTAssertEqual(
      try fixture.requestCount("POST /api/v4/projects/:id/access_tokens/:token_id/rotate"), 0)
    XCTAssertEqual(rotated.string("expires_at"), "2026-08-15")
    XCTAssertEqual(try serverToken(try XCTUnwrap(created.int("token_id")))["revoked"] as? Bool, true)
  }

  func testARevokedTokenIsNeverPresentedToARotateEndpoint() throws {
    let created = try type.create(config(scopes: ["self_rotate"]), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))
    XCTAssertEqual(
      try fixture.raw(.delete, "/api/v4/projects/\(projectID)/access_tokens/\(tokenID)").status,
      204)
    let refreshed = try XCTUnwrap(try type.read(created, context: context))
    try fixture.resetStats()

    XCTAssertThrowsError(
      try type.update(
        prior: refreshed,
        planned: config(scopes: ["self_rotate"], extra: ["expires_at": .string("2026-08-15")]),
        context: context))
    XCTAssertEqual(
      try fixture.requestCount("POST /api/v4/projects/:id/access_tokens/self/rotate"), 0)
  }

  func testAFailedSelfRotationDoesNotShowTheStoredToken() throws {
    let created = try type.create(config(scopes: ["self_rotate"]), context: context)
    let stale = "glpat-stale-value-that-gitlab-does-not-know"
    let prior = created.setting("token", Value.string(stale).marked(sensitive: true))
    XCTAssertThrowsError(
      try type.update(
        prior: prior,
        planned: config(scopes: ["self_rotate"], extra: ["expires_at": .string("2026-08-15")]),
        context: context)
    ) { error in
      XCTAssertEqual((error as? GitLabError)?.code, .unauthorized)
      for text in ["\(error)", String(reflecting: error), error.localizedDescription] {
        XCTAssertFalse(text.contains(stale), text)
      }
    }
    XCTAssertEqual(
      try serverToken(try XCTUnwrap(created.int("token_id")))["revoked"] as? Bool, false)
  }

  func testAnUnchangedExpirySendsNothing() throws {
    let created = try type.create(config(), context: context)
    try fixture.resetStats()
    let updated = try type.update(
      prior: created, planned: config(extra: ["validate_past_expiration_date": .false]),
      context: context)
    XCTAssertEqual(updated.int("token_id"), created.int("token_id"))
    XCTAssertEqual(updated.bool("validate_past_expiration_date"), false)
    XCTAssertEqual(try serverObject("/-/emulator/stats")["total"] as? Int, 0)
  }

  func testNewRotationDaysRotateAtOnceButAnImportedTokenWaitsForItsExpiry() throws {
    let rotation = { (days: Int) in
      Value.object(["expiration_days": .number(days), "rotate_before_days": .number(5)])
    }
    let withRotation = { (days: Int, expiresAt: String) in
      self.config(extra: [
        "expires_at": .string(expiresAt), "rotation_configuration": rotation(days),
      ])
    }
    let created = try type.create(
      config(extra: ["expires_at": .null(.string), "rotation_configuration": rotation(30)]),
      context: context)
    XCTAssertEqual(created.string("expires_at"), "2026-07-01")

    // Imported: GitLab cannot say what the rotation days were, so none are in the prior.
    let imported = try XCTUnwrap(
      try type.read(
        try type.importObject(id: "platform/app:\(created.int("token_id") ?? 0)").get(),
        context: context))
    try fixture.resetStats()
    let kept = try type.update(
      prior: imported, planned: withRotation(30, "2026-07-01"), context: context)
    XCTAssertEqual(try serverObject("/-/emulator/stats")["total"] as? Int, 0)
    XCTAssertEqual(kept.int("token_id"), created.int("token_id"))
    XCTAssertEqual(kept[attribute: "rotation_configuration"].int("expiration_days"), 30)

    let rotated = try type.update(
      prior: kept, planned: withRotation(60, "2026-07-01"), context: context)
    XCTAssertEqual(
      try fixture.requestCount("POST /api/v4/projects/:id/access_tokens/:token_id/rotate"), 1)
    XCTAssertEqual(rotated.string("expires_at"), "2026-07-31")
    XCTAssertEqual(
      try serverToken(try XCTUnwrap(rotated.int("token_id")))["expires_at"] as? String,
      "2026-07-31")
    XCTAssertNotEqual(rotated.int("token_id"), created.int("token_id"))
  }

  func testReadKeepsTheValueAndReadAllListsEachProjectOnce() throws {
    let first = try type.create(config(name: "one"), context: context)
    let second = try type.create(config(name: "two"), context: context)
    let missing = first.setting("token_id", .number(77_777))
    XCTAssertEqual(type.refreshKey(of: first), "project_token:platform/app")
    try fixture.resetStats()

    let refreshed = try type.readAll([first, second, missing], context: context)
    XCTAssertEqual(refreshed.count, 3)
    XCTAssertEqual(refreshed[0]?.string("name"), "one")
    XCTAssertEqual(refreshed[1]?[attribute: "token"].stringValue, second.string("token"))
    XCTAssertEqual(refreshed[1]?[attribute: "token"].isSensitive, true)
    XCTAssertNil(refreshed[2] ?? nil)
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/projects/:id/access_tokens"), 1)
    XCTAssertEqual(try serverObject("/-/emulator/stats")["total"] as? Int, 1)

    XCTAssertEqual(
      try fixture.raw(.delete, "/api/v4/projects/\(projectID)/access_tokens/\(first.int("token_id") ?? 0)").status,
      204)
    let read = try XCTUnwrap(try type.read(first, context: context))
    XCTAssertEqual(read.bool("revoked"), true)
    XCTAssertEqual(read[attribute: "token"].stringValue, first.string("token"))
    XCTAssertEqual(
      type.replacementReason(prior: read, config: config(), today: context.today).map(ActionReasonText.words),
      "revoked outside gitform")
    XCTAssertNil(try type.read(missing, context: context))
    XCTAssertEqual(
      try type.readAll([config(project: "platform/gone").setting("token_id", .number(1))],
        context: context).map { $0 == nil }, [true])
  }

  func testDeleteRevokesAndAlreadyRevokedOrMissingCountsAsDeleted() throws {
    let created = try type.create(config(), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))
    try type.delete(created, context: context)
    XCTAssertEqual(try serverToken(tokenID)["revoked"] as? Bool, true)
    XCTAssertNoThrow(try type.delete(created, context: context))
    XCTAssertNoThrow(try type.delete(created.setting("token_id", .number(55_555)), context: context))
  }

  func testImportByIDOrPathAndEitherSpellingIsTheSameProject() throws {
    let created = try type.create(config(), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))

    for owner in ["platform/app", String(projectID)] {
      let stub = try type.importObject(id: "\(owner):\(tokenID)").get()
      XCTAssertEqual(stub.string("project"), owner)
      let imported = try XCTUnwrap(try type.read(stub, context: context))
      XCTAssertEqual(imported.string("id"), "\(owner):\(tokenID)")
      XCTAssertEqual(imported.string("name"), "deploy")
      XCTAssertEqual(imported.string("access_level"), "maintainer")
      XCTAssertEqual(imported.int("user_id"), created.int("user_id"))
      XCTAssertTrue(imported[attribute: "token"].isNull)
    }

    let byID = created.setting("project", .string(String(projectID)))
    XCTAssertTrue(
      type.equivalent("project", configured: .string("platform/app"), prior: byID, context: context))
    XCTAssertTrue(
      type.equivalent("project", configured: .string(String(projectID)), prior: created,
        context: context))
    _ = try fixture.createProject("other", inGroup: try fixture.createGroup("elsewhere"))
    XCTAssertFalse(
      type.equivalent("project", configured: .string("elsewhere/other"), prior: created,
        context: context))
    XCTAssertFalse(
      type.equivalent("name", configured: .string("deploy"), prior: created, context: context))
  }

  func testAPlanAfterCreateRotateOrImportHasNoChanges() throws {
    let config = { (project: String, expiresAt: String, scopes: [String]) in
      Value.object(self.type.schema, [
        "project": .string(project), "name": .string("deploy"),
        "scopes": .stringSet(scopes), "expires_at": .string(expiresAt),
      ])
    }
    let wanted = config("platform/app", "2026-09-01", ["api"])
    let first = change(type, config: wanted, prior: nil)
    XCTAssertEqual(first.action, .create)
    let created = try type.create(try XCTUnwrap(first.after), context: context)
    XCTAssertTrue(created.isWhollyKnown)
    let refreshed = try XCTUnwrap(try type.readAll([created], context: context).first ?? nil)
    XCTAssertEqual(change(type, config: wanted, prior: refreshed).action, .noOp)
    XCTAssertEqual(
      change(type, config: config(String(projectID), "2026-09-01", ["api"]), prior: refreshed)
        .action, .noOp, "the project by id is the same project")

    let rescoped = change(type, config: config("platform/app", "2026-09-01", ["read_api"]),
      prior: refreshed)
    XCTAssertEqual(rescoped.action, .createThenDelete)
    XCTAssertTrue(rescoped.createBeforeDestroy)
    XCTAssertEqual(rescoped.replacePaths, ["scopes"])

    let later = config("platform/app", "2026-10-01", ["api"])
    let rotation = change(type, config: later, prior: refreshed)
    XCTAssertEqual(rotation.action, .update)
    XCTAssertFalse(try XCTUnwrap(rotation.after)[attribute: "token"].isKnown)
    let rotated = try type.update(
      prior: refreshed, planned: try XCTUnwrap(rotation.after), context: context)
    XCTAssertTrue(rotated.isWhollyKnown)
    let afterRotation = try XCTUnwrap(try type.read(rotated, context: context))
    XCTAssertEqual(change(type, config: later, prior: afterRotation).action, .noOp)

    let imported = try XCTUnwrap(
      try type.read(
        try type.importObject(id: "\(projectID):\(rotated.int("token_id") ?? 0)").get(),
        context: context))
    XCTAssertEqual(change(type, config: later, prior: imported).action, .noOp)

    XCTAssertEqual(
      try fixture.raw(
        .delete, "/api/v4/projects/\(projectID)/access_tokens/\(rotated.int("token_id") ?? 0)"
      ).status, 204)
    let revoked = try XCTUnwrap(try type.read(rotated, context: context))
    let replacement = change(type, config: later, prior: revoked)
    XCTAssertEqual(replacement.action, .createThenDelete)
    XCTAssertEqual(replacement.reason.map(ActionReasonText.words), "revoked outside gitform")
  }

  func testADeveloperCannotCreateOneAndGitLabsReasonIsShownWithoutItsToken() throws {
    let userID = try fixture.createUser("dev")
    XCTAssertEqual(
      try fixture.raw(
        .post, "/api/v4/projects/\(projectID)/members", ["user_id": userID, "access_level": 30]
      ).status, 201)
    let answer = try fixture.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens",
      ["name": "own", "scopes": ["api"], "expires_at": "2026-12-01"])
    let token = try XCTUnwrap(fixture.field(answer, "token") as? String)
    let developer = ResourceContext(
      client: fixture.client(token: SecretValue(token)), now: TokenTypeTestCase.now)

    XCTAssertThrowsError(try type.create(config(), context: developer)) { error in
      let failure = error as? GitLabError
      XCTAssertEqual(failure?.code, .badRequest)
      XCTAssertEqual(
        failure?.gitLabMessage,
        "400 Bad request - User does not have permission to create project access token")
      XCTAssertFalse("\(error)".contains(token))
    }
    let list = try fixture.raw(.get, "/api/v4/projects/\(projectID)/access_tokens")
    XCTAssertEqual((list.json as? [Any])?.count, 0)
  }

  func testMalformedImportIDs() {
    for id in ["platform/app", "platform/app:", ":3", "platform/app:x", "1:0"] {
      guard case .failure(let error) = type.importObject(id: id) else {
        XCTFail("accepted \(id)")
        continue
      }
      XCTAssertEqual(
        error.message,
        "Unexpected import id \"\(id)\": expected <project>:<token-id>, for example \"12:345\", "
          + "where <token-id> is a positive integer.")
    }
  }

  func testValidation() {
    let ranges = TokenTypeTestCase.ranges(
      ["project", "name", "scopes", "access_level", "expires_at", "rotation_configuration"])
    let rotation = Value.object([
      "expiration_days": .number(0), "rotate_before_days": .number(1),
    ])
    let bad = config(
      project: "app", scopes: ["read_user", "read_virtual_registry"],
      extra: ["access_level": .string("maintainr"), "rotation_configuration": rotation])
    let diagnostics = type.validate(bad, ranges: ranges)
    XCTAssertEqual(
      diagnostics.map(\.detail),
      [
        "\"app\" is neither a project id nor a full path: GitLab finds a project by its number "
          + "or by \"namespace/project\".",
        "\"read_user\" is not a scope of a project access token. Valid scopes: "
          + TokenAttributes.projectScopes.joined(separator: ", ") + ".",
        "\"read_virtual_registry\" is not a scope of a project access token. Valid scopes: "
          + TokenAttributes.projectScopes.joined(separator: ", ") + ".",
        "\"maintainr\" is not an access level GitLab gives a token. Did you mean \"maintainer\"?",
        "expires_at and rotation_configuration exclude each other: set one of them.",
        "rotation_configuration.expiration_days value must be at least 1, got 0.",
      ])
    XCTAssertEqual(
      diagnostics.map(\.subject),
      [ranges.range(of: "project"), ranges.range(of: "scopes"), ranges.range(of: "scopes"),
       ranges.range(of: "access_level"), ranges.range(of: "rotation_configuration"),
       ranges.range(of: "rotation_configuration")])

    let neither = config(extra: ["expires_at": .null(.string), "access_level": .string("no one")])
    XCTAssertEqual(
      type.validate(neither, ranges: ranges).map(\.detail),
      [
        "\"no one\" is not an access level GitLab gives a token. Valid levels: "
          + "guest, planner, reporter, developer, maintainer, owner.",
        "Exactly one of expires_at or rotation_configuration must be set.",
      ])
    for level in ["guest", "planner", "reporter", "developer", "maintainer", "owner"] {
      XCTAssertEqual(
        type.validate(config(extra: ["access_level": .string(level)]), ranges: ranges), [], level)
    }
    XCTAssertEqual(type.validate(config(project: "42"), ranges: ranges), [])
  }

  func testValidateFindsEveryProblemOfAConfigurationAtItsLine() {
    let problems = validationProblems(
      """
      resource "project_token" "deploy" {
        project      = "app"
        name         = "deploy"
        scopes       = ["api", "read_user"]
        access_level = "maintainr"
        expires_at   = "2026-9-1"
      }

      resource "project_token" "ok" {
        project = "platform/app"
        name    = "ok"
        scopes  = ["api"]
        rotation_configuration {
          expiration_days    = 30
          rotate_before_days = 7
        }
      }
      """)
    XCTAssertEqual(problems.map(\.line), [2, 4, 5, 6])
    XCTAssertEqual(
      problems.map(\.summary),
      ["Invalid project", "Invalid scope", "Invalid access level", "Invalid date"])
    XCTAssertEqual(problems.last?.detail, "expires_at must be a date as YYYY-MM-DD, not \"2026-9-1\".")
  }

  func testEveryLevelNameReachesGitLabAsItsNumber() throws {
    let expected = [
      "guest": 10, "planner": 15, "reporter": 20, "developer": 30, "maintainer": 40, "owner": 50,
    ]
    for (name, number) in expected.sorted(by: { $0.value < $1.value }) {
      let created = try type.create(
        config(name: name, extra: ["access_level": .string(name)]), context: context)
      XCTAssertEqual(created.string("access_level"), name)
      XCTAssertEqual(
        try serverToken(try XCTUnwrap(created.int("token_id")))["access_level"] as? Int, number)
    }
  }

  func testSchemaReplacementRules() {
    let forcing = type.schema.attributes.filter(\.forcesReplacement).map(\.name)
    XCTAssertEqual(forcing, ["access_level", "description", "name", "project", "scopes"])
    XCTAssertEqual(type.schema.attribute("access_level")?.defaultValue?.stringValue, "maintainer")
    XCTAssertEqual(type.schema.attribute("rotation_configuration")?.forcesReplacement, false)
    XCTAssertFalse(type.requiresAdministrator)
    XCTAssertTrue(type.createsBeforeDestroying)
  }
}
