import Foundation
import XCTest

@testable import GitformCore

/// The issue's end-to-end story, run with the built binary against an emulator: create a
/// personal, an impersonation and a project token plus a variable carrying one; no changes;
/// a scope change replaces create-before-destroy and updates the variable; a revoked token and
/// a deleted variable come back; an import plans no changes; destroy revokes everything. Six
/// plans are compared with golden files, and every output is scanned for issued token values.
/// Applies run with -parallelism=1 so GitLab hands out token ids in a stable order.
final class EndToEndScenarioTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!
  private var projectID = 0
  private var aliceID = 0
  private var issued: Set<String> = []

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    aliceID = try fixture.createUser("alice")
    let groupID = try fixture.createGroup("team")
    projectID = try fixture.createProject("app", inGroup: groupID)
    gitform = try .inTemporaryDirectory(
      "e2e", against: fixture, now: "2026-06-01T12:00:00Z", extraEnvironment: ["PATH": "/usr/bin:/bin"])
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  private func configuration(projectScopes: String, adopted: Bool = false) -> String {
    var text = """
      variable "owner" {
        type = number
      }

      resource "user_token" "ci" {
        user_id    = var.owner
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      resource "impersonation_token" "bot" {
        user_id    = var.owner
        name       = "bot"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "project_token" "deploy" {
        project      = "team/app"
        name         = "deploy"
        scopes       = [\(projectScopes)]
        access_level = "developer"
        expires_at   = "2026-12-01"
      }

      resource "project_variable" "deploy_token" {
        project = "team/app"
        key     = "DEPLOY_TOKEN"
        value   = project_token.deploy.token
        masked  = true
      }

      output "ci_token" {
        value     = user_token.ci.token
        sensitive = true
      }

      output "deploy_token_id" {
        value = project_token.deploy.id
      }

      """
    if adopted {
      text += """

        resource "user_token" "adopted" {
          user_id    = var.owner
          name       = "adopted"
          scopes     = ["read_user"]
          expires_at = "2026-10-01"
        }

        """
    }
    return text
  }

  private func plan(_ golden: String, expectChanges: Bool) throws {
    let result = try gitform.run(["plan", "-detailed-exitcode", "-no-color"])
    XCTAssertEqual(result.status, expectChanges ? 2 : 0, result.standardError)
    XCTAssertEqual(result.standardError, "")
    try GoldenPlan.assertMatches(result.standardOutput, golden)
  }

  private func apply() throws {
    let result = try gitform.run(["apply", "-auto-approve", "-no-color", "-parallelism=1"])
    XCTAssertEqual(result.status, 0, result.standardOutput + result.standardError)
    issued.formUnion(try gitform.tokenValuesInState())
  }

  private func json(_ path: String) throws -> [[String: Any]] {
    let answer = try fixture.raw(.get, path)
    XCTAssertEqual(answer.status, 200, path)
    return answer.json as? [[String: Any]] ?? []
  }

  private func tokens(_ path: String, named name: String) throws -> [[String: Any]] {
    try json(path).filter { $0["name"] as? String == name }
  }

  private func variableValue() throws -> String? {
    let answer = try fixture.raw(.get, "/api/v4/projects/\(projectID)/variables/DEPLOY_TOKEN")
    return answer.status == 200 ? try fixture.field(answer, "value") as? String : nil
  }

  private func stateToken(_ address: String) throws -> String? {
    let state = try gitform.run(["state", "pull"])
    let json = try JSONSerialization.jsonObject(with: Data(state.standardOutput.utf8)) as? [String: Any]
    let parts = address.split(separator: ".").map(String.init)
    for resource in json?["resources"] as? [[String: Any]] ?? []
    where resource["type"] as? String == parts[0] && resource["name"] as? String == parts[1] {
      let instance = (resource["instances"] as? [[String: Any]])?.first
      return (instance?["attributes"] as? [String: Any])?["token"] as? String
    }
    return nil
  }

  /// The state gitform wrote is valid against schemas/state.v4.schema.json.
  private func assertStateMatchesSchema(file: StaticString = #filePath, line: UInt = #line) throws {
    let bytes = try Data(contentsOf: gitform.directory.appendingPathComponent("gitform.tfstate"))
    let checker = try JSONSchemaChecker.load("state.v4.schema.json")
    XCTAssertEqual(checker.violations(of: try JSONParser.parse(Array(bytes))), [], file: file, line: line)
  }

  func testTokenLifecycleAgainstTheEmulator() throws {
    try gitform.write("main.gf.hcl", configuration(projectScopes: "\"read_repository\""))
    try gitform.write("gitform.gfvars", "owner = \(aliceID)\n")
    let pats = "/api/v4/personal_access_tokens?user_id=\(aliceID)"
    let impersonation = "/api/v4/users/\(aliceID)/impersonation_tokens?state=all"
    let projectTokens = "/api/v4/projects/\(projectID)/access_tokens"

    // 1. Create everything.
    try plan("01-create", expectChanges: true)
    try apply()
    XCTAssertEqual(try tokens(pats, named: "ci").map { $0["active"] as? Bool }, [true])
    XCTAssertEqual(try tokens(impersonation, named: "bot").map { $0["active"] as? Bool }, [true])
    let firstDeploy = try tokens(projectTokens, named: "deploy")
    XCTAssertEqual(firstDeploy.map { $0["access_level"] as? Int }, [30])
    let deployValue = try XCTUnwrap(stateToken("project_token.deploy"))
    XCTAssertEqual(try variableValue(), deployValue)
    let stateMode = try FileManager.default.attributesOfItem(
      atPath: gitform.directory.appendingPathComponent("gitform.tfstate").path)[.posixPermissions] as? Int
    XCTAssertEqual(stateMode, 0o600)
    try assertStateMatchesSchema()

    // 2. A second plan has nothing to do.
    try plan("02-no-changes", expectChanges: false)

    // 3. A scope change replaces the project token first-new-then-old and updates the variable.
    try gitform.write("main.gf.hcl", configuration(projectScopes: "\"read_api\", \"read_repository\""))
    try plan("03-scope-change", expectChanges: true)
    let replaced = try gitform.run(["apply", "-auto-approve", "-no-color", "-parallelism=1"])
    XCTAssertEqual(replaced.status, 0, replaced.standardError)
    issued.formUnion(try gitform.tokenValuesInState())
    let lines = replaced.standardOutput.split(separator: "\n").map(String.init)
    let created = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("project_token.deploy: Creation complete") })
    let updated = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("project_variable.deploy_token: Modifications complete") })
    let revoked = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("project_token.deploy (deposed object ") && $0.contains("): Destroying... [id=team/app:") })
    XCTAssertLessThan(created, updated)
    XCTAssertLessThan(updated, revoked)
    let deploys = try tokens(projectTokens, named: "deploy").sorted { ($0["id"] as? Int ?? 0) < ($1["id"] as? Int ?? 0) }
    XCTAssertEqual(deploys.map { $0["revoked"] as? Bool }, [true, false])
    let newDeployValue = try XCTUnwrap(stateToken("project_token.deploy"))
    XCTAssertNotEqual(newDeployValue, deployValue)
    XCTAssertEqual(try variableValue(), newDeployValue)

    // 4. A token revoked outside gitform is recreated.
    let ciID = try XCTUnwrap(try tokens(pats, named: "ci").first?["id"] as? Int)
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/personal_access_tokens/\(ciID)").status, 204)
    try plan("04-revoked-outside", expectChanges: true)
    try apply()
    XCTAssertEqual(try tokens(pats, named: "ci").map { $0["active"] as? Bool }.sorted { a, _ in a == false }, [false, true])

    // 5. A variable deleted outside gitform is recreated.
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/projects/\(projectID)/variables/DEPLOY_TOKEN").status, 204)
    try plan("05-variable-deleted", expectChanges: true)
    try apply()
    XCTAssertEqual(try variableValue(), newDeployValue)

    // 6. Import a token made outside gitform; the plan then has nothing to do.
    let made = try fixture.raw(
      .post, "/api/v4/users/\(aliceID)/personal_access_tokens",
      ["name": "adopted", "scopes": ["read_user"], "expires_at": "2026-10-01"])
    XCTAssertEqual(made.status, 201)
    let adoptedID = try XCTUnwrap(fixture.field(made, "id") as? Int)
    issued.insert(try XCTUnwrap(fixture.field(made, "token") as? String))
    try gitform.write("main.gf.hcl", configuration(projectScopes: "\"read_api\", \"read_repository\"", adopted: true))
    let imported = try gitform.run(["import", "-no-color", "user_token.adopted", "\(aliceID):\(adoptedID)"])
    XCTAssertEqual(imported.status, 0, imported.standardError)
    XCTAssertTrue(imported.standardOutput.contains("Import successful!"))
    try plan("06-after-import", expectChanges: false)
    try assertStateMatchesSchema()

    // Human and JSON views of the state, for the secret scan.
    XCTAssertEqual(try gitform.run(["show", "-json"]).status, 0)
    XCTAssertEqual(try gitform.run(["show", "-no-color"]).status, 0)
    XCTAssertEqual(try gitform.run(["output"]).status, 0)
    XCTAssertEqual(try gitform.run(["state", "show", "user_token.ci"]).status, 0)

    // 7. Destroy revokes everything and deletes the variable.
    let destroyed = try gitform.run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(destroyed.status, 0, destroyed.standardError)
    XCTAssertTrue(destroyed.standardOutput.contains("Destroy complete! Resources: 5 destroyed."), destroyed.standardOutput)
    for token in try json(pats) + json(impersonation) + json(projectTokens) {
      XCTAssertEqual(token["active"] as? Bool, false, "\(token["name"] ?? "?") is still active")
    }
    XCTAssertNil(try variableValue())
    XCTAssertEqual(try gitform.run(["state", "list"]).standardOutput, "")

    // No output of any run, and no file but the state, holds a token value.
    XCTAssertGreaterThanOrEqual(issued.count, 6)
    let texts = gitform.transcript.filter { !$0.contains("\"lineage\"") } + Array(try gitform.nonStateFiles().values)
    for value in issued {
      for text in texts where text.contains(value) {
        XCTFail("a token value leaked into output: \(text.prefix(200))")
      }
    }
  }
}
