import Foundation
import XCTest

@testable import GitformCore

/// One scripted fault for every kind of request gitform sends — refresh GET, token create
/// POST, rotate POST, revoke DELETE, variable POST, PUT and DELETE — each as a 500, a 503 and a
/// connection dropped after GitLab committed (the stall is in `StalledRequestTests`). After at
/// most two applies: exactly one active token per resource, the one in the state, whose value
/// works and is what the variable carries; no secret printed; the state readable after every
/// run; and a last plan with nothing to do.
final class ScriptedFaultTests: XCTestCase {
  static let faults: [(name: String, action: [String: Any])] = [
    ("500", ["status": 500]), ("503", ["status": 503]), ("drop after commit", ["drop_after_commit": true]),
  ]

  func testRefreshReads() throws {
    try run(.refresh)
  }

  func testTokenCreates() throws {
    try run(.create)
  }

  func testRotations() throws {
    try run(.rotate)
  }

  func testRevocations() throws {
    try run(.revoke)
  }

  func testVariableCreates() throws {
    try run(.variableCreate)
  }

  func testVariableUpdates() throws {
    try run(.variableUpdate)
  }

  func testVariableDeletes() throws {
    try run(.variableDelete)
  }

  private func run(_ kind: FaultedRequest) throws {
    for fault in ScriptedFaultTests.faults {
      let scene = try FaultScene()
      defer { scene.finish() }
      try FaultedRequest.play(kind, on: scene, fault: fault.action, label: "\(kind) with \(fault.name)")
    }
  }
}

/// A kind of request gitform sends, the scene that leads to it and what must hold afterwards.
enum FaultedRequest: CustomStringConvertible {
  case refresh, create, rotate, revoke, variableCreate, variableUpdate, variableDelete

  var description: String {
    switch self {
    case .refresh: return "refresh GET"
    case .create: return "token create POST"
    case .rotate: return "rotate POST"
    case .revoke: return "revoke DELETE"
    case .variableCreate: return "variable POST"
    case .variableUpdate: return "variable PUT"
    case .variableDelete: return "variable DELETE"
    }
  }

  /// The routes (method, template) the fault is put on.
  var routes: [(String, String)] {
    switch self {
    case .refresh:
      return [
        ("GET", "/api/v4/personal_access_tokens/:id"), ("GET", "/api/v4/personal_access_tokens"),
        ("GET", "/api/v4/projects/:id/access_tokens/:token_id"), ("GET", "/api/v4/projects/:id/access_tokens"),
        ("GET", "/api/v4/projects/:id/variables/:key"), ("GET", "/api/v4/projects/:id/variables"),
      ]
    case .create:
      return [("POST", "/api/v4/projects/:id/access_tokens"), ("POST", "/api/v4/users/:user_id/personal_access_tokens")]
    case .rotate:
      return [("POST", "/api/v4/projects/:id/access_tokens/:token_id/rotate"), ("POST", "/api/v4/personal_access_tokens/:id/rotate")]
    case .revoke:
      return [("DELETE", "/api/v4/projects/:id/access_tokens/:token_id"), ("DELETE", "/api/v4/personal_access_tokens/:id")]
    case .variableCreate: return [("POST", "/api/v4/projects/:id/variables")]
    case .variableUpdate: return [("PUT", "/api/v4/projects/:id/variables/:key")]
    case .variableDelete: return [("DELETE", "/api/v4/projects/:id/variables/:key")]
    }
  }

  static func configuration(
    _ scene: FaultScene, expiresAt: String, scopes: String = "\"read_api\"", variable: Bool = true
  ) -> String {
    var text = """
      resource "project_token" "deploy" {
        project    = "team/app"
        name       = "deploy"
        scopes     = [\(scopes)]
        expires_at = "\(expiresAt)"
      }

      resource "user_token" "ci" {
        user_id    = \(scene.aliceID)
        name       = "ci"
        scopes     = [\(scopes)]
        expires_at = "\(expiresAt)"
      }

      """
    if variable {
      text += """

        resource "project_variable" "deploy_token" {
          project = "team/app"
          key     = "DEPLOY_TOKEN"
          value   = project_token.deploy.token
          masked  = true
        }

        """
    }
    return text
  }

  /// Leads the scene to the request, faults it, applies at most twice and checks the outcome.
  static func play(
    _ kind: FaultedRequest, on scene: FaultScene, fault: [String: Any], label: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let variable = try prepare(kind, on: scene, fault: fault, file: file, line: line)
    try scene.applyUntilSuccess(runs: 2, file: file, line: line)
    try verify(kind, on: scene, variable: variable, label, file: file, line: line)
  }

