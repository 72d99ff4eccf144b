import Foundation
import XCTest

@testable import GitformCore

/// `examples/scheduled-rotation` as its CI schedule runs it: the commands of its
/// `.gitlab-ci.yml` (the report, then apply and the final check), run day after day against the
/// emulator while both clocks move. The report warns (exit 2) when a rotation is due, the apply
/// rotates, and the check after it passes.
final class ScheduledRotationExampleTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private var exampleDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("examples/scheduled-rotation")
  }

  /// The `gitform ...` commands of a job's script, with the state path the job passes.
  private func gitformCommands(job: String, in pipeline: String) -> [[String]] {
    var commands: [[String]] = []
    var inJob = false
    for line in pipeline.split(separator: "\n", omittingEmptySubsequences: false) {
      if !line.hasPrefix(" ") && !line.isEmpty { inJob = line == "\(job):" }
      let text = line.trimmingCharacters(in: .whitespaces)
      guard inJob, text.hasPrefix("- gitform ") else { continue }
      var command = text.dropFirst(2).components(separatedBy: " ").filter { !$0.isEmpty }
      if let redirect = command.firstIndex(of: ">") { command = Array(command[..<redirect]) }
      if let or = command.firstIndex(of: "||") { command = Array(command[..<or]) }
      commands.append(
        command.dropFirst().map { $0 == "-state=\"$GITFORM_STATE\"" ? "-state=ci.tfstate" : $0 })
    }
    return commands
  }

  func testTheScheduleReportsAndRotatesWhatIsDue() throws {
    let pipeline = try String(
      contentsOf: exampleDirectory.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)
    XCTAssertTrue(pipeline.contains("$CI_PIPELINE_SOURCE == \"schedule\""))
    let report = gitformCommands(job: "expiry-report", in: pipeline)
    let rotate = gitformCommands(job: "rotate", in: pipeline)
    XCTAssertEqual(report.map { $0.first }, ["expiry", "expiry"])
    XCTAssertEqual(rotate.map { $0.first }, ["apply", "expiry"])
    XCTAssertTrue(rotate[0].contains("-auto-approve"))
    try scene.gitform.write(
      "main.gf.hcl",
      try String(contentsOf: exampleDirectory.appendingPathComponent("main.gf.hcl"), encoding: .utf8))

    // Day 0: the first scheduled run creates everything.
    func run(_ command: [String]) throws -> GitformProcess.Result { try scene.gitform.run(command) }
    XCTAssertEqual(try run(rotate[0]).status, 0)
    XCTAssertEqual(try run(rotate[1]).status, 0)
    let deployID = try XCTUnwrap(try stateToken("project_token.deploy")["token_id"] as? Int)
    XCTAssertEqual(try stateToken("project_token.deploy")["expires_at"] as? String, "2026-07-01")

    // Day 5: nothing within 14 days yet.
    try scene.moveClock(to: "2026-06-06T03:00:00Z")
    XCTAssertEqual(try run(report[0]).status, 0)

    // Day 20: deploy's rotation date (2026-06-24) is within 14 days: the report warns.
    try scene.moveClock(to: "2026-06-21T03:00:00Z")
    let warning = try run(report[1])
    XCTAssertEqual(warning.status, 2, warning.standardError)
    let line = warning.standardOutput.split(separator: "\n").first { $0.hasPrefix("project_token.deploy") }
    XCTAssertTrue(line?.hasSuffix("2026-07-01         10  2026-06-24  due     -") == true, warning.standardOutput)
    XCTAssertEqual(try run(rotate[0]).status, 0, "nothing is due yet, apply changes nothing")
    XCTAssertEqual(try stateToken("project_token.deploy")["token_id"] as? Int, deployID)

    // Day 23: the rotation date has come; the schedule rotates and the check passes.
    try scene.moveClock(to: "2026-06-24T03:00:00Z")
    let applied = try run(rotate[0])
    XCTAssertEqual(applied.status, 0, applied.standardError)
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 0 added, 2 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertEqual(try run(rotate[1]).status, 0)
    let deploy = try stateToken("project_token.deploy")
    XCTAssertGreaterThan(try XCTUnwrap(deploy["token_id"] as? Int), deployID)
    XCTAssertEqual(deploy["expires_at"] as? String, "2026-07-24")
    let variable = try scene.fixture.raw(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    XCTAssertEqual(try scene.fixture.field(variable, "value") as? String, deploy["token"] as? String)
  }

  /// Attributes from the CI's state file.
  private func stateToken(_ address: String) throws -> [String: Any] {
    let data = try Data(contentsOf: scene.gitform.directory.appendingPathComponent("ci.tfstate"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    for resource in json["resources"] as? [[String: Any]] ?? []
    where "\(resource["type"] ?? "").\(resource["name"] ?? "")" == address {
      let instance = try XCTUnwrap((resource["instances"] as? [[String: Any]])?.first)
      return try XCTUnwrap(instance["attributes"] as? [String: Any])
    }
    XCTFail("\(address) is not in the state")
    return [:]
  }
}
