import Foundation
import XCTest

@testable import GitformCore

/// Every way a token's create can fail — GitLab's 500 and 503, a gateway's 502, the answer
/// dropped after GitLab committed — ends with exactly one active token per resource whose value
/// in the state works, and a plan with nothing to do: within the same apply when gitform may
/// send again (it looks at GitLab first and adopts what the failed send made), and after at
/// most two applies when it may not (`retries = 0`), the state keeping the create in doubt.
final class CreateFaultMatrixTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private let faults: [(name: String, action: [String: Any])] = [
    ("s500", ["status": 500]), ("s503", ["status": 503]), ("s502", ["status": 502]),
    ("dropped", ["drop_after_commit": true]),
  ]

  private func block(_ name: String) -> String {
    """
    resource "project_token" "\(name)" {
      project    = "team/app"
      name       = "\(name)"
      scopes     = ["read_api"]
      expires_at = "2026-12-01"
    }

    resource "project_variable" "\(name)" {
      project = "team/app"
      key     = "\(name.uppercased())"
      value   = project_token.\(name).token
      masked  = true
    }


    """
  }

  func testEveryCreateFaultIsResolvedWithinOneApply() throws {
    var configuration = ""
    for fault in faults {
      configuration += block(fault.name)
      try scene.write(configuration)
      try scene.fixture.fault("POST", "/api/v4/projects/:id/access_tokens", fault.action)
      try scene.fixture.resetStats()
      let applied = try scene.apply()
      XCTAssertTrue(
        applied.standardOutput.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."),
        fault.name + ": " + applied.standardOutput)
      // Nothing made: sent again. Made, answer lost: found, and rotated once for its value.
      let made = fault.name == "dropped"
      XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens"), made ? 1 : 2, fault.name)
      XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens/:token_id/rotate"), made ? 1 : 0, fault.name)
      try assertOneWorkingToken(fault.name)
    }
  }

  func testEveryCreateFaultLeftInDoubtEndsWithOneWorkingTokenAfterTwoApplies() throws {
    scene.gitform.environment["GITFORM_RETRIES"] = "0"
    var configuration = ""
    for fault in faults {
      configuration += block(fault.name)
      try scene.write(configuration)
      try scene.fixture.fault("POST", "/api/v4/projects/:id/access_tokens", fault.action)
      let failed = try scene.gitform.run(["apply", "-auto-approve", "-no-color"])
      XCTAssertEqual(failed.status, 1, "\(fault.name): " + failed.standardOutput)
      XCTAssertTrue(failed.standardError.contains("Error: Failed to create project_token.\(fault.name)"), failed.standardError)
      XCTAssertTrue(
        failed.standardError.replacingOccurrences(of: "\n", with: " ").contains("GitLab may have created it."),
        failed.standardError)
      try scene.apply()
      try assertOneWorkingToken(fault.name)
    }
  }

  /// One active token named `name`, the state's, whose value works and is its variable's.
  private func assertOneWorkingToken(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let attributes = try scene.state("project_token.\(name)", file: file, line: line)
    let value = try XCTUnwrap(attributes["token"] as? String, name, file: file, line: line)
    XCTAssertEqual(
      LifecycleHarness.active(try scene.projectTokens(), named: name).map { $0["id"] as? Int },
      [attributes["token_id"] as? Int], name, file: file, line: line)
    XCTAssertEqual(
      try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)", token: value).status, 200, name,
      file: file, line: line)
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/\(name.uppercased())")
    // Compared, never printed.
    XCTAssertTrue(try scene.fixture.field(variable, "value") as? String == value, name, file: file, line: line)
    try scene.assertNoChanges(file: file, line: line)
  }
}
