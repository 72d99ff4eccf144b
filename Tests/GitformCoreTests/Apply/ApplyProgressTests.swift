import XCTest

@testable import GitformCore

/// A slow operation reports "Still creating..." at every progress interval, as Terraform does
/// every 10 seconds; events never carry a secret.
final class ApplyProgressTests: XCTestCase {
  final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
  }

  func testSlowCreateReportsProgress() throws {
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    let alice = try fixture.createUser("alice")
    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", ["delay_ms": 700])
    let source = """
      resource "user_token" "slow" {
        user_id    = \(alice)
        name       = "slow"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      """
    let (configuration, diagnostics) = ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
    XCTAssertEqual(diagnostics, [])
    let (graph, _) = ConfigGraph.build(configuration)
    let context = ResourceContext(client: fixture.client, now: GitLabJSON.parseTimestamp("2026-06-01T12:00:00Z") ?? Date())
    let evalContext = EvalContext(mode: .plan)
    let (plan, planDiagnostics) = Planner(
      configuration: configuration, graph: graph, variables: [:], evalContext: evalContext,
      resourceContext: context, options: PlanOptions()
    ).plan(state: StateSnapshot())
    XCTAssertEqual(planDiagnostics, [])
    let events = Events()
    var applier = Applier(
      plan: try XCTUnwrap(plan), configuration: configuration, graph: graph, variables: [:],
      evalContext: evalContext, resourceContext: context, parallelism: 2, record: { _ in },
      observe: { events.add($0.line) })
    applier.progressInterval = 0.2
    let result = applier.apply()
    XCTAssertEqual(result.diagnostics, [])
    XCTAssertEqual(result.added, 1)
    let lines = events.all
    XCTAssertEqual(lines.first, "user_token.slow: Creating...")
    XCTAssertTrue(lines.contains("user_token.slow: Still creating... [00m00s elapsed]"), "\(lines)")
    XCTAssertTrue(lines.contains { $0.hasPrefix("user_token.slow: Creation complete after ") }, "\(lines)")
    let token = try XCTUnwrap(result.state.objects.values.first?.value.string("token"))
    XCTAssertFalse(lines.contains { $0.contains(token) })
  }
}
