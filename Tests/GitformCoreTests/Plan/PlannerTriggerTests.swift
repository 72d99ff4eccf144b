import Foundation
import XCTest
@testable import GitformCore

/// `replace_triggered_by` in the planner, through a fake in-memory type: which change of a named
/// object replaces which instance, including keys written with the instance's own `each.key`.
final class PlannerTriggerTests: XCTestCase {
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

  private func run(_ source: String) throws -> (Configuration, ConfigGraph, ResourceContext) {
    let catalog = ResourceCatalog(managed: [FakeSecretType(store: store)], dataSources: [])
    let (configuration, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp", catalog: catalog)
    XCTAssertEqual(diagnostics, [])
    let (graph, graphDiagnostics) = ConfigGraph.build(configuration)
    XCTAssertEqual(graphDiagnostics, [])
    let connection = try GitLabConnection(
      baseURL: "https://gitlab.invalid", token: SecretValue("offline-token-never-sent"), clientVersion: "test")
    return (configuration, graph, ResourceContext(client: GitLabClient(connection: connection, transport: transport), now: now))
  }

  private func plan(_ source: String, state: StateSnapshot) throws -> Plan {
    let (configuration, graph, context) = try run(source)
    let (plan, diagnostics) = Planner(
      configuration: configuration, graph: graph, variables: [:], evalContext: EvalContext(mode: .plan),
      resourceContext: context, options: PlanOptions()
    ).plan(state: state)
    XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics)")
    return try XCTUnwrap(plan)
  }

  private func created(_ source: String) throws -> StateSnapshot {
    let (configuration, graph, context) = try run(source)
    return Applier(
      plan: try plan(source, state: StateSnapshot()), configuration: configuration, graph: graph, variables: [:],
      evalContext: EvalContext(mode: .apply), resourceContext: context, parallelism: 2, record: { _ in }, observe: { _ in }
    ).apply().state
  }

  private func source(notes: [String: String], trigger: String) -> String {
    let map = notes.sorted { $0.key < $1.key }.map { "\($0.key) = \"\($0.value)\"" }.joined(separator: ", ")
    return """
      locals {
        notes = { \(map) }
      }

      resource "fake_secret" "t" {
        for_each = local.notes
        name     = "t-${each.key}"
        note     = each.value
      }

      resource "fake_secret" "u" {
        for_each = local.notes
        name     = "u-${each.key}"
        lifecycle {
          replace_triggered_by = [\(trigger)]
        }
      }

      """
  }

  private func actions(_ plan: Plan) -> [String] {
    plan.changes.map { "\($0.address) \($0.action.rawValue)" + ($0.reason == .replaceByTriggers ? " (triggered)" : "") }
  }

  func testAnEachKeyTriggerReplacesOnlyTheMatchingInstance() throws {
    let state = try created(source(notes: ["a": "1", "b": "1"], trigger: "fake_secret.t[each.key]"))
    let planned = try plan(source(notes: ["a": "2", "b": "1"], trigger: "fake_secret.t[each.key]"), state: state)
    XCTAssertEqual(
      actions(planned),
      [
        "fake_secret.t[\"a\"] update", "fake_secret.t[\"b\"] no-op",
        "fake_secret.u[\"a\"] create-then-delete (triggered)", "fake_secret.u[\"b\"] no-op",
      ])
  }

  func testAnAttributeTriggerFiresOnlyWhenThatAttributeChanges() throws {
    let trigger = "fake_secret.t[each.key].name"
    let state = try created(source(notes: ["a": "1"], trigger: trigger))
    // The note changes (an update) but the name does not: no replacement.
    XCTAssertEqual(
      actions(try plan(source(notes: ["a": "2"], trigger: trigger), state: state)),
      ["fake_secret.t[\"a\"] update", "fake_secret.u[\"a\"] no-op"])
    // The secret attribute changes with every rotation, so naming it triggers.
    XCTAssertEqual(
      actions(try plan(source(notes: ["a": "2"], trigger: "fake_secret.t[each.key].secret"), state: state)),
      ["fake_secret.t[\"a\"] update", "fake_secret.u[\"a\"] create-then-delete (triggered)"])
  }

  func testAWholeResourceTriggerFiresOnAnyInstance() throws {
    let state = try created(source(notes: ["a": "1", "b": "1"], trigger: "fake_secret.t"))
    XCTAssertEqual(
      actions(try plan(source(notes: ["a": "1", "b": "2"], trigger: "fake_secret.t"), state: state)),
      [
        "fake_secret.t[\"a\"] no-op", "fake_secret.t[\"b\"] update",
        "fake_secret.u[\"a\"] create-then-delete (triggered)", "fake_secret.u[\"b\"] create-then-delete (triggered)",
      ])
  }

  func testEntriesThatAreNotManagedResourceReferencesAreRefused() {
    let (_, diagnostics) = ConfigLoader.decode(
      files: [("main.gf.hcl", Array(source(notes: ["a": "1"], trigger: "local.notes").utf8))], directory: "/tmp",
      catalog: ResourceCatalog(managed: [FakeSecretType(store: store)], dataSources: []))
    XCTAssertEqual(
      diagnostics.map { "\($0.summary): \($0.detail)" },
      [
        "Invalid replace_triggered_by expression: Each entry of replace_triggered_by must be a reference to a managed resource or one of its attributes, such as project_token.deploy or project_token.deploy.scopes."
      ])
  }
}
