import Foundation
import XCTest

@testable import GitformCore

/// An apply of 200 tokens killed with SIGKILL part-way: the next run folds the journal into a
/// valid state, finds the tokens whose creation was in flight, and ends with exactly one active
/// token per resource on the emulator — none orphaned.
final class KillTests: XCTestCase {
  func testApplyKilledPartWayLosesNoToken() throws {
    let fixture = try EmulatorFixture(latencyMilliseconds: 5)
    defer { fixture.stop() }
    let alice = try fixture.createUser("alice")
    let gitform = try GitformProcess.inTemporaryDirectory("kill", against: fixture, now: "2026-06-01T12:00:00Z")
    defer { gitform.remove() }
    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "bulk" {
        count      = 200
        user_id    = \(alice)
        name       = "bulk-${count.index}"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      """)

    let apply = try gitform.start(["apply", "-auto-approve", "-no-color"])
    _ = apply.read(until: "Creation complete", count: 60)
    XCTAssertEqual(apply.kill(), .uncaughtSignal)

    let active = { () throws -> [[String: Any]] in
      let answer = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)&per_page=100&page=1")
      let second = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)&per_page=100&page=2")
      let third = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)&per_page=100&page=3")
      let all = [answer, second, third].flatMap { $0.json as? [[String: Any]] ?? [] }
      return all.filter { $0["active"] as? Bool == true }
    }
    let createdBeforeKill = try active().count
    XCTAssertGreaterThanOrEqual(createdBeforeKill, 60)
    XCTAssertLessThan(createdBeforeKill, 200, "the apply finished before it was killed")

    // The next plan reads the interrupted journal and knows every token GitLab has.
    let plan = try gitform.run(["plan", "-no-color"])
    XCTAssertEqual(plan.status, 0, plan.standardError)
    let list = try gitform.run(["state", "list"])
    XCTAssertEqual(list.status, 0, list.standardError)
    XCTAssertGreaterThanOrEqual(list.standardOutput.split(separator: "\n").count, createdBeforeKill - 10)
    let addLine = try XCTUnwrap(plan.standardOutput.split(separator: "\n").first { $0.hasPrefix("Plan: ") })
    XCTAssertEqual(addLine, "Plan: \(200 - createdBeforeKill) to add, \(adoptedCount(plan.standardOutput)) to change, 0 to destroy.")

    // Finishing the apply leaves exactly one active token per resource and no orphan.
    let finish = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(finish.status, 0, finish.standardError)
    let tokens = try active()
    XCTAssertEqual(tokens.count, 200)
    XCTAssertEqual(Set(tokens.compactMap { $0["name"] as? String }).count, 200)
    XCTAssertEqual(try gitform.run(["plan", "-detailed-exitcode"]).status, 0)
  }

  /// Tokens adopted without their value are rotated once more for one; the plan counts them
  /// as changes.
  private func adoptedCount(_ plan: String) -> Int {
    plan.components(separatedBy: "never received its value").count - 1
  }

  func testReplacementKilledPartWayLeavesNoActiveOrphan() throws {
    let fixture = try EmulatorFixture(latencyMilliseconds: 5)
    defer { fixture.stop() }
    let alice = try fixture.createUser("alice")
    let gitform = try GitformProcess.inTemporaryDirectory("kill", against: fixture, now: "2026-06-01T12:00:00Z")
    defer { gitform.remove() }
    func configure(_ scope: String) throws {
      try gitform.write(
        "main.gf.hcl",
        """
        resource "user_token" "bulk" {
          count      = 80
          user_id    = \(alice)
          name       = "bulk-${count.index}"
          scopes     = ["\(scope)"]
          expires_at = "2026-12-01"
        }

        """)
    }
    try configure("read_api")
    XCTAssertEqual(try gitform.run(["apply", "-auto-approve"]).status, 0)
    try configure("read_user")

    let apply = try gitform.start(["apply", "-auto-approve", "-no-color"])
    _ = apply.read(until: "Creation complete", count: 30)
    _ = apply.kill()

    let finish = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(finish.status, 0, finish.standardError)
    var active: [[String: Any]] = []
    for page in 1...3 {
      let answer = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)&per_page=100&page=\(page)")
      active += (answer.json as? [[String: Any]] ?? []).filter { $0["active"] as? Bool == true }
    }
    XCTAssertEqual(active.count, 80)
    XCTAssertEqual(Set(active.compactMap { $0["name"] as? String }).count, 80)
    XCTAssertTrue(active.allSatisfy { ($0["scopes"] as? [String]) == ["read_user"] })
    XCTAssertEqual(try gitform.run(["plan", "-detailed-exitcode"]).status, 0)
  }
}
