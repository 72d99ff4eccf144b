import Foundation
import XCTest
@testable import GitformCore

/// The planner and applier driven through the `ResourceType` seam alone: a fake in-memory type,
/// no emulator, and a GitLab client whose transport fails the test if anything is sent.
final class PlannerFakeTypeTests: XCTestCase {
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

  // MARK: - Harness

  private struct Run {
    var configuration: Configuration
    var graph: ConfigGraph
    var context: ResourceContext
  }

  private func run(_ source: String, at date: Date? = nil) throws -> Run {
    let catalog = ResourceCatalog(managed: [FakeSecretType(store: store)], dataSources: [])
    let (configuration, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp", catalog: catalog)
    XCTAssertEqual(diagnostics, [])
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
    XCTAssertEqual(graphDiagnostics, [])
    let connection = try GitLabConnection(
      baseURL: "https://gitlab.invalid", token: SecretValue("offline-token-never-sent"), clientVersion: "test")
    let client = GitLabClient(connection: connection, transport: transport)
    return Run(configuration: configuration, graph: graph, context: ResourceContext(client: client, now: date ?? now))
  }

  private func plan(
    _ source: String, state: StateSnapshot, options: PlanOptions = PlanOptions(), at date: Date? = nil
  ) throws -> Plan {
    let run = try run(source, at: date)
    let (plan, diagnostics) = Planner(
      configuration: run.configuration, graph: run.graph, variables: [:], evalContext: EvalContext(mode: .plan),
      resourceContext: run.context, options: options
    ).plan(state: state)
    XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics)")
    return try XCTUnwrap(plan)
  }

  private func apply(_ source: String, _ plan: Plan, at date: Date? = nil) throws -> ApplyResult {
    let run = try run(source, at: date)
    return Applier(
      plan: plan, configuration: run.configuration, graph: run.graph, variables: [:],
      evalContext: EvalContext(mode: .apply), resourceContext: run.context, parallelism: 2,
      record: { _ in }, observe: { _ in }
    ).apply()
  }

  private let address = InstanceAddress(resource: ResourceAddress(type: "fake_secret", name: "app"))

  private func config(name: String = "app", note: String? = nil, renew: Int? = nil, extra: String = "") -> String {
    var body = "  name = \"\(name)\"\n"
    if let note { body += "  note = \"\(note)\"\n" }
    if let renew { body += "  renew_before_days = \(renew)\n" }
    return "resource \"fake_secret\" \"app\" {\n\(body)\(extra)}\n"
  }

  /// Applies `source` to an empty state and returns the state it leaves.
  private func created(_ source: String) throws -> StateSnapshot {
    let result = try apply(source, try plan(source, state: StateSnapshot()))
    XCTAssertEqual(result.diagnostics, [])
    return result.state
  }

  // MARK: - Cases

  func testCreatePlansUnknownComputedPartsAndApplyKeepsTheSecret() throws {
    let source = config(note: "first")
    let planned = try plan(source, state: StateSnapshot())
    let change = try XCTUnwrap(planned.changes.first)
    XCTAssertEqual(change.action, .create)
    XCTAssertEqual(change.reason, .notInState)
    XCTAssertFalse(try XCTUnwrap(change.after)[attribute: "secret"].isKnown)
    let result = try apply(source, planned)
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(store.log, ["create f1"])
    let object = try XCTUnwrap(result.state.objects[address])
    XCTAssertEqual(object.value.string("secret"), "fake-secret-value-1")
    XCTAssertTrue(object.value[attribute: "secret"].isSensitive)
    XCTAssertFalse(object.pending)
  }

  func testAChangedUpdatableAttributeIsAnUpdateThatRotates() throws {
    let state = try created(config(note: "first"))
    let planned = try plan(config(note: "second"), state: state)
    let change = try XCTUnwrap(planned.changes.first)
    XCTAssertEqual(change.action, .update)
    XCTAssertEqual(change.reason, .attributesChanged(attributes: ["note"]))
    XCTAssertTrue(change.isRotation, "the type says its updates make a new secret")
    XCTAssertFalse(try XCTUnwrap(change.after)[attribute: "secret"].isKnown)
    XCTAssertEqual(store.log, ["create f1", "read f1"])
  }

