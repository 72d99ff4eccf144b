import Foundation
import XCTest
@testable import GitformCore

/// `moved`, `removed` and `-refresh-only` in the planner and applier, through a fake in-memory
/// type: addresses are rewritten before the refresh, chains followed, blocked moves warned
/// about, forgotten objects leave the state without a delete, and a refresh-only plan changes
/// nothing.
final class PlannerRefactoringTests: XCTestCase {
  private var store = FakeSecretStore()
  private var transport = RefusingTransport()
  private let now = Date(timeIntervalSince1970: 1_780_315_200)  // 2026-06-01 12:00 UTC

  override func setUp() {
    store = FakeSecretStore()
    transport = RefusingTransport()
  }

  override func tearDown() {
    XCTAssertEqual(transport.sent, 0, "the engine sent an HTTP request of its own")
  }

  private func planner(_ source: String, options: PlanOptions = PlanOptions()) throws -> (Planner, Configuration, ConfigGraph, ResourceContext) {
    let catalog = ResourceCatalog(managed: [FakeSecretType(store: store)], dataSources: [])
    let (configuration, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp", catalog: catalog)
    XCTAssertEqual(diagnostics, [])
    let (graph, _) = ConfigGraph.build(configuration)
    let connection = try GitLabConnection(
      baseURL: "https://gitlab.invalid", token: SecretValue("offline-token-never-sent"), clientVersion: "test")
    let context = ResourceContext(client: GitLabClient(connection: connection, transport: transport), now: now)
    let planner = Planner(
      configuration: configuration, graph: graph, variables: [:], evalContext: EvalContext(mode: .plan),
      resourceContext: context, options: options)
    return (planner, configuration, graph, context)
  }

  private func plan(_ source: String, state: StateSnapshot, options: PlanOptions = PlanOptions()) throws -> (Plan?, [Diagnostic]) {
    try planner(source, options: options).0.plan(state: state)
  }

  private func apply(_ source: String, _ plan: Plan) throws -> ApplyResult {
    let (_, configuration, graph, context) = try planner(source)
    return Applier(
      plan: plan, configuration: configuration, graph: graph, variables: [:], evalContext: EvalContext(mode: .apply),
      resourceContext: context, parallelism: 2, record: { _ in }, observe: { _ in }
    ).apply()
  }

  private func secret(_ name: String, count: Int? = nil) -> String {
    "resource \"fake_secret\" \"\(name)\" {\n" + (count.map { "  count = \($0)\n" } ?? "") + "  name = \"\(name)\"\n}\n"
  }

  private func address(_ name: String, _ key: InstanceKey? = nil) -> InstanceAddress {
    InstanceAddress(resource: ResourceAddress(type: "fake_secret", name: name), key: key)
  }

  /// The state after applying `source` to an empty one.
  private func created(_ source: String) throws -> StateSnapshot {
    let planned = try XCTUnwrap(try plan(source, state: StateSnapshot()).0)
    return try apply(source, planned).state
  }

  func testAChainOfMovesEndsAtItsLastAddressAndIsReadThere() throws {
    let state = try created(secret("a"))
    let source = secret("a").replacingOccurrences(of: "\"a\" {", with: "\"b\" {")
      + "moved {\n  from = fake_secret.a\n  to   = fake_secret.m\n}\nmoved {\n  from = fake_secret.m\n  to   = fake_secret.b\n}\n"
    let (planned, diagnostics) = try plan(source, state: state)
    XCTAssertEqual(diagnostics, [])
    let change = try XCTUnwrap(planned?.changes.first)
    XCTAssertEqual(planned?.changes.count, 1)
    XCTAssertEqual(change.address, address("b"))
    XCTAssertEqual(change.previousAddress, address("a"))
    XCTAssertEqual(change.action, .noOp)
    XCTAssertFalse(try XCTUnwrap(planned).isEmpty, "a move is something to apply")
    XCTAssertEqual(try XCTUnwrap(planned).priorState.addresses, [address("b")])
    XCTAssertEqual(store.log, ["create f1", "read f1"])
  }

  func testAMoveOntoAnOccupiedAddressIsWarnedAboutAndTheOldObjectDestroyed() throws {
    let state = try created(secret("a") + secret("b"))
    let source = secret("b") + "moved {\n  from = fake_secret.a\n  to   = fake_secret.b\n}\n"
    let (planned, _) = try plan(source, state: state)
    let plan = try XCTUnwrap(planned)
    XCTAssertEqual(plan.changes.map { "\($0.address) \($0.action)" }, ["fake_secret.a delete", "fake_secret.b noOp"])
    XCTAssertEqual(
      plan.warnings.map { "\($0.summary): \($0.detail)" },
      [
        "Unresolved resource instance address changes: gitform tried to adjust resource instance addresses in the prior state based on change information recorded in the configuration, but some adjustments did not succeed due to existing objects already at the intended addresses:\n  - fake_secret.a could not move to fake_secret.b\n\ngitform has planned to destroy these objects. If gitform's proposed changes aren't appropriate, you must first resolve the conflicts using the \"gitform state\" subcommands and then create a new plan."
      ])
  }

  func testAMoveFromAnInstanceTheConfigurationStillHasIsAnError() throws {
    let state = try created(secret("t", count: 2))
    let source = secret("t", count: 2) + "moved {\n  from = fake_secret.t[1]\n  to   = fake_secret.t[5]\n}\n"
    let (planned, diagnostics) = try plan(source, state: state)
    XCTAssertNil(planned)
    XCTAssertEqual(
      diagnostics.map { "\($0.summary): \($0.detail)" },
      [
        "Moved object still exists: This statement declares a move from fake_secret.t[1], but that resource instance is still declared at main.gf.hcl:2,11.\n\nChange your configuration so that this instance will be declared as fake_secret.t[5] instead."
      ])
  }

  func testAnUnkeyedInstanceMovesToIndexZeroWhenCountIsAdded() throws {
    let state = try created(secret("t"))
    let source = secret("t", count: 1) + "moved {\n  from = fake_secret.t\n  to   = fake_secret.t[0]\n}\n"
    let (planned, diagnostics) = try plan(source, state: state)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(planned?.changes.map { "\($0.address) \($0.action) \($0.previousAddress?.description ?? "-")" }, ["fake_secret.t[0] noOp fake_secret.t"])
  }

  func testAForgottenObjectLeavesTheStateAndIsNeverDeleted() throws {
    let state = try created(secret("a") + secret("b"))
    let source = secret("b") + "removed {\n  from = fake_secret.a\n  lifecycle {\n    destroy = false\n  }\n}\n"
    let plan = try XCTUnwrap(try plan(source, state: state).0)
    let forget = try XCTUnwrap(plan.changes.first { $0.address == address("a") })
    XCTAssertEqual(forget.action, .forget)
    XCTAssertEqual(forget.reason, .removedWithoutDestroy)
    XCTAssertEqual(plan.destroyCount, 0)
    XCTAssertEqual(plan.forgetCount, 1)
    let result = try apply(source, plan)
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(result.state.addresses, [address("b")])
    XCTAssertEqual(store.ids, ["f1", "f2"], "nothing was deleted")
    XCTAssertFalse(store.log.contains { $0.hasPrefix("delete") })
  }

  func testARefreshOnlyPlanChangesNothingAndCarriesTheRefreshedState() throws {
    let state = try created(secret("a"))
    store.revoke("f1")
    var options = PlanOptions()
    options.refreshOnly = true
    // The configuration also wants another object: a refresh-only plan does not plan it.
    let (planned, diagnostics) = try plan(secret("a") + secret("z"), state: state, options: options)
    XCTAssertEqual(diagnostics, [])
    let plan = try XCTUnwrap(planned)
    XCTAssertTrue(plan.isRefreshOnly)
    XCTAssertEqual(plan.changes.count, 0)
    XCTAssertEqual(plan.drift.map(\.address), [address("a")])
    XCTAssertFalse(plan.isEmpty, "the drift is something to record")
    XCTAssertNotEqual(
      plan.priorState.objects[address("a")]?.value.bool("revoked"), state.objects[address("a")]?.value.bool("revoked"))
    let (again, _) = try self.plan(secret("a"), state: plan.priorState, options: options)
    XCTAssertEqual(try XCTUnwrap(again).drift.count, 0)
    XCTAssertTrue(try XCTUnwrap(again).isEmpty)
  }
}
