import XCTest

@testable import GitformCore

/// `show -json FILE` in Terraform's JSON plan shape (reference §3.8), with deposed objects and
/// output changes, and never a secret: every sensitive leaf is null and flagged.
final class PlanJSONShapeTests: XCTestCase {
  private var scene: InProcessCLI!
  private var alice = 0

  override func setUpWithError() throws {
    scene = try InProcessCLI("plan-json")
    alice = try scene.fixture.createUser("alice")
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func configuration(_ scopes: String) -> String {
    """
    resource "user_token" "ci" {
      user_id    = \(alice)
      name       = "ci"
      scopes     = [\(scopes)]
      expires_at = "2026-12-01"
    }

    resource "user_token" "other" {
      user_id    = \(alice)
      name       = "other"
      scopes     = ["api"]
      expires_at = "2026-12-01"
    }

    output "ci_token" {
      value     = user_token.ci.token
      sensitive = true
    }

    output "ci_id" {
      value = user_token.ci.token_id
    }

    """
  }

  /// Every token value gitform's state holds.
  private func tokenValues() throws -> [String] {
    let text = try String(contentsOf: scene.directory.appendingPathComponent("gitform.tfstate"), encoding: .utf8)
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    var values: [String] = []
    for resource in document["resources"] as? [[String: Any]] ?? [] {
      for instance in resource["instances"] as? [[String: Any]] ?? [] {
        if let token = (instance["attributes"] as? [String: Any])?["token"] as? String { values.append(token) }
      }
    }
    return values
  }

  /// A plan with a deposed object to delete, a replacement with a sensitive before value and a
  /// changed output; saved to `p.plan`.
  private func savedPlanWithEverything() throws -> (plan: String, secrets: [String]) {
    try scene.write(configuration("\"api\""))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(configuration("\"read_api\""))
    // Five sends: the default retries (4) after the first.
    try scene.fixture.fault("DELETE", "/api/v4/personal_access_tokens/:id", times: 5, ["status": 500])
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 1)
    try scene.write(configuration("\"read_api\", \"read_user\""))
    let planned = scene.run(["plan", "-out=p.plan", "-replace=user_token.other"])
    XCTAssertEqual(planned.code, 0, planned.err)
    let secrets = try tokenValues()
    XCTAssertEqual(secrets.count, 3, "the current, the deposed and the other token")
    return (planned.out, secrets)
  }