  func testNothingChangedIsANoOpAfterOneRead() throws {
    let state = try created(config(note: "same"))
    let planned = try plan(config(note: "same"), state: state)
    XCTAssertEqual(planned.changes.map(\.action), [.noOp])
    XCTAssertTrue(planned.isEmpty)
    XCTAssertEqual(store.log, ["create f1", "read f1"])
  }

  func testAReplacingAttributeCreatesFirstByTheTypesDefault() throws {
    let state = try created(config(name: "one"))
    let source = config(name: "two")
    let planned = try plan(source, state: state)
    let change = try XCTUnwrap(planned.changes.first)
    XCTAssertEqual(change.action, .createThenDelete)
    XCTAssertEqual(change.reason, .cannotUpdate(attributes: ["name"]))
    XCTAssertEqual(change.replacePaths, ["name"])
    let result = try apply(source, planned)
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(store.log, ["create f1", "read f1", "create f2", "delete f1"])
    XCTAssertEqual(store.ids, ["f2"])
  }

  func testCreateBeforeDestroyFalseDeletesFirst() throws {
    let lifecycle = "  lifecycle {\n    create_before_destroy = false\n  }\n"
    let state = try created(config(name: "one", extra: lifecycle))
    let source = config(name: "two", extra: lifecycle)
    let planned = try plan(source, state: state)
    XCTAssertEqual(planned.changes.map(\.action), [.deleteThenCreate])
    XCTAssertEqual(try apply(source, planned).diagnostics, [])
    XCTAssertEqual(store.log, ["create f1", "read f1", "delete f1", "create f2"])
  }

  func testReplaceFlagAndRevocationOutsideAreReasonsOfTheirOwn() throws {
    let state = try created(config())
    var options = PlanOptions()
    options.replace = [address]
    XCTAssertEqual(try plan(config(), state: state, options: options).changes.first?.reason, .replaceByRequest)
    store.revoke("f1")
    let revoked = try plan(config(), state: state)
    XCTAssertEqual(revoked.changes.first?.action, .createThenDelete)
    XCTAssertEqual(revoked.changes.first?.reason, .revokedOutside)
    XCTAssertEqual(revoked.drift.map(\.address), [address])
  }

  func testRotationIsDecidedByTheTypeAndPlannedWithItsValues() throws {
    let state = try created(config(renew: 5))
    // Valid until 2026-07-01; five days before is 2026-06-26.
    XCTAssertEqual(try plan(config(renew: 5), state: state).changes.map(\.action), [.noOp])
    let later = now.addingTimeInterval(26 * 86_400)  // 2026-06-27
    let planned = try plan(config(renew: 5), state: state, at: later)
    let change = try XCTUnwrap(planned.changes.first)
    XCTAssertEqual(change.action, .update)
    XCTAssertEqual(change.reason, .rotationDue(expiry: CalendarDate("2026-07-01")!, beforeDays: 5))
    XCTAssertEqual(change.after?.string("valid_until"), "2026-07-27")
    let result = try apply(config(renew: 5), planned, at: later)
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(store.log.last, "update f1 rotate")
    XCTAssertEqual(result.state.objects[address]?.value.string("secret"), "fake-secret-value-2")
  }

  func testALostCreateAnswerIsFoundInTheSameRunAndRotatedOnceForItsSecret() throws {
    let source = config()
    store.loseNextCreateAnswer = .connectionDropped
    let result = try apply(source, try plan(source, state: StateSnapshot()))
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(store.log, ["create f1", "find app", "update f1 rotate"], "never sent twice")
    let object = try XCTUnwrap(result.state.objects[address])
    XCTAssertFalse(object.pending)
    XCTAssertEqual(object.value.string("secret"), "fake-secret-value-2")
  }

