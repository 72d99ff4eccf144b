import XCTest

@testable import GitformCore

/// -target addresses instances: a key names one instance (plus what it depends on; with
/// -destroy, plus what depends on it), no key names every instance of the resource. Run in
/// process against the emulator; each plan's summary and headers are asserted exactly.
final class PlanTargetingTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var directory: URL { scene.directory }

  override func setUpWithError() throws {
    scene = try InProcessCLI("target")
    let alice = try fixture.createUser("alice")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    try """
      resource "user_token" "bot" {
        for_each   = toset(["a", "b"])
        user_id    = \(alice)
        name       = "bot-${each.key}"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "project_token" "n" {
        count        = 2
        project      = "team/app"
        name         = "n-${count.index}"
        scopes       = ["read_api"]
        access_level = "developer"
        expires_at   = "2026-12-01"
      }

      resource "project_variable" "v" {
        for_each = user_token.bot
        project  = "team/app"
        key      = "V_${upper(each.key)}"
        value    = each.value.token
        masked   = true
      }

      """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    let apply = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(apply.code, 0, apply.out + apply.err)
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  /// The plan's "  # ADDRESS will be ..." headers and its summary line, in order.
  private func plan(_ arguments: [String]) -> [String] {
    let result = scene.run(["plan"] + arguments)
    XCTAssertEqual(result.code, 0, result.err)
    return result.out.split(separator: "\n").map(String.init).filter {
      ($0.hasPrefix("  # ") && $0.contains(" will be ") || $0.contains(" must be ")) || $0.hasPrefix("Plan: ")
    }
  }

  func testDestroyTargetsOnlyTheNamedInstance() {
    XCTAssertEqual(
      plan(["-destroy", "-target=project_token.n[1]"]),
      ["  # project_token.n[1] will be destroyed", "Plan: 0 to add, 0 to change, 1 to destroy."])
  }

  func testDestroyingAnInstanceDestroysItsDependentsButNotItsDependencies() {
    // project_variable.v refers to user_token.bot as a whole, so both of its instances depend
    // on bot["a"]; bot["b"] and the project tokens stay.
    XCTAssertEqual(
      plan(["-destroy", "-target=user_token.bot[\"a\"]"]),
      [
        "  # project_variable.v[\"a\"] will be destroyed", "  # project_variable.v[\"b\"] will be destroyed",
        "  # user_token.bot[\"a\"] will be destroyed", "Plan: 0 to add, 0 to change, 3 to destroy.",
      ])
    XCTAssertEqual(
      plan(["-destroy", "-target=project_variable.v[\"a\"]"]),
      ["  # project_variable.v[\"a\"] will be destroyed", "Plan: 0 to add, 0 to change, 1 to destroy."])
  }

  func testDestroyReadsTheDependentsItDestroys() throws {
    let projects = try XCTUnwrap(try fixture.raw(.get, "/api/v4/projects").json as? [[String: Any]])
    let project = try XCTUnwrap(projects.first?["id"] as? Int)
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/projects/\(project)/variables/V_B").status, 204)
    XCTAssertEqual(
      plan(["-destroy", "-target=user_token.bot[\"a\"]"]),
      [
        "  # project_variable.v[\"a\"] will be destroyed", "  # user_token.bot[\"a\"] will be destroyed",
        "Plan: 0 to add, 0 to change, 2 to destroy.",
      ])
  }

  func testResourceTargetWithoutKeyNamesEveryInstance() {
    XCTAssertEqual(
      plan(["-destroy", "-target=project_token.n"]),
      [
        "  # project_token.n[0] will be destroyed", "  # project_token.n[1] will be destroyed",
        "Plan: 0 to add, 0 to change, 2 to destroy.",
      ])
  }

  func testReplacingOneInstanceLeavesUntargetedDependentsAlone() {
    XCTAssertEqual(
      plan(["-target=project_variable.v[\"a\"]", "-replace=user_token.bot[\"b\"]"]),
      ["  # user_token.bot[\"b\"] will be replaced, as requested", "Plan: 1 to add, 0 to change, 1 to destroy."])
    XCTAssertEqual(
      plan(["-target=project_token.n[0]", "-replace=project_token.n[0]", "-replace=project_token.n[1]"]),
      ["  # project_token.n[0] will be replaced, as requested", "Plan: 1 to add, 0 to change, 1 to destroy."])
  }

  func testApplyWithAnInstanceTargetChangesOnlyThatInstance() throws {
    let apply = scene.run(["apply", "-auto-approve", "-destroy", "-target=project_token.n[1]"])
    XCTAssertEqual(apply.code, 0, apply.err)
    XCTAssertTrue(apply.out.contains("Destroy complete! Resources: 1 destroyed."), apply.out)
    XCTAssertEqual(
      scene.run(["state", "list"]).out,
      "project_token.n[0]\nproject_variable.v[\"a\"]\nproject_variable.v[\"b\"]\nuser_token.bot[\"a\"]\nuser_token.bot[\"b\"]\n")
  }
}
