import XCTest

@testable import GitformCore

/// A create-before-destroy replacement whose old object cannot be deleted keeps that object in
/// state as deposed; the next plan deletes it, so no token is forgotten while still active.
final class DeposedObjectTests: XCTestCase {
  func testFailedDeleteOfTheReplacedTokenIsFinishedNextTime() throws {
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    let alice = try fixture.createUser("alice")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-deposed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    func write(_ scopes: String) throws {
      try """
        resource "user_token" "ci" {
          user_id    = \(alice)
          name       = "ci"
          scopes     = [\(scopes)]
          expires_at = "2026-12-01"
        }

        """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    }
    let environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
    func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
      let output = CapturedOutput()
      let code = CommandLineInterface().run(arguments + ["-no-color"], context: output.context(directory: directory.path, environment: environment))
      return (code, output.standardOutput, output.standardError)
    }
    try write("\"api\"")
    XCTAssertEqual(run(["apply", "-auto-approve"]).code, 0)
    try write("\"read_api\"")
    // Five 500s: the revoke's every attempt (the CLI sends an idempotent request up to 5 times).
    try fixture.fault("DELETE", "/api/v4/personal_access_tokens/:id", times: 5, ["status": 500])
    let failed = run(["apply", "-auto-approve"])
    XCTAssertEqual(failed.code, 1)
    XCTAssertTrue(failed.err.contains("Error: Failed to destroy user_token.ci"), failed.err)

    let plan = run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 2, plan.err)
    XCTAssertTrue(plan.out.contains("  # user_token.ci (deposed object "), plan.out)
    XCTAssertTrue(plan.out.contains(" will be destroyed\n  # (left over from a partially-failed replacement of this instance)\n"), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 0 to add, 0 to change, 1 to destroy."), plan.out)

    let finish = run(["apply", "-auto-approve"])
    XCTAssertEqual(finish.code, 0, finish.out + finish.err)
    let tokens = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)").json as? [[String: Any]] ?? []
    XCTAssertEqual(tokens.filter { $0["active"] as? Bool == true }.count, 1)
    XCTAssertEqual(run(["plan", "-detailed-exitcode"]).code, 0)
  }
}
