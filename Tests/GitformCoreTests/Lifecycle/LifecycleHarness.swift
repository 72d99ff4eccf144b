import Foundation
import XCTest

@testable import GitformCore

/// The scene of the lifecycle tests: an emulator with user `alice`, group `team` and project
/// `team/app`, the built `gitform` in a scratch directory, and one clock for both — the
/// emulator's (`POST /-/emulator/clock`) and gitform's (`GITFORM_NOW`) always move together.
///
/// Server-side facts are read through the emulator's own routes, never through gitform.
final class LifecycleHarness {
  let fixture: EmulatorFixture
  let gitform: GitformProcess
  let aliceID: Int
  let projectID: Int
  let groupID: Int
  private(set) var now = "2026-06-01T12:00:00Z"
  /// Every token value any state held during the test, for the final secret scan.
  private(set) var issued: Set<String> = []

  init() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    aliceID = try fixture.createUser("alice")
    groupID = try fixture.createGroup("team")
    projectID = try fixture.createProject("app", inGroup: groupID)
    gitform = try .inTemporaryDirectory("lifecycle", against: fixture, now: now)
  }

  /// Stops the emulator and, after checking that no output ever held a token value, removes
  /// the directory.
  func finish(file: StaticString = #filePath, line: UInt = #line) {
    collectIssued()
    gitform.assertNeverShown(issued, file: file, line: line)
    fixture.stop()
    gitform.remove()
  }

  // MARK: - Time

  /// Moves both clocks to `now` (RFC 3339).
  func moveClock(to now: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let answer = try fixture.raw(.post, "/-/emulator/clock", ["now": now])
    XCTAssertEqual(answer.status, 200, file: file, line: line)
    let answered = try fixture.field(answer, "now") as? String
    XCTAssertEqual(answered.flatMap(GitLabJSON.parseTimestamp), GitLabJSON.parseTimestamp(now), file: file, line: line)
    self.now = now
    gitform.environment["GITFORM_NOW"] = now
  }

  // MARK: - gitform

  func write(_ configuration: String) throws {
    try gitform.write("main.gf.hcl", configuration)
  }

  /// `gitform plan -no-color -detailed-exitcode`.
  func plan() throws -> GitformProcess.Result {
    try gitform.run(["plan", "-no-color", "-detailed-exitcode"])
  }

  /// `gitform apply -auto-approve -no-color`, which must succeed.
  @discardableResult
  func apply(file: StaticString = #filePath, line: UInt = #line) throws -> GitformProcess.Result {
    let result = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError, file: file, line: line)
    collectIssued()
    return result
  }

  /// Asserts that a plan has nothing to do.
  func assertNoChanges(file: StaticString = #filePath, line: UInt = #line) throws {
    let result = try plan()
    XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError, file: file, line: line)
    XCTAssertTrue(result.standardOutput.contains("No changes."), result.standardOutput, file: file, line: line)
  }

  private func collectIssued() {
    if let values = try? gitform.tokenValuesInState() { issued.formUnion(values) }
  }

  // MARK: - State

  /// The attributes of one instance in the state file (`user_token.ci`).
  func state(_ address: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let data = try Data(contentsOf: gitform.directory.appendingPathComponent("gitform.tfstate"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    for resource in json["resources"] as? [[String: Any]] ?? []
    where "\(resource["type"] ?? "").\(resource["name"] ?? "")" == address {
      let instance = try XCTUnwrap((resource["instances"] as? [[String: Any]])?.first, file: file, line: line)
      return try XCTUnwrap(instance["attributes"] as? [String: Any], file: file, line: line)
    }
    XCTFail("\(address) is not in the state", file: file, line: line)
    return [:]
  }

  // MARK: - The emulator's tokens

  /// Alice's personal access tokens, revoked ones included, by id.
  func userTokens() throws -> [[String: Any]] {
    try pages("/api/v4/personal_access_tokens?user_id=\(aliceID)")
  }

  /// The project's access tokens, by id.
  func projectTokens() throws -> [[String: Any]] {
    try pages("/api/v4/projects/\(projectID)/access_tokens")
  }

  private func pages(_ path: String) throws -> [[String: Any]] {
    var all: [[String: Any]] = []
    for page in 1...20 {
      let answer = try fixture.raw(.get, path + (path.contains("?") ? "&" : "?") + "per_page=100&page=\(page)")
      let tokens = answer.json as? [[String: Any]] ?? []
      all += tokens
      if tokens.count < 100 { break }
    }
    return all.sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }
  }

  /// The tokens named `name` that GitLab counts as active (neither revoked nor expired).
  static func active(_ tokens: [[String: Any]], named name: String) -> [[String: Any]] {
    tokens.filter { $0["name"] as? String == name && $0["active"] as? Bool == true }
  }

  /// The number of requests the emulator counted for `route` since the last reset.
  func requests(_ route: String) throws -> Int { try fixture.requestCount(route) }
}
