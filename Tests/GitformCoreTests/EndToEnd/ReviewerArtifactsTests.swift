import XCTest

@testable import GitformCore

/// The merge-request job's artifacts, made by the gitform binary as CI runs it: the saved plan,
/// the report and the Markdown summary hold no token value, a flipped byte in the plan is
/// refused, and the untouched plan applies exactly.
final class ReviewerArtifactsTests: XCTestCase {
  func testArtifactsHoldNoSecretAndATamperedPlanIsRefused() throws {
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    let alice = try fixture.createUser("alice")
    let gitform = try GitformProcess.inTemporaryDirectory("artifacts", against: fixture, now: "2026-06-01T12:00:00Z")
    defer { gitform.remove() }
    func configuration(_ names: [String]) -> String {
      names.map {
        "resource \"user_token\" \"\($0)\" {\n  user_id    = \(alice)\n  name       = \"\($0)\"\n  scopes     = [\"read_api\"]\n  expires_at = \"2026-12-01\"\n}\n"
      }.joined(separator: "\n")
    }
    try gitform.write("main.gf.hcl", configuration(["ci", "deploy"]))
    XCTAssertEqual(try gitform.run(["apply", "-auto-approve", "-no-color"]).status, 0)
    let tokens = try gitform.tokenValuesInState()
    XCTAssertEqual(tokens.count, 2)

    try gitform.write("main.gf.hcl", configuration(["ci", "release"]))
    let plan = try gitform.run(["plan", "-no-color", "-out=plan.cache", "-report=plan.json", "-replace=user_token.ci", "-detailed-exitcode"])
    XCTAssertEqual(plan.status, 2, plan.standardError)
    let summary = try gitform.run(["show", "-markdown", "plan.cache"])
    XCTAssertEqual(summary.status, 0, summary.standardError)
    XCTAssertTrue(summary.standardOutput.contains("| replace (create, then destroy) | `user_token.ci` | requested with -replace |"), summary.standardOutput)
    XCTAssertEqual(try String(contentsOf: gitform.directory.appendingPathComponent("plan.json"), encoding: .utf8), "{\"create\":2,\"update\":0,\"delete\":2}\n")
    let json = try gitform.run(["show", "-json", "plan.cache"])
    XCTAssertEqual(json.status, 0)
    for (name, text) in try gitform.nonStateFiles() {
      for token in tokens { XCTAssertFalse(text.contains(token), "a token value is in \(name)") }
    }
    for token in tokens {
      XCTAssertFalse(summary.standardOutput.contains(token) || json.standardOutput.contains(token))
    }

    let planURL = gitform.directory.appendingPathComponent("plan.cache")
    let original = try Data(contentsOf: planURL)
    var flipped = original
    let middle = flipped.count / 2
    flipped[middle] ^= 0x01
    try flipped.write(to: planURL)
    let stateBefore = try Data(contentsOf: gitform.directory.appendingPathComponent("gitform.tfstate"))
    let refused = try gitform.run(["apply", "-no-color", "plan.cache"])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(
      refused.standardError.contains("Error: Saved plan was modified") || refused.standardError.contains("Failed to load \"plan.cache\" as a plan file"),
      refused.standardError)
    XCTAssertEqual(try Data(contentsOf: gitform.directory.appendingPathComponent("gitform.tfstate")), stateBefore)

    try original.write(to: planURL)
    let applied = try gitform.run(["apply", "-no-color", "plan.cache"])
    XCTAssertEqual(applied.status, 0, applied.standardError)
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 2 added, 0 changed, 2 destroyed."), applied.standardOutput)
    let after = try gitform.tokenValuesInState()
    for token in tokens.union(after) {
      XCTAssertFalse(gitform.transcript.joined().contains(token), "a token value was printed")
    }
  }
}