  func testATimedOutCreateIsAdoptedByTheNextPlanAndRotatedForItsSecret() throws {
    let source = config()
    store.loseNextCreateAnswer = .timedOut
    let failed = try apply(source, try plan(source, state: StateSnapshot()))
    XCTAssertTrue(failed.diagnostics.hasErrors)
    // The create was recorded before it was sent, and stays while its outcome is unknown.
    XCTAssertEqual(failed.state.objects[address]?.pending, true)
    XCTAssertEqual(store.ids, ["f1"], "the lost create made an object")

    let planned = try plan(source, state: failed.state)
    let change = try XCTUnwrap(planned.changes.first)
    XCTAssertEqual(change.before?.string("id"), "f1", "what GitLab made is adopted, not made again")
    XCTAssertEqual(change.action, .update)
    XCTAssertEqual(change.reason, .secretNeverReceived)
    XCTAssertTrue(store.log.contains("find app"))
  }

  func testAPendingObjectNothingWasMadeForIsForgottenAndCreated() throws {
    var state = StateSnapshot()
    let intent = Value.object(FakeSecretType(store: store).schema, ["name": .string("app")])
    state.objects[address] = StateObject(value: intent, pending: true)
    let planned = try plan(config(), state: state)
    XCTAssertEqual(planned.changes.map(\.action), [.create])
    XCTAssertEqual(store.log, ["find app"])
  }

  func testAnImportBlockAdoptsAnExistingObjectWithoutItsSecret() throws {
    let made = try store.create(
      Value.object(FakeSecretType(store: store).schema, ["name": .string("app")]), today: CalendarDate(utcDayOf: now))
    let source = config() + "import {\n  to = fake_secret.app\n  id = \"\(made.string("id") ?? "")\"\n}\n"
    let planned = try plan(source, state: StateSnapshot())
    let change = try XCTUnwrap(planned.changes.first)
    XCTAssertEqual(change.importID, "f1")
    XCTAssertEqual(change.action, .noOp)
    XCTAssertTrue(change.before?[attribute: "secret"].isNull ?? false)
    XCTAssertEqual(planned.importCount, 1)
  }

  func testAMissingSecretIsNamedWhenSomethingReadsIt() throws {
    let made = try store.create(
      Value.object(FakeSecretType(store: store).schema, ["name": .string("app")]), today: CalendarDate(utcDayOf: now))
    let source = config() + "import {\n  to = fake_secret.app\n  id = \"\(made.string("id") ?? "")\"\n}\n"
      + "output \"secret\" {\n  value     = fake_secret.app.secret\n  sensitive = true\n}\n"
    let warnings = try plan(source, state: StateSnapshot()).warnings
    XCTAssertEqual(warnings.map(\.summary), ["fake_secret.app has no secret value"])
    XCTAssertEqual(
      warnings.first?.detail,
      "GitLab shows a secret's value only when the secret is created or rotated, so an imported secret's value "
        + "is not in the state: references to fake_secret.app.secret are null. Replace the secret (gitform apply "
        + "-replace=fake_secret.app) to get a value gitform can pass on.")
  }

  func testRemovedFromConfigurationIsADeleteWithItsReason() throws {
    let state = try created(config())
    let planned = try plan("", state: state)
    XCTAssertEqual(planned.changes.map(\.action), [.delete])
    XCTAssertEqual(
      planned.changes.first?.reason, .noResourceConfig(resource: ResourceAddress(type: "fake_secret", name: "app")))
  }
}

/// A transport for runs that must not reach GitLab: counts what it is asked to send and fails it.
final class RefusingTransport: HTTPTransport, @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var sent: Int { lock.withLock { count } }

  func send(_ request: GitLabRequest) throws -> GitLabResponse {
    lock.withLock { count += 1 }
    throw TransportFailure(.couldNotConnect, detail: "no GitLab in this test")
  }
}
