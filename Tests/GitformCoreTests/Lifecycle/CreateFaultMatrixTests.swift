import Foundation
import XCTest

@testable import GitformCore

/// Every way a token's create can fail — GitLab's 500 and 503 (nothing made), a gateway's 502
/// (nothing made, but gitform cannot know), the answer dropped after GitLab committed — ends,
/// after at most two applies, with exactly one active token per resource whose value in the
/// state works, and a plan with nothing to do.
final class CreateFaultMatrixTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  func testEveryCreateFaultEndsWithOneWorkingToken() throws {
    let faults: [(name: String, action: [String: Any])] = [
      ("s500", ["status": 500]), ("s503", ["status": 503]), ("s502", ["status": 502]),
      ("dropped", ["drop_after_commit": true]),
    ]
    var configuration = ""
    for fault in faults {
      configuration += """
        resource "project_token" "\(fault.name)" {
          project    = "team/app"
          name       = "\(fault.name)"
          scopes     = ["read_api"]
          expires_at = "2026-12-01"
        }

        resource "project_variable" "\(fault.name)" {
          project = "team/app"
          key     = "\(fault.name.uppercased())"
          value   = project_token.\(fault.name).token
          masked  = true
        }


        """
      try scene.write(configuration)
      try scene.fixture.fault("POST", "/api/v4/projects/:id/access_tokens", fault.action)
      let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
      XCTAssertEqual(failed.status, 1, "\(fault.name): " + failed.standardOutput)
      XCTAssertTrue(failed.standardError.contains("Error: Failed to create project_token.\(fault.name)"), failed.standardError)
      try scene.apply()
      let attributes = try scene.state("project_token.\(fault.name)")
      let value = try XCTUnwrap(attributes["token"] as? String, fault.name)
      XCTAssertEqual(
        LifecycleHarness.active(try scene.projectTokens(), named: fault.name).map { $0["id"] as? Int },
        [attributes["token_id"] as? Int], fault.name)
      XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: value).status, 200, fault.name)
      let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/\(fault.name.uppercased())")
      XCTAssertEqual(try scene.fixture.field(variable, "value") as? String, value, fault.name)
      try scene.assertNoChanges()
    }
  }
}
