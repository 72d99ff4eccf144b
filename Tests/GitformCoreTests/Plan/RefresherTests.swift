import XCTest

@testable import GitformCore

/// Refresh reads one list per owner, and resolves creates an interrupted apply left pending.
final class RefresherTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var context: ResourceContext!

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    context = ResourceContext(client: fixture.client, now: GitLabJSON.parseTimestamp("2026-06-01T12:00:00Z") ?? Date())
  }

  override func tearDownWithError() throws { fixture?.stop() }

  private func address(_ type: String, _ index: Int) -> InstanceAddress {
    InstanceAddress(resource: ResourceAddress(type: type, name: "t"), key: .int(index))
  }

  func testOneListRequestPerOwner() throws {
    let owners = [try fixture.createUser("alice"), try fixture.createUser("bob")]
    let type = UserToken()
    var state = StateSnapshot()
    for index in 0..<30 {
      let planned = Value.object(type.schema, [
        "user_id": .number(owners[index % 2]), "name": .string("t\(index)"), "scopes": .stringSet(["api"]),
        "description": .string(""), "expires_at": .string("2026-12-01"),
      ])
      state.objects[address("user_token", index)] = StateObject(value: try type.create(planned, context: context))
    }
    let revokedID = try XCTUnwrap(state.objects[address("user_token", 3)]?.value.int("token_id"))
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/personal_access_tokens/\(revokedID)").status, 204)
    try fixture.resetStats()
    let outcome = Refresher(context: context, parallelism: 4).refresh(state)
    XCTAssertEqual(outcome.diagnostics, [])
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/personal_access_tokens"), 2)
    XCTAssertEqual(outcome.drift.map(\.address), [address("user_token", 3)])
    XCTAssertEqual(outcome.state.objects[address("user_token", 3)]?.value.bool("revoked"), true)
    // The token value survives the refresh untouched.
    XCTAssertEqual(
      outcome.state.objects[address("user_token", 5)]?.value.string("token"),
      state.objects[address("user_token", 5)]?.value.string("token"))
  }

  func testPendingCreateIsAdoptedOrForgotten() throws {
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    let type = ResourceAccessToken.project
    let planned = Value.object(type.schema, [
      "project": .string("team/app"), "name": .string("deploy"), "scopes": .stringSet(["read_api"]),
      "access_level": .string("developer"), "expires_at": .string("2026-12-01"), "description": .string(""),
    ])
    // GitLab made the token, but its answer never reached the state.
    let made = try type.create(planned, context: context)
    var state = StateSnapshot()
    state.objects[address("project_token", 0)] = StateObject(value: planned, pending: true)
    state.objects[address("project_token", 1)] = StateObject(
      value: planned.setting("name", .string("never-made")), pending: true)
    let outcome = Refresher(context: context, parallelism: 2).refresh(state)
    XCTAssertEqual(outcome.diagnostics, [])
    let adopted = try XCTUnwrap(outcome.state.objects[address("project_token", 0)])
    XCTAssertEqual(adopted.value.int("token_id"), made.int("token_id"))
    XCTAssertTrue(adopted.value[attribute: "token"].isNull)
    XCTAssertNil(outcome.state.objects[address("project_token", 1)])
  }

  func testPendingVariableIsAdoptedWithItsConfiguredValue() throws {
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    let type = ProjectVariable()
    let planned = Value.object(type.schema, [
      "project": .string("team/app"), "key": .string("DEPLOY"), "value": .string("kept-value"),
      "variable_type": .string("env_var"), "protected": .false, "masked": .false, "hidden": .false,
      "raw": .false, "environment_scope": .string("*"), "description": .string(""),
    ])
    _ = try type.create(planned, context: context)
    var state = StateSnapshot()
    let address = InstanceAddress(resource: ResourceAddress(type: "project_variable", name: "v"))
    state.objects[address] = StateObject(value: planned, pending: true)
    let outcome = Refresher(context: context, parallelism: 2).refresh(state)
    XCTAssertEqual(outcome.diagnostics, [])
    let adopted = try XCTUnwrap(outcome.state.objects[address])
    XCTAssertFalse(adopted.pending)
    XCTAssertEqual(adopted.value.string("value"), "kept-value")
    XCTAssertEqual(adopted.value.string("id"), "team/app:DEPLOY:*")
  }
}
