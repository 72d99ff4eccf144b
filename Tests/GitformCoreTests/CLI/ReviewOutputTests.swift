import XCTest

@testable import GitformCore

/// Output for machines and reviewers: `plan -json`/`apply -json` (Terraform's UI stream),
/// `plan -report=FILE` (GitLab's report artifact) and `plan -markdown`/`show -markdown FILE`.
final class ReviewOutputTests: XCTestCase {
  private var scene: InProcessCLI!

  override func setUpWithError() throws {
    scene = try InProcessCLI("review")
    _ = try scene.fixture.createProject("app", inGroup: try scene.fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func variables(_ keys: [String]) -> String {
    keys.map {
      "resource \"project_variable\" \"\($0.lowercased())\" {\n  project = \"team/app\"\n  key     = \"\($0)\"\n  value   = \"value-of-\($0)-secret\"\n}\n"
    }.joined(separator: "\n") + "\noutput \"keys\" {\n  value = [\(keys.map { "project_variable.\($0.lowercased()).key" }.joined(separator: ", "))]\n}\n"
  }

  private func lines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
      try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
    }
  }

  func testPlanJSONStreamsTerraformsUIMessages() throws {
    try scene.write(variables(["A", "B"]))
    let plan = scene.run(["plan", "-json", "-target=project_variable.a"])
    XCTAssertEqual(plan.code, 0, plan.err)
    let messages = try lines(plan.out)
    XCTAssertEqual(messages.first?["type"] as? String, "version")
    XCTAssertEqual(messages.first?["terraform"] as? String, CommandLineInterface.version)
    for message in messages {
      for key in ["@level", "@message", "@module", "@timestamp", "type"] { XCTAssertNotNil(message[key], "\(key) in \(message)") }
      let stamp = try XCTUnwrap(message["@timestamp"] as? String)
      XCTAssertTrue(stamp.hasSuffix("Z") && stamp.count == 27, stamp)
    }
    let planned = messages.filter { $0["type"] as? String == "planned_change" }
    XCTAssertEqual(planned.map { $0["@message"] as? String }, ["project_variable.a: Plan to create"])
    let change = try XCTUnwrap(planned.first?["change"] as? [String: Any])
    XCTAssertEqual(change["action"] as? String, "create")
    let resource = try XCTUnwrap(change["resource"] as? [String: Any])
    XCTAssertEqual(resource["addr"] as? String, "project_variable.a")
    XCTAssertEqual(resource["resource_type"] as? String, "project_variable")
    XCTAssertEqual(resource["resource_name"] as? String, "a")
    XCTAssertTrue(resource["resource_key"] is NSNull)
    let summary = try XCTUnwrap(messages.first { $0["type"] as? String == "change_summary" })
    XCTAssertEqual(summary["@message"] as? String, "Plan: 1 to add, 0 to change, 0 to destroy.")
    let counts = try XCTUnwrap(summary["changes"] as? [String: Any])
    XCTAssertEqual(counts["add"] as? Int, 1)
    XCTAssertEqual(counts["change"] as? Int, 0)
    XCTAssertEqual(counts["import"] as? Int, 0)
    XCTAssertEqual(counts["remove"] as? Int, 0)
    XCTAssertEqual(counts["operation"] as? String, "plan")
    let warning = try XCTUnwrap(messages.first { $0["type"] as? String == "diagnostic" })
    XCTAssertEqual(warning["@level"] as? String, "warn")
    XCTAssertEqual(warning["@message"] as? String, "Warning: Resource targeting is in effect")
    XCTAssertEqual((warning["diagnostic"] as? [String: Any])?["severity"] as? String, "warning")
    XCTAssertFalse(plan.out.contains("value-of-"))
  }

  func testPlanJSONReportsDriftBeforeThePlannedChanges() throws {
    try scene.write(variables(["A"]))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    XCTAssertEqual(try scene.fixture.raw(.delete, "/api/v4/projects/team%2Fapp/variables/A").status, 204)
    let plan = scene.run(["plan", "-json"])
    XCTAssertEqual(plan.code, 0, plan.err)
    let messages = try lines(plan.out).filter { ["resource_drift", "planned_change"].contains($0["type"] as? String) }
    XCTAssertEqual(messages.map { $0["@message"] as? String }, ["project_variable.a: Drift detected (delete)", "project_variable.a: Plan to create"])
  }

