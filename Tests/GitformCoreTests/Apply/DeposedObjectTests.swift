import XCTest

@testable import GitformCore

/// A create-before-destroy replacement whose old object cannot be deleted keeps that object in
/// state as deposed; the next plan deletes it, so no token is forgotten while still active.
final class DeposedObjectTests: XCTestCase {
  func testFailedDeleteOfTheReplacedTokenIsFinishedNextTime() throws {
    let scene = try InProcessCLI("deposed")
    defer { scene.finish() }
    let fixture = scene.fixture
    let alice = try fixture.createUser("alice")
    func write(_ scopes: String) throws {
      try scene.write(
        """
        resource "user_token" "ci" {
          user_id    = \(alice)
          name       = "ci"
          scopes     = [\(scopes)]
          expires_at = "2026-12-01"
        }

        """)
    }
    try write("\"api\"")
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try write("\"read_api\"")
    // Five 500s: the revoke's every attempt (the CLI sends an idempotent request up to 5 times).
    try fixture.fault("DELETE", "/api/v4/personal_access_tokens/:id", times: 5, ["status": 500])
    let failed = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1)
    XCTAssertTrue(failed.err.contains("Error: Failed to destroy user_token.ci"), failed.err)

    let plan = scene.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 2, plan.err)
    XCTAssertTrue(plan.out.contains("  # user_token.ci (deposed object "), plan.out)
    XCTAssertTrue(plan.out.contains(" will be destroyed\n  # (left over from a partially-failed replacement of this instance)\n"), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 0 to add, 0 to change, 1 to destroy."), plan.out)

    let finish = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(finish.code, 0, finish.out + finish.err)
    let tokens = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)").json as? [[String: Any]] ?? []
    XCTAssertEqual(tokens.filter { $0["active"] as? Bool == true }.count, 1)
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 0)
  }
}
