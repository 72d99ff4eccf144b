import XCTest

@testable import GitformCore

/// Saved plans apply can trust: `apply FILE` refuses a file changed in any byte, a plan for
/// another lineage or an older serial; the plan key lives in the state, never in the plan.
final class SavedPlanTrustTests: XCTestCase {
  private var scene: InProcessCLI!
  private var directory: URL { scene.directory }

  override func setUpWithError() throws {
    scene = try InProcessCLI("saved-plan")
    _ = try scene.fixture.createProject("app", inGroup: try scene.fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func variables(_ keys: [String]) -> String {
    keys.map {
      "resource \"project_variable\" \"\($0.lowercased())\" {\n  project = \"team/app\"\n  key     = \"\($0)\"\n  value   = var.secret\n}\n"
    }.joined(separator: "\n") + "\nvariable \"secret\" {\n  type      = string\n  sensitive = true\n}\n"
  }

  private func file(_ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  private func writeFile(_ name: String, _ text: String) throws {
    try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
  }

  private func state() throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try file("gitform.tfstate").utf8)) as? [String: Any])
  }

  private let secret = "-var=secret=hunter2-very-secret"

  func testThePlanKeyIsARandomSecretInTheStateAndNotInThePlan() throws {
    try scene.write(variables(["A"]))
    XCTAssertEqual(scene.run(["plan", secret]).code, 0)
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("gitform.tfstate").path), "a plan without -out writes no state")
    let planned = scene.run(["plan", secret, "-out=a.plan"])
    XCTAssertEqual(planned.code, 0, planned.err)
    let key = try XCTUnwrap(try state()["gitform_plan_key"] as? String)
    XCTAssertEqual(key.count, 64)
    let plan = try file("a.plan")
    XCTAssertFalse(plan.contains(key))
    XCTAssertFalse(plan.contains("hunter2"))
    // The variables' digest is keyed: the bare SHA-256 of the value's JSON is not in the file.
    XCTAssertFalse(plan.contains(SHA256.hexDigest(Array("\"hunter2-very-secret\"".utf8))))
    // A second plan reuses the key (so the serial stays), another directory gets another key.
    XCTAssertEqual(scene.run(["plan", secret, "-out=b.plan"]).code, 0)
    XCTAssertEqual(try state()["gitform_plan_key"] as? String, key)
    XCTAssertEqual(try state()["serial"] as? Int, 1)
    XCTAssertEqual(scene.run(["apply", secret, "b.plan"]).code, 0)
    XCTAssertEqual(try state()["gitform_plan_key"] as? String, key, "apply keeps the key")
    XCTAssertEqual(try state()["serial"] as? Int, 2)
  }

  func testAFileChangedInAnyByteIsRefused() throws {
    try scene.write(variables(["A"]))
    XCTAssertEqual(scene.run(["plan", secret, "-out=good.plan"]).code, 0)
    let original = try file("good.plan")
    let tamperings: [(String, String)] = [
      ("byte flipped", original.replacingOccurrences(of: "project_variable.a create", with: "project_variable.a creatf")),
      ("action changed", original.replacingOccurrences(of: "\"project_variable.a create\"", with: "\"project_variable.a delete\"")),
      ("destroy set", original.replacingOccurrences(of: "\"destroy\": false", with: "\"destroy\": true")),
      ("layout changed", original.replacingOccurrences(of: "\n  \"lineage\"", with: "\n   \"lineage\"")),
      ("text changed", original.replacingOccurrences(of: "will be created", with: "will be kept")),
      ("mac replaced", original.replacingOccurrences(of: "\"hmac\": \"", with: "\"hmac\": \"0")),
    ]
    for (what, text) in tamperings {
      XCTAssertNotEqual(text, original, what)
      try writeFile("bad.plan", text)
      let refused = scene.run(["apply", secret, "bad.plan"])
      XCTAssertEqual(refused.code, 1, what)
      XCTAssertTrue(refused.err.contains("Error: Saved plan was modified"), "\(what): \(refused.err)")
    }
    XCTAssertEqual(try scene.fixture.raw(.get, "/api/v4/projects/team%2Fapp/variables/A").status, 404, "nothing was applied")
    let applied = scene.run(["apply", secret, "good.plan"])
    XCTAssertEqual(applied.code, 0, applied.err)
  }

  func testAStalePlanAndAPlanForAnotherLineageAreRefusedInTerraformsWords() throws {
    try scene.write(variables(["A"]))
    XCTAssertEqual(scene.run(["plan", secret, "-out=first.plan"]).code, 0)
    XCTAssertEqual(scene.run(["plan", secret, "-out=second.plan"]).code, 0)
    XCTAssertEqual(scene.run(["apply", secret, "first.plan"]).code, 0)
    let stale = scene.run(["apply", secret, "second.plan"])
    XCTAssertEqual(stale.code, 1)
    XCTAssertEqual(
      stale.err,
      "\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by\nanother operation after the plan was created.\n")

    try scene.write(variables(["A", "B"]))
    XCTAssertEqual(scene.run(["plan", secret, "-out=third.plan"]).code, 0)
    var document = try state()
    document["lineage"] = "00000000-0000-4000-8000-000000000000"
    try JSONSerialization.data(withJSONObject: document).write(to: directory.appendingPathComponent("gitform.tfstate"))
    let other = scene.run(["apply", secret, "third.plan"])
    XCTAssertEqual(other.code, 1, other.out + other.err)
    XCTAssertTrue(
      other.err.hasPrefix("\nError: Saved plan does not match the given state\n\nThe given plan file can not be applied because it was created from a\ndifferent state lineage.\n"), other.err)
  }

  func testChangedVariablesAndChangedPlannedValuesAreRefused() throws {
    try scene.write(variables(["A"]))
    XCTAssertEqual(scene.run(["plan", secret, "-out=a.plan"]).code, 0)
    let otherValue = scene.run(["apply", "-var=secret=other", "a.plan"])
    XCTAssertEqual(otherValue.code, 1)
    XCTAssertTrue(otherValue.err.contains("Error: Saved plan does not match the variables"), otherValue.err)
    XCTAssertEqual(scene.run(["apply", secret, "a.plan"]).code, 0)
    // Same actions as saved (update A) but GitLab's value moved on: the planned value differs.
    try scene.write(variables(["A"]).replacingOccurrences(of: "  value   = var.secret\n", with: "  value   = var.secret\n  protected = true\n"))
    XCTAssertEqual(scene.run(["plan", secret, "-out=update.plan"]).code, 0)
    let changed = try scene.fixture.raw(.put, "/api/v4/projects/team%2Fapp/variables/A", ["masked": "false", "value": "changed-outside"])
    XCTAssertEqual(changed.status, 200)
    let refused = scene.run(["apply", secret, "update.plan"])
    XCTAssertEqual(refused.code, 1, refused.out)
    XCTAssertTrue(refused.err.contains("Error: Saved plan no longer matches"), refused.err)
  }
}