  func testShowJSONHasTerraformsShapeAndNoSecret() throws {
    let (_, secrets) = try savedPlanWithEverything()
    let shown = scene.run(["show", "-json", "p.plan"])
    XCTAssertEqual(shown.code, 0, shown.err)
    for secret in secrets { XCTAssertFalse(shown.out.contains(secret), "a token value is in show -json") }
    let file = try String(contentsOf: scene.directory.appendingPathComponent("p.plan"), encoding: .utf8)
    for secret in secrets { XCTAssertFalse(file.contains(secret), "a token value is in the plan file") }
    let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
    for key in ["format_version", "terraform_version", "planned_values", "resource_changes", "output_changes", "prior_state", "configuration", "timestamp", "applyable", "complete", "errored"] {
      XCTAssertNotNil(document[key], key)
    }
    XCTAssertEqual(document["format_version"] as? String, "1.2")
    XCTAssertEqual(document["applyable"] as? Bool, true)
    let changes = try XCTUnwrap(document["resource_changes"] as? [[String: Any]])
    let allowed: Set<[String]> = [["no-op"], ["create"], ["read"], ["update"], ["delete", "create"], ["create", "delete"], ["delete"]]
    for change in changes {
      for key in ["address", "mode", "type", "name", "provider_name", "change"] { XCTAssertNotNil(change[key], key) }
      let body = try XCTUnwrap(change["change"] as? [String: Any])
      let actions = try XCTUnwrap(body["actions"] as? [String])
      XCTAssertTrue(allowed.contains(actions), "\(actions)")
      for key in ["before", "after", "after_unknown", "before_sensitive", "after_sensitive"] {
        XCTAssertTrue(body.keys.contains(key), "\(key) missing in \(change["address"] ?? "")")
      }
      try assertRedacted(body["before"], mask: body["before_sensitive"], change["address"] as? String ?? "")
      try assertRedacted(body["after"], mask: body["after_sensitive"], change["address"] as? String ?? "")
    }
    let deposed = try XCTUnwrap(changes.first { $0["deposed"] != nil })
    XCTAssertEqual(deposed["address"] as? String, "user_token.ci")
    XCTAssertEqual((deposed["change"] as? [String: Any])?["actions"] as? [String], ["delete"])
    let replaced = try XCTUnwrap(changes.first { $0["address"] as? String == "user_token.other" })
    XCTAssertEqual(replaced["action_reason"] as? String, "replace_by_request")
    let replacedBody = try XCTUnwrap(replaced["change"] as? [String: Any])
    XCTAssertEqual((replacedBody["before_sensitive"] as? [String: Any])?["token"] as? Bool, true)
    XCTAssertEqual((replacedBody["after_unknown"] as? [String: Any])?["token"] as? Bool, true)
    XCTAssertNil((replacedBody["after"] as? [String: Any])?["token"], "unknown attributes are left out of after")
    let current = try XCTUnwrap(changes.first { $0["address"] as? String == "user_token.ci" && $0["deposed"] == nil })
    XCTAssertNotNil((current["change"] as? [String: Any])?["replace_paths"] as? [[String]])
    let outputs = try XCTUnwrap(document["output_changes"] as? [String: Any])
    XCTAssertNotNil(outputs["ci_id"])
    let prior = try XCTUnwrap(document["prior_state"] as? [String: Any])
    let priorResources = try XCTUnwrap(((prior["values"] as? [String: Any])?["root_module"] as? [String: Any])?["resources"] as? [[String: Any]])
    XCTAssertEqual(priorResources.count, 3, "two current objects and the deposed one")
    XCTAssertEqual(priorResources.filter { $0["deposed_key"] != nil }.count, 1)
    for resource in priorResources {
      XCTAssertEqual((resource["sensitive_values"] as? [String: Any])?["token"] as? Bool, true)
      try assertRedacted(resource["values"], mask: resource["sensitive_values"], resource["address"] as? String ?? "")
    }
    let planned = try XCTUnwrap((document["planned_values"] as? [String: Any])?["root_module"] as? [String: Any])
    XCTAssertEqual((planned["resources"] as? [[String: Any]])?.count, 2)
  }

  /// Where the mask says sensitive, the value is null (or the whole side is).
  private func assertRedacted(_ value: Any?, mask: Any?, _ address: String) throws {
    if mask as? Bool == true {
      XCTAssertTrue(value == nil || value is NSNull, "\(address): a sensitive value is shown")
      return
    }
    if let masks = mask as? [String: Any], let values = value as? [String: Any] {
      for (name, inner) in masks { try assertRedacted(values[name], mask: inner, address + "." + name) }
    }
    if let masks = mask as? [Any], let values = value as? [Any] {
      for (index, inner) in masks.enumerated() where index < values.count { try assertRedacted(values[index], mask: inner, address) }
    }
  }

  func testShowPrintsThePlanAsPlanPrintedIt() throws {
    let (planned, _) = try savedPlanWithEverything()
    let shown = scene.run(["show", "p.plan"])
    XCTAssertEqual(shown.code, 0)
    XCTAssertTrue(shown.out.contains("  # user_token.other will be replaced, as requested\n"), shown.out)
    XCTAssertTrue(shown.out.contains("Plan: 2 to add, 0 to change, 3 to destroy."), shown.out)
    let start = try XCTUnwrap(planned.range(of: "\ngitform used the selected providers"))
    XCTAssertTrue(planned[start.lowerBound...].hasPrefix(shown.out), "show differs from plan:\n\(shown.out)")
  }
}