  /// Applies what leads to the request, writes the configuration whose apply sends it and
  /// scripts `fault` on its routes. Returns whether that configuration keeps the variable.
  static func prepare(
    _ kind: FaultedRequest, on scene: FaultScene, fault: [String: Any],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Bool {
    let first = FaultScene.date(inDays: 60)
    let second = FaultScene.date(inDays: 61)
    var variable = true
    var final = configuration(scene, expiresAt: second)
    switch kind {
    case .create, .variableCreate:
      final = configuration(scene, expiresAt: first)
    case .refresh, .rotate, .variableUpdate:
      try scene.write(configuration(scene, expiresAt: first))
      try scene.applyUntilSuccess(runs: 1, file: file, line: line)
    case .revoke:
      try scene.write(configuration(scene, expiresAt: first))
      try scene.applyUntilSuccess(runs: 1, file: file, line: line)
      final = configuration(scene, expiresAt: first, scopes: "\"read_api\", \"read_repository\"")
    case .variableDelete:
      try scene.write(configuration(scene, expiresAt: first))
      try scene.applyUntilSuccess(runs: 1, file: file, line: line)
      final = configuration(scene, expiresAt: first, variable: false)
      variable = false
    }
    try scene.write(final)
    try scene.fixture.resetStats()
    for (method, template) in kind.routes {
      try scene.fixture.fault(method, template, times: 1, fault)
    }
    return variable
  }

  /// The faulted request was sent, the scene converged, and a last plan has nothing to do.
  static func verify(
    _ kind: FaultedRequest, on scene: FaultScene, variable: Bool, _ label: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    try FaultCoverage.assertFaultsUsed(scene, kind, label, file: file, line: line)
    try assertConverged(scene, variable: variable, label, file: file, line: line)
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 0, "\(label): " + plan.standardOutput + plan.standardError, file: file, line: line)
  }

  /// One active token per resource, the one in the state, whose value works; the variable
  /// carries the project token's value (or is gone when it was removed); nothing deposed.
  static func assertConverged(
    _ scene: FaultScene, variable: Bool, _ label: String, file: StaticString, line: UInt
  ) throws {
    let referee = scene.referee
    let state = try scene.instances()
    XCTAssertTrue(state.deposed.isEmpty, "\(label): no deposed token is left", file: file, line: line)
    let owners: [(address: String, list: String)] = [
      ("project_token.deploy", "/api/v4/projects/\(scene.projectID)/access_tokens"),
      ("user_token.ci", "/api/v4/personal_access_tokens?user_id=\(scene.aliceID)"),
    ]
    for (address, list) in owners {
      let attributes = try XCTUnwrap(state.current[address], "\(label): \(address) is in the state", file: file, line: line)
      let active = FaultScene.Referee.activeByName(try referee.pages(list))
      let name = attributes["name"] as? String ?? ""
      XCTAssertEqual(active[name], [attributes["token_id"] as? Int ?? -1], "\(label): \(address): exactly one active token",
                     file: file, line: line)
      let value = try XCTUnwrap(attributes["token"] as? String, "\(label): \(address) has its value", file: file, line: line)
      XCTAssertTrue(try referee.works(value), "\(label): \(address): the value in the state works", file: file, line: line)
    }
    let answer = try referee.send(.get, "/api/v4/projects/\(scene.projectID)/variables/DEPLOY_TOKEN")
    if variable {
      let carried = (answer.json as? [String: Any])?["value"] as? String
      let value = state.current["project_token.deploy"]?["token"] as? String
      XCTAssertTrue(carried != nil && carried == value, "\(label): the variable carries the token in the state", file: file, line: line)
    } else {
      XCTAssertEqual(answer.status, 404, "\(label): the removed variable is gone", file: file, line: line)
      XCTAssertNil(state.current["project_variable.deploy_token"], label, file: file, line: line)
    }
  }
}

/// Whether the scripted faults were really met: a fault left unused means the scenario never
/// sent the request it claims to test.
enum FaultCoverage {
  static func assertFaultsUsed(
    _ scene: FaultScene, _ kind: FaultedRequest, _ label: String, file: StaticString, line: UInt
  ) throws {
    var used = 0
    for (method, template) in kind.routes {
      used += try scene.fixture.requestCount("\(method) \(template)") > 0 ? 1 : 0
    }
    XCTAssertGreaterThan(used, 0, "\(label): the faulted request was sent", file: file, line: line)
  }
}
