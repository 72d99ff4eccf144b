import XCTest

@testable import GitformCore

/// A token that cannot see an object's project, group or user is no proof that the object is
/// gone: refresh, import, the search for an interrupted create and delete all stop with an
/// error naming the missing access, for every kind (user, impersonation, project and group
/// tokens, project variables). Only a 404 seen by a token that reaches the parent — or by an
/// administrator, who reaches everything — means deleted.
final class ParentAccessTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var root: ResourceContext!
  private var aliceID = 0
  private let now = GitLabJSON.parseTimestamp("2026-06-01T12:00:00Z") ?? Date()

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    root = ResourceContext(client: fixture.client, now: now)
    aliceID = try fixture.createUser("alice")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws { fixture?.stop() }

  private func address(_ type: String) -> InstanceAddress {
    InstanceAddress(resource: ResourceAddress(type: type, name: "x"))
  }

  /// A context whose client is a new user's personal access token: a stranger to every
  /// project and group, or a member of `team/app` at `accessLevel`.
  private func userContext(_ username: String, projectAccessLevel accessLevel: Int? = nil) throws -> ResourceContext {
    let id = try fixture.createUser(username)
    if let accessLevel {
      let added = try fixture.raw(
        .post, "/api/v4/projects/team%2Fapp/members", ["user_id": id, "access_level": accessLevel])
      XCTAssertEqual(added.status, 201)
    }
    let answer = try fixture.raw(
      .post, "/api/v4/users/\(id)/personal_access_tokens",
      ["name": "own", "scopes": ["api"], "expires_at": "2026-12-01"])
    XCTAssertEqual(answer.status, 201)
    let token = try XCTUnwrap(fixture.field(answer, "token") as? String)
    return ResourceContext(client: fixture.client(token: SecretValue(token)), now: now)
  }

  /// One object of every managed kind, made as root: (address, type, object).
  private func managedObjects() throws -> [(InstanceAddress, any ResourceType, Value)] {
    let tokenFields: [String: Value] = [
      "name": .string("ci"), "scopes": .stringSet(["read_api"]), "description": .string(""),
      "expires_at": .string("2026-12-01"),
    ]
    func planned(_ type: any ResourceType, _ extra: [String: Value]) -> Value {
      Value.object(type.schema, tokenFields.merging(extra) { $1 })
    }
    let variable = ProjectVariable()
    let specs: [(String, any ResourceType, Value)] = [
      ("user_token", UserToken(), planned(UserToken(), ["user_id": .number(aliceID)])),
      ("impersonation_token", ImpersonationToken(), planned(ImpersonationToken(), ["user_id": .number(aliceID)])),
      ("project_token", ResourceAccessToken.project, planned(ResourceAccessToken.project, [
        "project": .string("team/app"), "access_level": .string("developer"),
      ])),
      ("group_token", ResourceAccessToken.group, planned(ResourceAccessToken.group, [
        "group": .string("team"), "access_level": .string("developer"),
      ])),
      ("project_variable", variable, Value.object(variable.schema, [
        "project": .string("team/app"), "key": .string("DEPLOY"), "value": .string("value-1234"),
        "variable_type": .string("env_var"), "protected": .false, "masked": .false, "hidden": .false,
        "raw": .false, "environment_scope": .string("*"), "description": .string(""),
      ])),
    ]
    return try specs.map { name, type, planned in
      (address(name), type, try type.create(planned, context: root))
    }
  }

  private func assertStillThere(_ objects: [(InstanceAddress, any ResourceType, Value)], file: StaticString = #filePath, line: UInt = #line) throws {
    for (address, type, object) in objects {
      let read = try type.read(object, context: root)
      XCTAssertNotNil(read, "\(address) exists", file: file, line: line)
      if let tokenID = object.int("token_id") {
        XCTAssertEqual(read?.bool("active"), true, "\(address) (token \(tokenID)) is still active", file: file, line: line)
      }
    }
  }

  func testRefreshByAStrangerStopsAndKeepsEveryKind() throws {
    let objects = try managedObjects()
    let stranger = try userContext("bob")
    var state = StateSnapshot()
    for (address, _, object) in objects { state.objects[address] = StateObject(value: object) }

    let outcome = Refresher(context: stranger, parallelism: 2).refresh(state)
    XCTAssertEqual(outcome.drift.map(\.address), [], "nothing is taken for deleted")
    XCTAssertEqual(Set(outcome.state.objects.keys), Set(state.objects.keys))
    // One error per hidden project or group (its token and variable together); the user's
    // tokens meet GitLab's own refusal (only an administrator lists them), one per object.
    XCTAssertEqual(
      outcome.diagnostics.map(\.summary).sorted(),
      [
        "Failed to refresh group_token.x", "Failed to refresh impersonation_token.x",
        "Failed to refresh the 2 objects in project \"team/app\"", "Failed to refresh user_token.x",
      ])
    let details = Dictionary(uniqueKeysWithValues: outcome.diagnostics.map { ($0.summary, $0.detail) })
    let project = details["Failed to refresh the 2 objects in project \"team/app\""] ?? ""
    XCTAssertTrue(
      project.hasPrefix("The GitLab token (user bob) cannot see project \"team/app\" (GET /projects/:id answered HTTP 404). "),
      project)
    XCTAssertTrue(project.hasSuffix("\n\nThe 2 objects of this state there: project_token.x, project_variable.x."), project)
    XCTAssertTrue(
      details["Failed to refresh group_token.x"]?.hasPrefix(
        "The GitLab token (user bob) cannot see group \"team\" (GET /groups/:id answered HTTP 404). ") == true,
      details["Failed to refresh group_token.x"] ?? "")

    for detail in details.values {
      XCTAssertFalse(detail.contains("value-1234"))
    }
    try assertStillThere(objects)
  }

  func testEveryReadPathOfEveryKindRefusesToCallAHiddenObjectGone() throws {
    let objects = try managedObjects()
    let stranger = try userContext("bob")
    for (address, type, object) in objects {
      // The single read, the owner's list (two objects of one owner), and the search for an
      // interrupted create: each either fails or, for kinds only an administrator's token can
      // list at all, fails with GitLab's own refusal — never a nil that means "deleted".
      XCTAssertThrowsError(try type.read(object, context: stranger), "\(address) read")
      XCTAssertThrowsError(try type.readAll([object, object], context: stranger), "\(address) readAll")
      XCTAssertThrowsError(try type.findCreated(object, claimed: [], context: stranger), "\(address) findCreated")
      XCTAssertThrowsError(try type.delete(object, context: stranger), "\(address) delete")
    }
    try assertStillThere(objects)
  }

  func testProjectKindsNameTheMissingAccessOnEveryPath() throws {
    let objects = try managedObjects().filter { ["project_token", "group_token", "project_variable"].contains($0.0.resource.type) }
    let stranger = try userContext("bob")
    for (address, type, object) in objects {
      let owner = address.resource.type == "group_token" ? "cannot see group \"team\"" : "cannot see project \"team/app\""
      for (path, attempt) in [
        ("read", { _ = try type.read(object, context: stranger) }),
        ("readAll", { _ = try type.readAll([object, object], context: stranger) }),
        ("findCreated", { _ = try type.findCreated(object, claimed: [], context: stranger) }),
        ("delete", { try type.delete(object, context: stranger) }),
      ] as [(String, () throws -> Void)] {
        XCTAssertThrowsError(try attempt(), "\(address) \(path)") { error in
          XCTAssertTrue(error is ParentNotVisibleError, "\(address) \(path): \(error)")
          XCTAssertTrue("\(error)".contains(owner), "\(address) \(path): \(error)")
        }
      }
    }
    try assertStillThere(objects)
  }

  func testUserTokenKindsNeedAnAdministratorToBeCalledGone() throws {
    let stranger = try userContext("bob")
    let missing = Value.object(UserToken().schema, [
      "user_id": .number(aliceID), "token_id": .number(999), "name": .string("ci"),
    ])
    // GitLab answers 404 for a token id that does not exist; to a non-administrator that
    // proves nothing about alice's tokens.
    for type in [UserToken(), ImpersonationToken()] as [any ResourceType] {
      let object = Value.object(type.schema, missing.attributes ?? [:])
      XCTAssertThrowsError(try ParentAccess.confirmGone(in: .user(aliceID), context: stranger)) { error in
        XCTAssertEqual(
          "\(error)",
          "The GitLab token (user bob) cannot see the tokens of user \(aliceID): only an administrator can. GitLab hides what a token cannot see behind the same 404 it gives a deleted object, so gitform cannot tell whether the object still exists; it stops here and keeps the state as it is. Use an administrator's token (provider \"gitlab\" token or GITLAB_TOKEN).")
      }
      // An administrator's 404 is the truth.
      XCTAssertNil(try type.read(object, context: root), type.name)
    }
  }

  func testImportByAStrangerNamesTheMissingAccess() throws {
    let objects = try managedObjects()
    let stranger = try userContext("bob")
    let token = try XCTUnwrap(objects.first { $0.0.resource.type == "project_token" }?.2.int("token_id"))
    guard case .failure(let failure) = ImportReader(type: ResourceAccessToken.project, context: stranger)
      .read(id: "team/app:\(token)")
    else { return XCTFail("the import succeeded") }
    XCTAssertTrue(failure.description.hasPrefix("The GitLab token (user bob) cannot see project \"team/app\""), failure.description)
    XCTAssertFalse(failure.description.contains("non-existent"), failure.description)
  }

  func testAMemberWithoutTheRightRoleGetsGitLabsRefusalNotADeletion() throws {
    let objects = try managedObjects().filter { ["project_token", "project_variable"].contains($0.0.resource.type) }
    let developer = try userContext("dave", projectAccessLevel: 30)
    var state = StateSnapshot()
    for (address, _, object) in objects { state.objects[address] = StateObject(value: object) }
    let outcome = Refresher(context: developer, parallelism: 2).refresh(state)
    XCTAssertEqual(outcome.drift.map(\.address), [])
    XCTAssertEqual(outcome.diagnostics.count, objects.count)
    XCTAssertEqual(Set(outcome.state.objects.keys), Set(state.objects.keys))
  }

  func testAnAdministratorsNotFoundStillMeansDeleted() throws {
    let objects = try managedObjects()
    var state = StateSnapshot()
    for (address, type, object) in objects {
      // Every object is gone: tokens revoked-and-forgotten are simulated by ids that never
      // existed, the variable by a key that was never made, projects and groups by paths
      // that do not exist.
      var gone = object
      if object.int("token_id") != nil { gone = gone.setting("token_id", .number(9_999)) }
      if address.resource.type == "project_variable" { gone = gone.setting("key", .string("NEVER_MADE")) }
      state.objects[address] = StateObject(value: gone)
      _ = type
    }
    let elsewhere = InstanceAddress(resource: ResourceAddress(type: "project_token", name: "moved"))
    state.objects[elsewhere] = StateObject(
      value: objects[2].2.setting("project", .string("team/deleted")))
    // Two tokens of a user who no longer exists: refreshed with one list, which GitLab answers 404.
    let ofDeletedUser = (0..<2).map { InstanceAddress(resource: ResourceAddress(type: "user_token", name: "gone"), key: .int($0)) }
    for (index, address) in ofDeletedUser.enumerated() {
      state.objects[address] = StateObject(
        value: objects[0].2.setting("user_id", .number(9_999)).setting("token_id", .number(100 + index)))
    }
    try fixture.resetStats()
    let outcome = Refresher(context: root, parallelism: 2).refresh(state)
    XCTAssertEqual(outcome.diagnostics, [])
    XCTAssertEqual(
      outcome.drift.filter { $0.after == nil }.map(\.address).sorted(),
      (objects.map(\.0) + [elsewhere] + ofDeletedUser).sorted())
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/personal_access_tokens"), 1)
  }
}
