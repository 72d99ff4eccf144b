import Foundation
import XCTest

@testable import GitformCore

/// Rotations whose outcome is unknown: the answer lost after GitLab committed (the emulator's
/// `drop_after_commit` fault) and gitform killed with SIGKILL while the rotation is in flight.
/// The intent is recorded before the request, so the next run finds the token GitLab made,
/// adopts it and rotates it once more for a value; at the end there is exactly one active token
/// per resource, its value is in the state (and works), and no active orphan is left.
final class RotationCrashTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func userToken(_ expiry: String, scopes: String = "\"api\"") -> String {
    """
    resource "user_token" "ci" {
      user_id    = \(scene.aliceID)
      name       = "ci"
      scopes     = [\(scopes)]
      expires_at = "\(expiry)"
    }

    """
  }

  private let projectConfig = { (expiry: String) in
    """
    resource "project_token" "deploy" {
      project    = "team/app"
      name       = "deploy"
      scopes     = ["read_api"]
      expires_at = "\(expiry)"
    }

    resource "project_variable" "deploy_token" {
      project = "team/app"
      key     = "DEPLOY_TOKEN"
      value   = project_token.deploy.token
      masked  = true
    }

    """
  }

  /// The instance's `status` in the state file ("tainted" marks an unresolved action).
  private func status(_ address: String) throws -> String? {
    let data = try Data(contentsOf: scene.gitform.directory.appendingPathComponent("gitform.tfstate"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    for resource in json["resources"] as? [[String: Any]] ?? []
    where "\(resource["type"] ?? "").\(resource["name"] ?? "")" == address {
      return (resource["instances"] as? [[String: Any]])?.first?["status"] as? String
    }
    return nil
  }

  /// The next run after an unknown outcome: the plan adopts and rotates once more, apply
  /// succeeds, and exactly one token of the family is active, the one in the state.
  private func assertRecovery(
    _ address: String, name: String, tokens: () throws -> [[String: Any]], selfCheck: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardError, file: file, line: line)
    XCTAssertTrue(
      plan.standardOutput.contains(
        "will be updated in-place\n  # (rotation: an interrupted apply made this token but never received its value; a rotation gets one)\n"),
      plan.standardOutput, file: file, line: line)
    XCTAssertFalse(plan.standardOutput.contains("revoked outside gitform"), file: file, line: line)
    XCTAssertFalse(plan.standardOutput.contains("reuse detection"), file: file, line: line)
    try scene.apply(file: file, line: line)
    XCTAssertNil(try status(address), "the state holds no unresolved action", file: file, line: line)
    let attributes = try scene.state(address, file: file, line: line)
    let value = try XCTUnwrap(attributes["token"] as? String, "the value is in the state", file: file, line: line)
    let active = LifecycleHarness.active(try tokens(), named: name)
    XCTAssertEqual(active.map { $0["id"] as? Int }, [attributes["token_id"] as? Int], "exactly one active token, the managed one", file: file, line: line)
    // The value in the state is the live token's.
    XCTAssertEqual(try scene.fixture.raw(.get, selfCheck, token: value).status, 200, file: file, line: line)
    try scene.assertNoChanges(file: file, line: line)
  }

  func testLostRotationAnswerOfAUserToken() throws {
    try scene.write(userToken("2026-06-11"))
    try scene.apply()
    let firstID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    try scene.fixture.fault(
      "POST", "/api/v4/personal_access_tokens/:id/rotate", ["drop_after_commit": true])
    try scene.write(userToken("2026-06-21"))
    let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(failed.status, 1, failed.standardOutput)
    XCTAssertTrue(failed.standardError.contains("GitLab may have rotated the token."), failed.standardError)
    // GitLab did rotate: the old token is revoked and a successor nobody knows the value of exists.
    let tokens = try scene.userTokens()
    XCTAssertEqual(tokens.first { $0["id"] as? Int == firstID }?["revoked"] as? Bool, true)
    XCTAssertEqual(LifecycleHarness.active(tokens, named: "ci").count, 1)
    XCTAssertEqual(try status("user_token.ci"), "tainted", "the intent was recorded before the request")
    // The expiry report already sees the adopted successor and the rotation it still needs.
    let report = try scene.gitform.run(["expiry", "-json"])
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
    let row = try XCTUnwrap((json["tokens"] as? [[String: Any]])?.first)
    XCTAssertEqual(row["expires_at"] as? String, "2026-06-21")
    XCTAssertEqual(row["next_apply"] as? String, "rotate")

    try assertRecovery(
      "user_token.ci", name: "ci", tokens: scene.userTokens,
      selfCheck: "/api/v4/personal_access_tokens/self")
    XCTAssertEqual(try scene.state("user_token.ci")["expires_at"] as? String, "2026-06-21")
    XCTAssertEqual(try scene.userTokens().filter { $0["name"] as? String == "ci" }.count, 3)
  }

  func testLostSelfRotationNeverPresentsTheRotatedAwayValue() throws {
    try scene.write(userToken("2026-06-11", scopes: "\"api\", \"self_rotate\""))
    try scene.apply()
    try scene.fixture.fault(
      "POST", "/api/v4/personal_access_tokens/self/rotate", ["drop_after_commit": true])
    try scene.write(userToken("2026-06-21", scopes: "\"api\", \"self_rotate\""))
    XCTAssertEqual(try scene.gitform.run(["apply", "-auto-approve", "-no-color"]).status, 1)
    try scene.fixture.resetStats()
    // Presenting the old value to self/rotate would make GitLab revoke the whole family.
    try assertRecovery(
      "user_token.ci", name: "ci", tokens: scene.userTokens,
      selfCheck: "/api/v4/personal_access_tokens/self")
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/self/rotate"), 0)
    XCTAssertEqual(try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate"), 1)
  }

  func testLostRotationAnswerOfAProjectTokenKeepsItsBotUser() throws {
    try scene.write(projectConfig("2026-06-11"))
    try scene.apply()
    let first = try scene.state("project_token.deploy")
    let botID = try XCTUnwrap(first["user_id"] as? Int)
    try scene.fixture.fault(
      "POST", "/api/v4/projects/:id/access_tokens/:token_id/rotate", ["drop_after_commit": true])
    try scene.write(projectConfig("2026-06-21"))
    XCTAssertEqual(try scene.gitform.run(["apply", "-auto-approve", "-no-color"]).status, 1)
    XCTAssertEqual(try status("project_token.deploy"), "tainted")

    try assertRecovery(
      "project_token.deploy", name: "deploy", tokens: scene.projectTokens,
      selfCheck: "/api/v4/projects/\(scene.projectID)")
    let final = try scene.state("project_token.deploy")
    XCTAssertEqual(final["user_id"] as? Int, botID, "every rotation kept the bot user")
    XCTAssertEqual(final["expires_at"] as? String, "2026-06-21")
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    XCTAssertEqual(try scene.fixture.field(variable, "value") as? String, final["token"] as? String)
  }

  func testSIGKILLDuringRotation() throws {
    try scene.write(userToken("2026-06-11"))
    try scene.apply()
    let firstID = try XCTUnwrap(scene.state("user_token.ci")["token_id"] as? Int)
    // The rotation is held for a while on the server, then committed whatever the client does.
    try scene.fixture.fault(
      "POST", "/api/v4/personal_access_tokens/:id/rotate", ["delay_ms": 1500])
    try scene.fixture.resetStats()
    try scene.write(userToken("2026-06-21"))

    let apply = try scene.gitform.start(["apply", "-auto-approve", "-no-color"], discardOutput: true)
    let deadline = Date().addingTimeInterval(20)
    while try scene.requests("POST /api/v4/personal_access_tokens/:id/rotate") == 0, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.02)
    }
    XCTAssertEqual(apply.kill(), .uncaughtSignal)
    // GitLab commits once the delay is over.
    while try scene.userTokens().first(where: { $0["id"] as? Int == firstID })?["revoked"] as? Bool != true,
      Date() < deadline
    {
      Thread.sleep(forTimeInterval: 0.05)
    }
    XCTAssertEqual(try scene.userTokens().first { $0["id"] as? Int == firstID }?["revoked"] as? Bool, true)

    // The next run folds the journal (the intent is in it), adopts and rotates once more.
    try assertRecovery(
      "user_token.ci", name: "ci", tokens: scene.userTokens,
      selfCheck: "/api/v4/personal_access_tokens/self")
    XCTAssertEqual(try scene.state("user_token.ci")["expires_at"] as? String, "2026-06-21")
  }

  func testLostRotationIsResolvedEvenWithoutRefresh() throws {
    try scene.write(userToken("2026-06-11"))
    try scene.apply()
    try scene.fixture.fault(
      "POST", "/api/v4/personal_access_tokens/:id/rotate", ["drop_after_commit": true])
    try scene.write(userToken("2026-06-21"))
    XCTAssertEqual(try scene.gitform.run(["apply", "-auto-approve", "-no-color"]).status, 1)
    let apply = try scene.gitform.run(["apply", "-auto-approve", "-no-color", "-refresh=false"])
    XCTAssertEqual(apply.status, 0, apply.standardOutput + apply.standardError)
    XCTAssertTrue(apply.standardOutput.contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), apply.standardOutput)
    let attributes = try scene.state("user_token.ci")
    XCTAssertNotNil(attributes["token"] as? String)
    XCTAssertEqual(
      LifecycleHarness.active(try scene.userTokens(), named: "ci").map { $0["id"] as? Int },
      [attributes["token_id"] as? Int])
    try scene.assertNoChanges()
  }
}
