import Foundation
import XCTest

@testable import GitformCore

/// Plan and apply of 200 tokens of three kinds and the 200 variables carrying them, against an
/// emulator that fails a fifth of all requests (500, 502 or 503, before doing any work) and rate
/// limits every token: after at most two applies every resource has exactly one active token,
/// its value is in the state and works, every variable carries it, nothing was printed that
/// should not have been, and the state was readable after every run.
final class BulkFaultTests: XCTestCase {
  private var scene: FaultScene!

  override func setUpWithError() throws {
    scene = try FaultScene(failRate: 0.2, rateLimitPerMinute: 1_500)
  }

  override func tearDown() { scene?.finish() }

  /// `["u000", "u001", …]` as HCL.
  private func names(_ prefix: String, _ count: Int) -> String {
    "[" + (0..<count).map { "\"\(prefix)\(String(format: "%03d", $0))\"" }.joined(separator: ", ") + "]"
  }

  private func configuration(expiresAt: String) -> String {
    """
    locals {
      users    = toset(\(names("u", 100)))
      projects = toset(\(names("p", 50)))
      groups   = toset(\(names("g", 50)))
    }

    resource "user_token" "u" {
      for_each   = local.users
      user_id    = \(scene.aliceID)
      name       = each.key
      scopes     = ["read_api"]
      expires_at = "\(expiresAt)"
    }

    resource "project_token" "p" {
      for_each   = local.projects
      project    = "team/app"
      name       = each.key
      scopes     = ["read_api"]
      expires_at = "\(expiresAt)"
    }

    resource "group_token" "g" {
      for_each   = local.groups
      group      = "team"
      name       = each.key
      scopes     = ["read_api"]
      expires_at = "\(expiresAt)"
    }

    resource "project_variable" "u" {
      for_each = user_token.u
      project  = "team/app"
      key      = "U_${upper(each.key)}"
      value    = each.value.token
      masked   = true
    }

    resource "project_variable" "p" {
      for_each = project_token.p
      project  = "team/app"
      key      = "P_${upper(each.key)}"
      value    = each.value.token
      masked   = true
    }

    resource "project_variable" "g" {
      for_each = group_token.g
      project  = "team/app"
      key      = "G_${upper(each.key)}"
      value    = each.value.token
      masked   = true
    }

    """
  }

  func testTwoHundredTokensAndTheirVariablesSurviveFailuresAndRateLimits() throws {
    try scene.write(configuration(expiresAt: FaultScene.date(inDays: 60)))
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    XCTAssertTrue(plan.standardOutput.contains("Plan: 400 to add, 0 to change, 0 to destroy."), plan.standardOutput)
    try scene.applyUntilSuccess(runs: 2)
    try assertConverged()
    let again = try scene.plan()
    XCTAssertEqual(again.status, 0, again.standardOutput + again.standardError)
  }

  /// Exactly one active token per resource, the one in the state; every value works and is the
  /// value of its variable; no active token of a managed name is unknown to the state.
  private func assertConverged(file: StaticString = #filePath, line: UInt = #line) throws {
    let referee = scene.referee
    let state = try scene.instances()
    XCTAssertTrue(state.deposed.isEmpty, "no deposed token is left", file: file, line: line)
    let lists: [(prefix: String, tokens: [[String: Any]])] = [
      ("user_token.u", try referee.pages("/api/v4/personal_access_tokens?user_id=\(scene.aliceID)")),
      ("project_token.p", try referee.pages("/api/v4/projects/\(scene.projectID)/access_tokens")),
      ("group_token.g", try referee.pages("/api/v4/groups/\(scene.groupID)/access_tokens")),
    ]
    let variables = try referee.pages("/api/v4/projects/\(scene.projectID)/variables")
    let variableValues = Dictionary(
      variables.map { ($0["key"] as? String ?? "", $0["value"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
    var checked = 0
    for (prefix, tokens) in lists {
      let active = FaultScene.Referee.activeByName(tokens)
      let managed = state.current.filter { $0.key.hasPrefix(prefix + "[") }
      XCTAssertEqual(managed.count, prefix == "user_token.u" ? 100 : 50, prefix, file: file, line: line)
      XCTAssertEqual(Set(active.keys), Set(managed.values.compactMap { $0["name"] as? String }),
                     "\(prefix): the active tokens are exactly the managed ones", file: file, line: line)
      for (address, attributes) in managed {
        let name = attributes["name"] as? String ?? ""
        XCTAssertEqual(active[name], [attributes["token_id"] as? Int ?? -1], "\(address): exactly one active token",
                       file: file, line: line)
        let value = try XCTUnwrap(attributes["token"] as? String, "\(address) has its value", file: file, line: line)
        XCTAssertTrue(try referee.works(value), "\(address): the value in the state works", file: file, line: line)
        let key = "\(prefix.first == "u" ? "U" : prefix.first == "p" ? "P" : "G")_\(name.uppercased())"
        // Compared, never printed: a failure message must not carry a token value.
        XCTAssertTrue(variableValues[key] == value, "\(key) carries \(address)", file: file, line: line)
        checked += 1
      }
    }
    XCTAssertEqual(checked, 200, file: file, line: line)
    XCTAssertEqual(variables.count, 200, "no variable is missing or extra", file: file, line: line)
  }
}
