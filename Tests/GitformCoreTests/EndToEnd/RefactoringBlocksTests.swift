import Foundation
import XCTest

@testable import GitformCore

/// `moved`, `removed` and `-refresh-only` against the emulator: a renamed resource keeps its
/// token (same id, still active, nothing revoked), a removed one stays live and leaves the
/// state, and a token revoked outside gitform is recorded without planning a new one.
final class RefactoringBlocksTests: XCTestCase {
  private var scene: LifecycleHarness!

  override func setUpWithError() throws { scene = try LifecycleHarness() }
  override func tearDown() { scene?.finish() }

  private func token(_ name: String, count: Int? = nil, forEach: String? = nil) -> String {
    """
    resource "project_token" "\(name)" {
    \(count.map { "  count      = \($0)\n" } ?? "")\(forEach.map { "  for_each   = \($0)\n" } ?? "")  project    = "team/app"
      name       = "deploy"
      scopes     = ["read_api"]
      expires_at = "2026-12-01"
    }

    """
  }

  /// Every instance address the state file holds, as Terraform writes them.
  private func stateAddresses() throws -> [String] {
    let data = try Data(contentsOf: scene.gitform.directory.appendingPathComponent("gitform.tfstate"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    var addresses: [String] = []
    for resource in json["resources"] as? [[String: Any]] ?? [] {
      let base = "\(resource["type"] ?? "").\(resource["name"] ?? "")"
      for instance in resource["instances"] as? [[String: Any]] ?? [] {
        switch instance["index_key"] {
        case let key as String: addresses.append(base + "[\"\(key)\"]")
        case let index as Int: addresses.append(base + "[\(index)]")
        default: addresses.append(base)
        }
      }
    }
    return addresses
  }

  private func activeIDs() throws -> [Int] {
    LifecycleHarness.active(try scene.projectTokens(), named: "deploy").compactMap { $0["id"] as? Int }
  }

  func testAMovedResourceKeepsItsTokenAndTheStateTakesTheNewAddress() throws {
    try scene.write(token("a"))
    try scene.apply()
    let before = try scene.state("project_token.a")
    let id = try XCTUnwrap(before["token_id"] as? Int)
    try scene.write(token("b") + "moved {\n  from = project_token.a\n  to   = project_token.b\n}\n")
    let plan = try scene.plan()
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    XCTAssertTrue(plan.standardOutput.hasPrefix("project_token.b: Refreshing state... [id=team/app:\(id)]\n"), plan.standardOutput)
    XCTAssertTrue(
      plan.standardOutput.contains(
        """

        gitform will perform the following actions:

          # project_token.a has moved to project_token.b
            resource "project_token" "b" {
                id           = "team/app:\(id)"
                name         = "deploy"
                # (11 unchanged attributes hidden)
            }

        Plan: 0 to add, 0 to change, 0 to destroy.

        """), plan.standardOutput)
    let applied = try scene.apply()
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertEqual(try scene.state("project_token.b")["token_id"] as? Int, id)
    XCTAssertEqual(try scene.state("project_token.b")["token"] as? String, before["token"] as? String)
    XCTAssertNil(try stateAddresses().first { $0 == "project_token.a" })
    XCTAssertEqual(try activeIDs(), [id], "the same token, still active; nothing revoked or made")
    try scene.assertNoChanges()
  }

  func testACountInstanceMovesToAForEachKey() throws {
    try scene.write(token("t", count: 1))
    try scene.apply()
    let id = try XCTUnwrap(try scene.state("project_token.t")["token_id"] as? Int)
    try scene.write(
      token("t", forEach: "toset([\"web\"])") + "moved {\n  from = project_token.t[0]\n  to   = project_token.t[\"web\"]\n}\n")
    let plan = try scene.plan()
    XCTAssertTrue(plan.standardOutput.contains("  # project_token.t[0] has moved to project_token.t[\"web\"]\n"), plan.standardOutput)
    XCTAssertFalse(plan.standardOutput.contains("destroyed"), plan.standardOutput)
    try scene.apply()
    XCTAssertEqual(try stateAddresses(), ["project_token.t[\"web\"]"])
    XCTAssertEqual(try activeIDs(), [id])
    try scene.assertNoChanges()
  }

  func testRemovedWithoutDestroyLeavesTheTokenLiveAndOutOfTheState() throws {
    try scene.write(token("a"))
    try scene.apply()
    let id = try XCTUnwrap(try scene.state("project_token.a")["token_id"] as? Int)
    try scene.write("removed {\n  from = project_token.a\n  lifecycle {\n    destroy = false\n  }\n}\n")
    let plan = try scene.plan()
    XCTAssertTrue(
      plan.standardOutput.contains(
        """
        gitform will perform the following actions:

         # project_token.a will no longer be managed by gitform, but will not be destroyed
         # (destroy = false is set in the configuration)
         . resource "project_token" "a" {
                id           = "team/app:\(id)"
                name         = "deploy"
                # (11 unchanged attributes hidden)
            }

        Plan: 0 to add, 0 to change, 0 to destroy.

        Warning: Some objects will no longer be managed by gitform

        If you apply this plan, gitform will discard its tracking information for the
        following objects, but it will not delete them:
         - project_token.a

        After applying this plan, gitform will no longer manage these objects. You
        will need to import them into gitform to manage them again.

        """), plan.standardOutput)
    try scene.apply()
    XCTAssertEqual(try stateAddresses(), [])
    XCTAssertEqual(try activeIDs(), [id], "the token stays active")
    try scene.assertNoChanges()
  }

  func testRemovedWithDestroyRevokesAsADeletedBlockDoes() throws {
    try scene.write(token("a"))
    try scene.apply()
    try scene.write("removed {\n  from = project_token.a\n}\n")
    let plan = try scene.plan()
    XCTAssertTrue(
      plan.standardOutput.contains(
        "  # project_token.a will be destroyed\n  # (because project_token.a is not in configuration)\n"), plan.standardOutput)
    try scene.apply()
    XCTAssertEqual(try activeIDs(), [])
  }

  func testRefreshOnlyRecordsATokenRevokedOutsideWithoutPlanningANewOne() throws {
    try scene.write(token("a"))
    try scene.apply()
    let id = try XCTUnwrap(try scene.state("project_token.a")["token_id"] as? Int)
    let revoked = try scene.fixture.raw(.delete, "/api/v4/projects/\(scene.projectID)/access_tokens/\(id)")
    XCTAssertEqual(revoked.status, 204)
    let plan = try scene.gitform.run(["plan", "-refresh-only", "-no-color", "-detailed-exitcode"])
    XCTAssertEqual(plan.status, 2, plan.standardOutput + plan.standardError)
    XCTAssertEqual(
      plan.standardOutput,
      """
      project_token.a: Refreshing state... [id=team/app:\(id)]

      Note: Objects have changed outside of gitform

      gitform detected the following changes made outside of gitform since the last
      "gitform apply" which may have affected this plan:

        # project_token.a has changed
        ~ resource "project_token" "a" {
            ~ active       = true -> false
              id           = "team/app:\(id)"
              name         = "deploy"
            ~ revoked      = false -> true
              # (9 unchanged attributes hidden)
          }


      This is a refresh-only plan, so gitform will not take any actions to undo
      these. If you were expecting these changes then you can apply this plan to
      record the updated values in the gitform state without changing any remote
      objects.

      ─────────────────────────────────────────────────────────────────────────────

      Note: You didn't use the -out option to save this plan, so gitform can't
      guarantee to take exactly these actions if you run "gitform apply" now.

      """)
    XCTAssertFalse(plan.standardOutput.contains("will be created"), plan.standardOutput)
    XCTAssertFalse(plan.standardOutput.contains("must be replaced"), plan.standardOutput)
    let creates = try scene.requests("POST /api/v4/projects/:id/access_tokens")
    let applied = try scene.gitform.run(["apply", "-refresh-only", "-no-color"], input: "yes\n")
    XCTAssertEqual(applied.status, 0, applied.standardOutput + applied.standardError)
    XCTAssertTrue(
      applied.standardOutput.contains(
        "\nWould you like to update the gitform state to reflect these detected changes?\n  gitform will write these changes to the state without modifying any real infrastructure.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n  Enter a value: "),
      applied.standardOutput)
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertEqual(try scene.state("project_token.a")["revoked"] as? Bool, true, "the state records the revocation")
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens"), creates, "nothing was created")
    let again = try scene.gitform.run(["plan", "-refresh-only", "-no-color", "-detailed-exitcode"])
    XCTAssertEqual(again.status, 0, again.standardOutput)
    XCTAssertTrue(
      again.standardOutput.contains(
        "\nNo changes. Your infrastructure still matches the configuration.\n\ngitform has checked that the real remote objects still match the result of\nyour most recent changes, and found no differences.\n"),
      again.standardOutput)
  }
  func testMovesAndForgetsInTheMachineViewsAndASavedPlan() throws {
    try scene.write(token("a") + token("c"))
    try scene.apply()
    let ids = try activeIDs()
    try scene.write(
      token("b") + "moved {\n  from = project_token.a\n  to   = project_token.b\n}\n"
        + "removed {\n  from = project_token.c\n  lifecycle {\n    destroy = false\n  }\n}\n")
    let markdown = try scene.gitform.run(["plan", "-no-color", "-markdown"])
    XCTAssertTrue(
      markdown.standardOutput.contains(
        "| move | `project_token.b` | moved from project_token.a |\n| forget | `project_token.c` | destroy = false is set in the configuration |\n"),
      markdown.standardOutput)
    let stream = try scene.gitform.run(["plan", "-no-color", "-json"])
    XCTAssertTrue(stream.standardOutput.contains("\"@message\":\"project_token.b: Plan to move\""), stream.standardOutput)
    XCTAssertTrue(stream.standardOutput.contains("\"action\":\"move\",\"previous_resource\":{\"addr\":\"project_token.a\""), stream.standardOutput)
    XCTAssertTrue(stream.standardOutput.contains("\"@message\":\"project_token.c: Plan to remove\""), stream.standardOutput)
    XCTAssertEqual(try scene.gitform.run(["plan", "-no-color", "-out=p.gfplan"]).status, 0)
    let shown = try scene.gitform.run(["show", "-json", "p.gfplan"])
    XCTAssertTrue(shown.standardOutput.contains("\"address\":\"project_token.b\",\"mode\":\"managed\",\"type\":\"project_token\",\"name\":\"b\",\"provider_name\":\"gitform.dev/builtin/gitlab\",\"previous_address\":\"project_token.a\""), shown.standardOutput)
    XCTAssertTrue(shown.standardOutput.contains("\"actions\":[\"forget\"]"), shown.standardOutput)
    let applied = try scene.gitform.run(["apply", "-no-color", "p.gfplan"])
    XCTAssertEqual(applied.status, 0, applied.standardOutput + applied.standardError)
    XCTAssertEqual(try stateAddresses(), ["project_token.b"])
    XCTAssertEqual(try activeIDs(), ids, "both tokens stay active")
    try scene.assertNoChanges()
  }

  func testRefreshOnlyRefusesTheFlagsItContradicts() throws {
    try scene.write(token("a"))
    let destroy = try scene.gitform.run(["plan", "-refresh-only", "-destroy", "-no-color"])
    XCTAssertEqual(destroy.status, 1)
    XCTAssertEqual(destroy.standardError, "\nError: Invalid option\n\nThe -destroy and -refresh-only options are mutually-exclusive.\n")
    let noRefresh = try scene.gitform.run(["apply", "-refresh-only", "-refresh=false", "-no-color"])
    XCTAssertEqual(noRefresh.status, 1)
    XCTAssertEqual(
      noRefresh.standardError,
      "\nError: Invalid option\n\nIt doesn't make sense to use -refresh-only at the same time as -refresh=false, because gitform would have nothing to do.\n")
  }

  func testASavedRefreshOnlyPlanAppliesAsRefreshOnly() throws {
    try scene.write(token("a"))
    try scene.apply()
    let id = try XCTUnwrap(try scene.state("project_token.a")["token_id"] as? Int)
    XCTAssertEqual(try scene.fixture.raw(.delete, "/api/v4/projects/\(scene.projectID)/access_tokens/\(id)").status, 204)
    let saved = try scene.gitform.run(["plan", "-refresh-only", "-no-color", "-out=refresh.gfplan"])
    XCTAssertEqual(saved.status, 0, saved.standardOutput + saved.standardError)
    let shown = try scene.gitform.run(["show", "-json", "refresh.gfplan"])
    XCTAssertTrue(
      shown.standardOutput.contains("\"resource_drift\":[{\"address\":\"project_token.a\",\"mode\":\"managed\",\"type\":\"project_token\",\"name\":\"a\",\"provider_name\":\"gitform.dev/builtin/gitlab\",\"change\":{\"actions\":[\"update\"]"),
      shown.standardOutput)
    XCTAssertTrue(shown.standardOutput.contains("\"resource_changes\":[]"), shown.standardOutput)
    let applied = try scene.gitform.run(["apply", "-no-color", "refresh.gfplan"])
    XCTAssertEqual(applied.status, 0, applied.standardOutput + applied.standardError)
    XCTAssertTrue(applied.standardOutput.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."), applied.standardOutput)
    XCTAssertEqual(try scene.state("project_token.a")["revoked"] as? Bool, true)
    XCTAssertEqual(try scene.requests("POST /api/v4/projects/:id/access_tokens"), 1, "only the first create")
  }

  func testAMovedObjectThatAlsoChangesSaysWhereItMovedFrom() throws {
    try scene.write(token("a"))
    try scene.apply()
    try scene.write(
      token("b").replacingOccurrences(of: "[\"read_api\"]", with: "[\"api\"]")
        + "moved {\n  from = project_token.a\n  to   = project_token.b\n}\n")
    let plan = try scene.plan()
    XCTAssertTrue(
      plan.standardOutput.contains(
        "  # project_token.b must be replaced\n  # (scopes changed (forces replacement))\n  # (moved from project_token.a)\n+/- resource \"project_token\" \"b\" {\n"),
      plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("Plan: 1 to add, 0 to change, 1 to destroy."), plan.standardOutput)
    try scene.apply()
    XCTAssertEqual(try stateAddresses(), ["project_token.b"])
    XCTAssertEqual(try activeIDs().count, 1, "the replaced token was revoked, the new one is active")
  }
}
