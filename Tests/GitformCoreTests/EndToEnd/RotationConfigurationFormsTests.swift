import XCTest

@testable import GitformCore

/// `rotation_configuration` as the Terraform provider declares it — a nested attribute,
/// `rotation_configuration = { ... }` — and in gitform's block form: both apply the same token,
/// switching between them changes nothing, and plans render it as Terraform renders a nested
/// attribute (issue 9, item 11).
final class RotationConfigurationFormsTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws {
    scene = try LifecycleHarness()
  }

  override func tearDown() {
    scene?.finish()
  }

  private func projectToken(_ rotation: String) -> String {
    """
    resource "project_token" "deploy" {
      project = "team/app"
      name    = "deploy"
      scopes  = ["read_api"]
      \(rotation)
    }

    """
  }

  func testTheAttributeFormAppliesAndTheBlockFormIsTheSame() throws {
    try scene.write(projectToken("rotation_configuration = { expiration_days = 30, rotate_before_days = 7 }"))
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardError)
    XCTAssertTrue(
      plan.standardOutput.contains(
        """
              + rotation_configuration = {
                  + expiration_days    = 30
                  + rotate_before_days = 7
                }

        """), plan.standardOutput)
    try scene.apply()
    let token = try scene.state("project_token.deploy")
    XCTAssertEqual(token["expires_at"] as? String, "2026-07-01")
    XCTAssertEqual((token["rotation_configuration"] as? [String: Any])?["rotate_before_days"] as? Int, 7)
    XCTAssertEqual(LifecycleHarness.active(try scene.projectTokens(), named: "deploy").count, 1)

    try scene.write(projectToken("rotation_configuration {\n    expiration_days    = 30\n    rotate_before_days = 7\n  }"))
    try scene.assertNoChanges()

    // Changed days in the attribute form: one rotation, the days diffed inside the braces.
    try scene.write(projectToken("rotation_configuration = { expiration_days = 60, rotate_before_days = 7 }"))
    let changed = try scene.plan()
    XCTAssertEqual(changed.status, 2, changed.standardError)
    XCTAssertTrue(
      changed.standardOutput.contains(
        """
              ~ rotation_configuration = {
                  ~ expiration_days    = 30 -> 60
                    # (1 unchanged attribute hidden)
                }

        """), changed.standardOutput)
    try scene.apply()
    XCTAssertEqual(try scene.state("project_token.deploy")["expires_at"] as? String, "2026-07-31")
    try scene.assertNoChanges()
  }
}
