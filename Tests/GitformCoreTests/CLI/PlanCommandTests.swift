import XCTest

@testable import GitformCore

/// `gitform plan` flags and lifecycle rules, run in process against the emulator.
final class PlanCommandTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var directory: URL { scene.directory }

  override func setUpWithError() throws {
    scene = try InProcessCLI("plan")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func variables(_ keys: [String], extra: String = "") -> String {
    keys.map {
      "resource \"project_variable\" \"\($0.lowercased())\" {\n  project = \"team/app\"\n  key     = \"\($0)\"\n  value   = \"v\"\n\(extra)}\n"
    }.joined(separator: "\n")
  }

  func testTargetReplaceAndDestroy() throws {
    try scene.write(variables(["A", "B"]))
    let target = scene.run(["plan", "-target=project_variable.a"])
    XCTAssertEqual(target.code, 0, target.err)
    XCTAssertTrue(target.out.contains("Plan: 1 to add, 0 to change, 0 to destroy."), target.out)
    XCTAssertTrue(target.out.contains("Warning: Resource targeting is in effect"))
    XCTAssertFalse(target.out.contains("project_variable.b will be created"))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)

    let replace = scene.run(["plan", "-replace=project_variable.b", "-detailed-exitcode"])
    XCTAssertEqual(replace.code, 2)
    XCTAssertTrue(replace.out.contains("  # project_variable.b will be replaced, as requested\n-/+ resource"), replace.out)
    let saving = scene.run(["plan", "-replace=project_variable.b", "-out=r.plan"])
    XCTAssertEqual(saving.code, 0)
    // `show FILE` prints the plan as `plan` printed it (issue 11).
    let shown = scene.run(["show", "r.plan"]).out
    XCTAssertTrue(shown.contains("  # project_variable.b will be replaced, as requested\n-/+ resource"), shown)
    XCTAssertTrue(saving.out.contains(shown), shown)

    let destroy = scene.run(["plan", "-destroy"])
    XCTAssertTrue(destroy.out.contains("Plan: 0 to add, 0 to change, 2 to destroy."), destroy.out)
    XCTAssertTrue(destroy.out.contains("  # project_variable.a will be destroyed\n  - resource"), destroy.out)

    // Without refresh nothing is read from GitLab, so a deleted variable goes unnoticed.
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/projects/team%2Fapp/variables/A").status, 204)
    XCTAssertEqual(scene.run(["plan", "-refresh=false", "-detailed-exitcode"]).code, 0)
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 2)
  }

  func testRemovedBlockIsDestroyedWithItsReasonAndPreventDestroyStopsIt() throws {
    try scene.write(variables(["A", "B"]))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(variables(["A"]))
    let plan = scene.run(["plan"])
    XCTAssertTrue(
      plan.out.contains("  # project_variable.b will be destroyed\n  # (because project_variable.b is not in configuration)\n"), plan.out)
    try scene.write(variables(["A"], extra: "  lifecycle {\n    prevent_destroy = true\n  }\n"))
    let refused = scene.run(["plan", "-destroy"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Error: Instance cannot be destroyed"), refused.err)
  }

  func testIgnoreChangesAndProjectSpelledByID() throws {
    try scene.write(variables(["A"]))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let projectID = try XCTUnwrap(fixture.field(try fixture.raw(.get, "/api/v4/projects/team%2Fapp"), "id") as? Int)
    // The same project by id: nothing forces a replacement.
    try scene.write(variables(["A"]).replacingOccurrences(of: "\"team/app\"", with: "\"\(projectID)\""))
    let respelled = scene.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(respelled.code, 0, respelled.out)
    // A changed value is ignored when ignore_changes names it.
    try scene.write(variables(["A"], extra: "  lifecycle {\n    ignore_changes = [value]\n  }\n").replacingOccurrences(of: "= \"v\"", with: "= \"w\""))
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 0)
    try scene.write(variables(["A"]).replacingOccurrences(of: "= \"v\"", with: "= \"w\""))
    let changed = scene.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(changed.code, 2)
    // A variable's value is always sensitive (issue 9, item 5).
    XCTAssertTrue(changed.out.contains("      ~ value             = (sensitive value)\n"), changed.out)
  }

  func testSavedPlanIsAppliedExactlyOrRefused() throws {
    try scene.write(variables(["A"]))
    let planned = scene.run(["plan", "-out=first.plan"])
    XCTAssertEqual(planned.code, 0, planned.err)
    XCTAssertTrue(planned.out.hasSuffix("Saved the plan to: first.plan\n\nTo perform exactly these actions, run the following command to apply:\n    gitform apply \"first.plan\"\n"), planned.out)
    let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("first.plan").path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
    XCTAssertTrue(scene.run(["show", "first.plan"]).out.contains("  # project_variable.a will be created\n"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(scene.run(["show", "-json", "first.plan"]).out.utf8)) as? [String: Any])
    let change = try XCTUnwrap((json["resource_changes"] as? [[String: Any]])?.first)
    XCTAssertEqual(change["address"] as? String, "project_variable.a")
    XCTAssertEqual((change["change"] as? [String: Any])?["actions"] as? [String], ["create"])
    XCTAssertEqual(change["reason"] as? String, "not in the state yet")
    let applied = scene.run(["apply", "first.plan"])
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), applied.out)
    let again = scene.run(["apply", "first.plan"])
    XCTAssertEqual(again.code, 1)
    XCTAssertTrue(again.err.contains("Error: Saved plan is stale"), again.err)

    try scene.write(variables(["A", "B"]))
    XCTAssertEqual(scene.run(["plan", "-out=second.plan"]).code, 0)
    try scene.write(variables(["A", "C"]))
    let edited = scene.run(["apply", "second.plan"])
    XCTAssertEqual(edited.code, 1)
    XCTAssertTrue(edited.err.contains("Error: Saved plan does not match the configuration"), edited.err)

    try scene.write(variables(["A", "B"]))
    XCTAssertEqual(scene.run(["plan", "-out=third.plan"]).code, 0)
    XCTAssertTrue(scene.run(["show", "third.plan"]).out.contains("Plan: 1 to add, 0 to change, 0 to destroy."))
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/projects/team%2Fapp/variables/A").status, 204)
    let drifted = scene.run(["apply", "third.plan"])
    XCTAssertEqual(drifted.code, 1)
    XCTAssertTrue(drifted.err.contains("Error: Saved plan no longer matches"), drifted.err)
    XCTAssertEqual(scene.run(["apply", "missing.plan"]).code, 1)
  }

  func testColourOnlyOnATerminal() throws {
    try scene.write(variables(["A"]))
    let output = scene.workspace.run(["plan"], terminal: true)
    XCTAssertEqual(output.code, 0)
    XCTAssertTrue(output.out.contains("  \u{1B}[32m+\u{1B}[0m create\n"), output.out)
    let plain = scene.workspace.run(["plan", "-no-color"], terminal: true)
    XCTAssertEqual(plain.code, 0)
    XCTAssertFalse(plain.out.contains("\u{1B}["))
  }

  func testLockTimeoutWaitsForTheHolder() throws {
    try scene.write(variables(["A"]))
    let statePath = directory.appendingPathComponent("gitform.tfstate").path
    let holder = try StateLock.acquire(LockInfo(operation: LockInfo.apply, version: "test", path: "gitform.tfstate"), statePath: statePath)
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { try? holder.unlock() }
    let waited = scene.run(["plan", "-lock-timeout=5s"])
    XCTAssertEqual(waited.code, 0, waited.err)
  }

  func testImportBlockAdoptsAVariable() throws {
    let made = try fixture.raw(.post, "/api/v4/projects/team%2Fapp/variables", ["key": "LEGACY", "value": "kept"])
    XCTAssertEqual(made.status, 201)
    try scene.write(
      "import {\n  to = project_variable.legacy\n  id = \"team/app:LEGACY\"\n}\n\n"
        + variables(["LEGACY"]).replacingOccurrences(of: "= \"v\"", with: "= \"kept\""))
    let plan = scene.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 2, plan.err)
    XCTAssertTrue(plan.out.contains("  # project_variable.legacy will be imported\n    resource \"project_variable\" \"legacy\" {\n"), plan.out)
    XCTAssertTrue(plan.out.contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."), plan.out)
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertTrue(applied.out.contains("Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed."), applied.out)
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 0)
    try scene.write("import {\n  to = project_variable.legacy\n  id = \"team/app\"\n}\n\n" + variables(["OTHER"]))
    let bad = scene.run(["plan"])
    XCTAssertEqual(bad.code, 1)
    XCTAssertTrue(bad.err.contains("Configuration for import target does not exist"), bad.err)
  }
}
