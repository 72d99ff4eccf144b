import Foundation
import XCTest

@testable import GitformCore

/// QA items 1 and 2: values derived from a token (a description quoting it, a variable key
/// built from it) stay sensitive after apply. The state lists them in `sensitive_attributes`,
/// and no later command (plan, plan -destroy, drift, show, show -json, state show, refresh
/// and progress lines, destroy) prints the token or a string derived from it.
final class DerivedSecretTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!
  private var projectID = 0

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    let botID = try fixture.createUser("ci-bot")
    let groupID = try fixture.createGroup("platform")
    projectID = try fixture.createProject("deployer", inGroup: groupID)
    gitform = try .inTemporaryDirectory("derived", against: fixture, now: "2026-11-24T09:00:00Z", extraEnvironment: ["PATH": "/usr/bin:/bin"])
    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "src" {
        user_id    = \(botID)
        name       = "leak-src"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      resource "user_token" "n" {
        user_id     = \(botID)
        name        = "leak-n"
        description = "copy of ${user_token.src.token}"
        scopes      = ["read_api"]
        expires_at  = "2027-02-01"
      }

      resource "project_variable" "k" {
        project = "platform/deployer"
        key     = "K_${upper(replace(replace(user_token.src.token, "-", "_"), ".", "_"))}"
        value   = "x"
      }

      output "copy" {
        value     = user_token.n.description
        sensitive = true
      }

      """)
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  private func run(_ arguments: [String], status: Int32? = 0) throws -> String {
    let result = try gitform.run(arguments)
    if let status { XCTAssertEqual(result.status, status, "\(arguments): \(result.standardOutput)\(result.standardError)") }
    return result.standardOutput + result.standardError
  }

  private func stateJSON() throws -> [String: Any] {
    let data = try XCTUnwrap(FileManager.default.contents(atPath: gitform.directory.appendingPathComponent("gitform.tfstate").path))
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  private func instance(_ type: String, _ name: String) throws -> [String: Any] {
    let resources = try stateJSON()["resources"] as? [[String: Any]] ?? []
    let resource = try XCTUnwrap(resources.first { $0["type"] as? String == type && $0["name"] as? String == name })
    return try XCTUnwrap((resource["instances"] as? [[String: Any]])?.first)
  }

  private func attributes(_ type: String, _ name: String) throws -> [String: Any] {
    try XCTUnwrap(try instance(type, name)["attributes"] as? [String: Any])
  }

  /// `sensitive_attributes` of `type.name`'s only instance, as `a.b` texts.
  private func sensitivePaths(_ type: String, _ name: String) throws -> [String] {
    let paths = try instance(type, name)["sensitive_attributes"] as? [[[String: Any]]] ?? []
    return paths.map { $0.compactMap { $0["value"] as? String }.joined(separator: ".") }
  }

  private func lines(_ text: String, containing needle: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.contains(needle) }
  }

  func testTokenDerivedDescriptionAndKeyStaySensitiveEverywhere() throws {
    let applied = try run(["apply", "-auto-approve", "-no-color", "-parallelism=1"])
    let srcToken = try XCTUnwrap(try attributes("user_token", "src")["token"] as? String)
    let derivedKey = "K_" + srcToken.uppercased().replacingOccurrences(of: "-", with: "_")
    let secretBody = String(srcToken.dropFirst("glpat-".count))
    // The variable exists on GitLab under the derived key: the test reproduces the issue.
    XCTAssertEqual(try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/\(derivedKey)").status, 200)

    XCTAssertEqual(try sensitivePaths("user_token", "n"), ["description", "token"])
    XCTAssertEqual(try sensitivePaths("project_variable", "k"), ["id", "key", "value"])
    XCTAssertEqual(try sensitivePaths("user_token", "src"), ["token"])

    // Terraform's ObjectValueID leaves a sensitive id out of the line altogether.
    XCTAssertEqual(lines(applied, containing: "project_variable.k: Creation complete"), ["project_variable.k: Creation complete after 0s"])
    XCTAssertEqual(lines(applied, containing: "user_token.n: Creation complete").count, 1)
    XCTAssertTrue(lines(applied, containing: "user_token.n: Creation complete")[0].contains("[id="), applied)

    let plan = try run(["plan", "-no-color", "-detailed-exitcode"])
    XCTAssertEqual(lines(plan, containing: "project_variable.k: Refreshing"), ["project_variable.k: Refreshing state..."])
    XCTAssertTrue(plan.contains("No changes."), plan)

    let destroyPlan = try run(["plan", "-destroy", "-no-color"])
    XCTAssertTrue(destroyPlan.contains("- description = (sensitive value) -> null"), destroyPlan)
    XCTAssertTrue(destroyPlan.contains("- key               = (sensitive value) -> null"), destroyPlan)

    let stateShow = try run(["state", "show", "-no-color", "user_token.n"])
    XCTAssertTrue(stateShow.contains("description = (sensitive value)"), stateShow)
    let variableShow = try run(["state", "show", "-no-color", "project_variable.k"])
    XCTAssertTrue(variableShow.contains("key               = (sensitive value)"), variableShow)
    XCTAssertTrue(variableShow.contains("id                = (sensitive value)"), variableShow)
    _ = try run(["show", "-no-color"])
    let json = try run(["show", "-json"])
    let shown = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let resources = ((shown["values"] as? [String: Any])?["root_module"] as? [String: Any])?["resources"] as? [[String: Any]] ?? []
    let n = try XCTUnwrap(resources.first { $0["address"] as? String == "user_token.n" })
    XCTAssertEqual((n["sensitive_values"] as? [String: Any])?["description"] as? Bool, true)
    let k = try XCTUnwrap(resources.first { $0["address"] as? String == "project_variable.k" })
    XCTAssertEqual((k["sensitive_values"] as? [String: Any])?["key"] as? Bool, true)
    XCTAssertEqual((k["sensitive_values"] as? [String: Any])?["id"] as? Bool, true)
    _ = try run(["state", "list"])
    _ = try run(["output", "-no-color"])

    // Drift: the value changed on GitLab; the refreshed object keeps its marks.
    let changed = try fixture.raw(.put, "/api/v4/projects/\(projectID)/variables/\(derivedKey)", ["value": "y"])
    XCTAssertEqual(changed.status, 200)
    let drift = try run(["plan", "-no-color"])
    XCTAssertTrue(drift.contains("Objects have changed outside"), drift)
    let updated = try run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(lines(updated, containing: "project_variable.k: Modif"), [
      "project_variable.k: Modifying...", "project_variable.k: Modifications complete after 0s",
    ])
    XCTAssertEqual(try sensitivePaths("project_variable", "k"), ["id", "key", "value"])

    let destroyed = try run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(lines(destroyed, containing: "project_variable.k: Destroying"), ["project_variable.k: Destroying..."])

    for secret in [srcToken, secretBody, secretBody.uppercased(), derivedKey] {
      for (index, text) in gitform.transcript.enumerated() {
        XCTAssertFalse(text.contains(secret), "output \(index) shows a token-derived value:\n\(text)")
      }
      for (name, text) in try gitform.nonStateFiles() {
        XCTAssertFalse(text.contains(secret), "\(name) holds a token-derived value")
      }
    }
  }

  /// QA item 2: the "Invalid variable key" diagnostic describes a sensitive key, never quotes
  /// it: at plan time (a sensitive variable) and at apply time (the token itself, known once
  /// its resource is created).
  func testInvalidKeyFromSecretIsNotQuoted() throws {
    try gitform.write(
      "main.gf.hcl",
      """
      variable "secret" {
        type      = string
        sensitive = true
        default   = "glpat-not-a-valid-key"
      }

      resource "user_token" "src" {
        user_id    = 2
        name       = "leak-src"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      resource "project_variable" "k" {
        project = "platform/deployer"
        key     = user_token.src.token
        value   = "x"
      }

      resource "project_variable" "v" {
        project = "platform/deployer"
        key     = var.secret
        value   = "x"
      }

      """)
    let planned = try run(["plan", "-no-color"], status: 1)
    // Only var.secret is known at plan time; the token is checked once it exists.
    XCTAssertEqual(lines(planned, containing: "is not a valid key").count, 1, planned)
    XCTAssertTrue(planned.contains("(sensitive value) is not a valid key"), planned)
    _ = try run(["validate", "-no-color"], status: nil)

    // A sensitive import id would be printed in progress lines: refused, as in Terraform.
    try gitform.write(
      "main.gf.hcl",
      """
      variable "secret" {
        type      = string
        sensitive = true
        default   = "glpat-not-a-valid-key"
      }

      import {
        to = user_token.imp
        id = "2:${var.secret}"
      }

      resource "user_token" "imp" {
        user_id    = 2
        name       = "imp"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      """)
    let imported = try run(["plan", "-no-color"], status: 1)
    XCTAssertTrue(imported.contains("Error: Invalid import id argument"), imported)
    XCTAssertTrue(imported.contains("The import ID cannot be sensitive."), imported)

    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "src" {
        user_id    = 2
        name       = "leak-src"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      resource "project_variable" "k" {
        project = "platform/deployer"
        key     = user_token.src.token
        value   = "x"
      }

      """)
    let applied = try run(["apply", "-auto-approve", "-no-color"], status: 1)
    XCTAssertTrue(applied.contains("Error: Invalid variable key"), applied)
    XCTAssertTrue(applied.contains("(sensitive value) is not a valid key"), applied)
    let secrets = try gitform.tokenValuesInState().union(["glpat-not-a-valid-key"])
    XCTAssertEqual(secrets.count, 2)
    for secret in secrets {
      for text in gitform.transcript { XCTAssertFalse(text.contains(secret), text) }
    }
  }
}
