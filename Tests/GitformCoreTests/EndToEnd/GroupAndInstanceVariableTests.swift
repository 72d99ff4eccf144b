import Foundation
import XCTest

@testable import GitformCore

/// `group_variable` and `instance_variable` against the emulator: made, changed in place,
/// replaced when the scope changes, imported and destroyed — with their values (a token's,
/// typically) never printed.
final class GroupAndInstanceVariableTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var groupID = 0
  static let secret = "s3cr3t-value-for-ci-only"
  static let rotated = "r0tated-value-for-ci-only"

  override func setUpWithError() throws {
    scene = try InProcessCLI("ci-variables")
    groupID = try fixture.createGroup("platform")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(value: String = secret, scope: String = "production") -> String {
    """
    resource "group_variable" "deploy" {
      group             = "platform"
      key               = "DEPLOY_TOKEN"
      value             = "\(value)"
      masked            = true
      protected         = true
      environment_scope = "\(scope)"
    }

    resource "instance_variable" "registry" {
      key         = "REGISTRY_TOKEN"
      value       = "\(value)"
      description = "pull only"
    }

    """
  }

  private func flat(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @discardableResult
  private func run(_ arguments: [String], code: Int32 = 0, file: StaticString = #filePath, line: UInt = #line) -> String {
    let result = scene.run(arguments)
    let text = result.out + result.err
    XCTAssertEqual(result.code, code, "\(arguments): \(text)", file: file, line: line)
    for secret in [GroupAndInstanceVariableTests.secret, GroupAndInstanceVariableTests.rotated] {
      XCTAssertFalse(text.contains(secret), "a value shown by \(arguments)", file: file, line: line)
    }
    return text
  }

  private func groupVariable(scope: String = "production") throws -> (status: Int, json: Any?) {
    try fixture.raw(.get, "/api/v4/groups/\(groupID)/variables/DEPLOY_TOKEN?filter%5Benvironment_scope%5D=\(scope)")
  }

  func testMadeChangedReplacedAndDestroyed() throws {
    try scene.write(configuration())
    let applied = run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."), applied)
    XCTAssertTrue(applied.contains("group_variable.deploy: Creation complete after 0s [id=platform:DEPLOY_TOKEN:production]"), applied)
    XCTAssertTrue(applied.contains("instance_variable.registry: Creation complete after 0s [id=REGISTRY_TOKEN]"), applied)
    let group = try groupVariable()
    XCTAssertEqual(try fixture.field(group, "value") as? String, GroupAndInstanceVariableTests.secret)
    XCTAssertEqual(try fixture.field(group, "masked") as? Bool, true)
    XCTAssertEqual(try fixture.field(group, "protected") as? Bool, true)
    let instance = try fixture.raw(.get, "/api/v4/admin/ci/variables/REGISTRY_TOKEN")
    XCTAssertEqual(try fixture.field(instance, "description") as? String, "pull only")
    XCTAssertTrue(run(["plan"]).contains("No changes."))

    // A new value is an update in place, shown only as sensitive.
    try scene.write(configuration(value: GroupAndInstanceVariableTests.rotated))
    let update = run(["plan"])
    XCTAssertTrue(update.contains("~ value             = (sensitive value)"), update)
    XCTAssertTrue(update.contains("Plan: 0 to add, 2 to change, 0 to destroy."), update)
    run(["apply", "-auto-approve"])
    XCTAssertEqual(try fixture.field(try groupVariable(), "value") as? String, GroupAndInstanceVariableTests.rotated)

    // Another scope is another variable: replaced, old one first.
    try scene.write(configuration(value: GroupAndInstanceVariableTests.rotated, scope: "staging"))
    let moved = run(["apply", "-auto-approve"])
    XCTAssertTrue(moved.contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed."), moved)
    XCTAssertEqual(try groupVariable().status, 404)
    XCTAssertEqual(try groupVariable(scope: "staging").status, 200)

    let destroyed = run(["destroy", "-auto-approve"])
    XCTAssertTrue(destroyed.contains("Destroy complete! Resources: 2 destroyed."), destroyed)
    XCTAssertEqual(try groupVariable(scope: "staging").status, 404)
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/admin/ci/variables/REGISTRY_TOKEN").status, 404)
  }

  func testImportedThenConverged() throws {
    XCTAssertEqual(
      try fixture.raw(
        .post, "/api/v4/groups/\(groupID)/variables",
        ["key": "DEPLOY_TOKEN", "value": GroupAndInstanceVariableTests.secret, "masked": true, "protected": true,
         "environment_scope": "production"]).status, 201)
    XCTAssertEqual(
      try fixture.raw(
        .post, "/api/v4/admin/ci/variables",
        ["key": "REGISTRY_TOKEN", "value": GroupAndInstanceVariableTests.secret, "description": "pull only"]).status, 201)
    try scene.write(configuration())
    XCTAssertTrue(run(["import", "group_variable.deploy", "platform:DEPLOY_TOKEN:production"]).contains("Import successful!"))
    XCTAssertTrue(run(["import", "instance_variable.registry", "REGISTRY_TOKEN"]).contains("Import successful!"))
    XCTAssertTrue(run(["plan"]).contains("No changes."))

    run(["state", "rm", "instance_variable.registry", "group_variable.deploy"])
    let bad = run(["import", "instance_variable.registry", "not a key"], code: 1)
    XCTAssertTrue(flat(bad).contains("Unexpected import id \"not a key\": expected <key>, for example \"DEPLOY_TOKEN\"."), bad)
    let badGroup = run(["import", "group_variable.deploy", "platform"], code: 1)
    XCTAssertTrue(flat(badGroup).contains("expected <group>:<key>[:<environment_scope>]"), badGroup)
  }

  func testAMaskedValueGitLabWouldRefuseFailsThePlan() throws {
    try scene.write(configuration(value: "short"))
    let refused = run(["plan"], code: 1)
    XCTAssertTrue(refused.contains("Error: Invalid value for a masked variable"), refused)
    // The detail describes the value; only the source snippet (the user's own text) shows it.
    XCTAssertTrue(flat(refused).contains("GitLab would reject this masked value: it must be at least 8 characters long."), refused)
  }
}