  func testApplyJSONStreamsHooksSummaryAndOutputs() throws {
    try scene.write(variables(["A"]) + "\noutput \"ratio\" {\n  value = 1.5\n}\n")
    let refused = scene.run(["apply", "-json"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertEqual(try lines(refused.out).last?["@message"] as? String, "Error: Plan file or auto-approve required")

    let applied = scene.run(["apply", "-json", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.err)
    let messages = try lines(applied.out)
    let types = messages.compactMap { $0["type"] as? String }
    XCTAssertEqual(types.filter { $0 != "log" }, ["version", "planned_change", "change_summary", "apply_start", "apply_complete", "change_summary", "outputs"])
    let start = try XCTUnwrap(messages.first { $0["type"] as? String == "apply_start" })
    XCTAssertEqual(start["@message"] as? String, "project_variable.a: Creating...")
    XCTAssertEqual((start["hook"] as? [String: Any])?["action"] as? String, "create")
    let complete = try XCTUnwrap(messages.first { $0["type"] as? String == "apply_complete" })
    XCTAssertEqual((complete["hook"] as? [String: Any])?["elapsed_seconds"] as? Int, 0)
    let summary = try XCTUnwrap(messages.last { $0["type"] as? String == "change_summary" })
    XCTAssertEqual(summary["@message"] as? String, "Apply complete! Resources: 1 added, 0 changed, 0 destroyed.")
    XCTAssertEqual((summary["changes"] as? [String: Any])?["operation"] as? String, "apply")
    let outputs = try XCTUnwrap(messages.last?["outputs"] as? [String: Any])
    XCTAssertEqual((outputs["keys"] as? [String: Any])?["value"] as? [String], ["A"])
    XCTAssertTrue(applied.out.contains("\"ratio\":{\"sensitive\":false,\"value\":1.5,\"type\":\"number\"}"), applied.out)
    XCTAssertFalse(applied.out.contains("value-of-"))

    try scene.write(variables(["A", "B"]))
    try scene.fixture.fault("POST", "/api/v4/projects/:id/variables", times: 5, ["status": 500])
    let failed = scene.run(["apply", "-json", "-auto-approve"])
    XCTAssertEqual(failed.code, 1)
    let failure = try lines(failed.out)
    XCTAssertEqual(failure.first { $0["type"] as? String == "apply_errored" }?["@message"] as? String, "project_variable.b: Creation errored")
    XCTAssertEqual(failure.last { $0["type"] as? String == "diagnostic" }?["@level"] as? String, "error")
  }

  func testReportCountsAReplacementAsCreateAndDelete() throws {
    try scene.write(variables(["A", "B", "C"]))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(variables(["A", "B", "D"]))
    let plan = scene.run(["plan", "-replace=project_variable.a", "-report=plan.json"])
    XCTAssertEqual(plan.code, 0, plan.err)
    XCTAssertTrue(plan.out.contains("Plan: 2 to add, 0 to change, 2 to destroy."), plan.out)
    let report = try String(contentsOf: scene.directory.appendingPathComponent("plan.json"), encoding: .utf8)
    XCTAssertEqual(report, "{\"create\":2,\"update\":0,\"delete\":2}\n")
  }

  func testMarkdownSummaryForTheMergeRequest() throws {
    try scene.write(variables(["A", "B"]))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(variables(["A", "C"]))
    let plan = scene.run(["plan", "-markdown", "-out=p.plan", "-target=project_variable.b", "-target=project_variable.c"])
    XCTAssertEqual(plan.code, 0, plan.err)
    let markdown = plan.out
    XCTAssertTrue(markdown.hasPrefix("<!-- gitform:plan-summary -->\n### gitform plan: 1 to add, 0 to change, 1 to destroy\n"), markdown)
    XCTAssertTrue(markdown.contains("| Action | Address | Reason |\n|---|---|---|\n"), markdown)
    XCTAssertTrue(markdown.contains("| destroy | `project_variable.b` | project_variable.b is not in configuration |\n"), markdown)
    XCTAssertTrue(markdown.contains("| create | `project_variable.c` | not in the state yet |\n"), markdown)
    XCTAssertTrue(markdown.contains("**Warnings**\n\n- **Resource targeting is in effect**: "), markdown)
    XCTAssertTrue(markdown.contains("<details><summary>Full plan</summary>\n\n```text\n"), markdown)
    XCTAssertTrue(markdown.contains("  # project_variable.c will be created\n"), markdown)
    XCTAssertTrue(markdown.hasSuffix("```\n\n</details>\n"), markdown)
    XCTAssertFalse(markdown.contains("value-of-"), "a variable's value is in the summary")
    XCTAssertEqual(scene.run(["show", "-markdown", "p.plan"]).out, markdown, "show -markdown FILE gives the same summary")
  }

  func testMarkdownIsShortenedWithAMarkerToFitTheNoteLimit() throws {
    let text = String(repeating: "  # project_variable.x will be created\n", count: 20_000)
    let review = PlanReview(text: text, document: .object([("resource_changes", .array([]))]))
    let full = review.markdown()
    XCTAssertFalse(full.contains("shortened"), "an 800,000-character plan fits a note whole")
    XCTAssertTrue(full.hasSuffix(text + "```\n\n</details>\n"))
    let short = review.markdown(limit: 100_000)
    XCTAssertLessThanOrEqual(short.unicodeScalars.count, 100_000)
    XCTAssertTrue(short.contains("… (shortened to fit GitLab's note limit; the whole plan is in the job log)"), String(short.suffix(300)))
    XCTAssertTrue(short.hasSuffix("```\n\n</details>\n"))
    let tiny = review.markdown(limit: 300)
    XCTAssertLessThanOrEqual(tiny.unicodeScalars.count, 300)
    XCTAssertTrue(tiny.contains("shortened to fit"), tiny)
  }
}
