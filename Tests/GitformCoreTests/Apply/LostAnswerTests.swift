import Foundation
import XCTest

@testable import GitformCore

/// The idempotent deletions whose answer is lost after GitLab committed them — a token's
/// revocation, a variable's deletion — are sent again, and the 404 the repeated deletion may
/// meet counts as done only because the token can see the project: one apply finishes, with
/// nothing left behind and nothing forgotten. (A lost answer to a variable's PUT is retried the
/// same way, but the transport still waits out its 30-second timeout on it, so it is not here.)
final class LostAnswerTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func configure(variableValue: String?, tokens: Bool = true) throws {
    var text = ""
    if tokens {
      text += """
        resource "user_token" "ci" {
          user_id    = \(scene.aliceID)
          name       = "ci"
          scopes     = ["api"]
          expires_at = "2026-12-01"
        }

        resource "project_token" "deploy" {
          project    = "team/app"
          name       = "deploy"
          scopes     = ["read_api"]
          expires_at = "2026-12-01"
        }


        """
    }
    if let variableValue {
      text += """
        resource "project_variable" "v" {
          project = "team/app"
          key     = "V"
          value   = \(variableValue)
          masked  = true
        }

        """
    }
    try scene.write(text)
  }

  private func variable() throws -> (status: Int, value: String?) {
    let answer = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/V")
    return (answer.status, (answer.json as? [String: Any])?["value"] as? String)
  }

  func testLostAnswerToTheDeleteOfAVariable() throws {
    try configure(variableValue: "project_token.deploy.token")
    try scene.apply()
    XCTAssertEqual(try variable().value, try scene.state("project_token.deploy")["token"] as? String)

    try configure(variableValue: nil)
    try scene.fixture.fault("DELETE", "/api/v4/projects/:id/variables/:key", ["drop_after_commit": true])
    let deleted = try scene.apply()
    XCTAssertTrue(deleted.standardOutput.contains("0 added, 0 changed, 1 destroyed."), deleted.standardOutput)
    XCTAssertEqual(try variable().status, 404)
    try scene.assertNoChanges()
  }

  func testLostAnswersToRevocations() throws {
    try configure(variableValue: nil)
    try scene.apply()
    let user = try XCTUnwrap(try scene.state("user_token.ci")["token"] as? String)
    let project = try XCTUnwrap(try scene.state("project_token.deploy")["token"] as? String)
    try scene.fixture.fault("DELETE", "/api/v4/personal_access_tokens/:id", ["drop_after_commit": true])
    try scene.fixture.fault("DELETE", "/api/v4/projects/:id/access_tokens/:token_id", ["drop_after_commit": true])
    let destroyed = try scene.gitform.run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(destroyed.status, 0, destroyed.standardOutput + destroyed.standardError)
    XCTAssertTrue(destroyed.standardOutput.contains("Destroy complete! Resources: 2 destroyed."), destroyed.standardOutput)
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/personal_access_tokens/self", token: user).status, 401)
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: project).status, 401)
    XCTAssertEqual(try scene.gitform.tokenValuesInState(), [])
  }
}
