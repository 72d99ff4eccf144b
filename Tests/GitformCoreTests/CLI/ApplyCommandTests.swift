import XCTest

@testable import GitformCore

/// `gitform apply` asks before changing anything; only `yes` goes on. Then `output`,
/// `state` and `show` read what it recorded, secrets masked.
final class ApplyCommandTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var directory: URL { scene.directory }

  override func setUpWithError() throws {
    scene = try InProcessCLI("apply")
    _ = try fixture.createUser("alice")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    try """
      resource "user_token" "ci" {
        user_id    = 2
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      output "token" {
        value     = user_token.ci.token
        sensitive = true
      }

      output "token_id" {
        value = user_token.ci.id
      }

      """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  func testOnlyYesApplies() throws {
    let declined = scene.run(["apply"], answer: "no")
    XCTAssertEqual(declined.code, 1)
    XCTAssertTrue(declined.out.hasSuffix("  Only 'yes' will be accepted to approve.\n\n  Enter a value: \nApply cancelled.\n"), declined.out)
    let eof = scene.run(["apply"])
    XCTAssertEqual(eof.code, 1)
    XCTAssertEqual(eof.err, "\nError: error asking for approval: EOF\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("gitform.tfstate").path))

    let applied = scene.run(["apply"], answer: "yes")
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("user_token.ci: Creating...\nuser_token.ci: Creation complete after 0s [id=2:2]\n"), applied.out)
    XCTAssertTrue(applied.out.hasSuffix("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n\nOutputs:\n\ntoken = <sensitive>\ntoken_id = \"2:2\"\n"), applied.out)

    let raw = scene.run(["output", "-raw", "token"])
    XCTAssertEqual(raw.code, 0)
    XCTAssertTrue(raw.out.hasPrefix("glpat-"))
    XCTAssertEqual(scene.run(["output"]).out, "token = <sensitive>\ntoken_id = \"2:2\"\n")
    XCTAssertEqual(scene.run(["output", "token_id"]).out, "\"2:2\"\n")
    XCTAssertEqual(scene.run(["output", "-json", "token"]).out, "\"\(raw.out)\"\n")
    let all = scene.run(["output", "-json"]).out
    XCTAssertFalse(all.contains(raw.out))
    XCTAssertTrue(all.contains("\"sensitive\": true"), all)

    let show = scene.run(["state", "show", "user_token.ci"])
    XCTAssertTrue(show.out.hasPrefix("# user_token.ci:\nresource \"user_token\" \"ci\" {\n"), show.out)
    XCTAssertTrue(show.out.contains("    token       = (sensitive value)\n"), show.out)
    XCTAssertFalse(show.out.contains(raw.out))
    XCTAssertFalse(scene.run(["show", "-json"]).out.contains(raw.out))
    XCTAssertTrue(scene.run(["show"]).out.hasSuffix("\n\nOutputs:\n\ntoken = (sensitive value)\ntoken_id = \"2:2\"\n"), scene.run(["show"]).out)

    let moved = scene.run(["state", "mv", "user_token.ci", "user_token.renamed"])
    XCTAssertEqual(moved.out, "Move \"user_token.ci\" to \"user_token.renamed\"\nSuccessfully moved 1 object(s).\n")
    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.renamed\n")
    XCTAssertEqual(scene.run(["state", "rm", "user_token.renamed"]).out, "Removed user_token.renamed\nSuccessfully removed 1 resource instance(s).\n")
    XCTAssertEqual(scene.run(["state", "list"]).out, "")
    let mode = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("gitform.tfstate.backup").path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)
  }

  func testStateMvOfAWholeCountedResourceMovesEveryInstance() throws {
    try """
      resource "user_token" "bot" {
        count      = 2
        user_id    = 2
        name       = "bot-${count.index}"
        scopes     = ["api"]
        expires_at = "2026-12-01"
      }

      """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let ids = (0...1).map { scene.run(["state", "show", "user_token.bot[\($0)]"]).out }

    let moved = scene.run(["state", "mv", "user_token.bot", "user_token.robot"])
    XCTAssertEqual(moved.code, 0, moved.err)
    XCTAssertEqual(moved.out, "Move \"user_token.bot\" to \"user_token.robot\"\nSuccessfully moved 1 object(s).\n")
    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.robot[0]\nuser_token.robot[1]\n")
    XCTAssertEqual(
      (0...1).map { scene.run(["state", "show", "user_token.robot[\($0)]"]).out },
      ids.map { $0.replacingOccurrences(of: "user_token.bot[", with: "user_token.robot[").replacingOccurrences(of: "\"bot\"", with: "\"robot\"") })

    let instance = scene.run(["state", "mv", "user_token.robot[0]", "user_token.robot[5]"])
    XCTAssertEqual(instance.code, 0, instance.err)
    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.robot[1]\nuser_token.robot[5]\n")

    let occupied = scene.run(["state", "mv", "user_token.robot", "user_token.robot"])
    XCTAssertEqual(occupied.code, 1)
    XCTAssertTrue(occupied.err.contains("Error: Invalid target address"), occupied.err)
    XCTAssertEqual(scene.run(["state", "mv", "user_token.robot", "user_token.x[0]"]).code, 1)
    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.robot[1]\nuser_token.robot[5]\n")
  }

  func testNoOutputsWarningNamesOnlyCommandsGitformHas() {
    let none = scene.run(["output"])
    XCTAssertEqual(none.code, 0)
    XCTAssertEqual(none.out, "")
    XCTAssertEqual(
      none.err,
      "\nWarning: No outputs found\n\nThe state file either has no outputs defined, or all the defined outputs are\nempty. Please define an output in your configuration with the `output` keyword\nand run `gitform apply` for it to become available. If you are using\ninterpolation, please verify the interpolated value is not empty. You can use\n`gitform plan` to see the values outputs will have.\n")
    XCTAssertFalse(none.err.contains("gitform refresh") || none.err.contains("gitform console"))
  }

  func testForceUnlockRemovesAStaleLockOnlyWithItsID() throws {
    let statePath = directory.appendingPathComponent("gitform.tfstate").path
    let lock = try StateLock.acquire(LockInfo(operation: LockInfo.apply, version: "test", path: "gitform.tfstate"), statePath: statePath)
    let held = scene.run(["plan"])
    XCTAssertEqual(held.code, 1)
    XCTAssertTrue(held.err.contains("Error: Error acquiring the state lock"), held.err)
    let wrong = scene.run(["force-unlock", "-force", "not-the-id"])
    XCTAssertEqual(wrong.code, 1)
    try lock.unlock()
    XCTAssertEqual(scene.run(["plan"]).code, 0)
  }

  func testDataSourceIsReadDuringApplyWhenItsArgumentsAreUnknown() throws {
    try """
      resource "project_token" "deploy" {
        project    = "team/app"
        name       = "deploy"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      data "user" "bot" {
        id = project_token.deploy.user_id
      }

      output "bot_is_bot" {
        value = data.user.bot.bot
      }

      """.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
    let plan = scene.run(["plan"])
    XCTAssertTrue(plan.out.contains("  # data.user.bot will be read during apply\n  # (config refers to values not yet known)\n <= data \"user\" \"bot\" {\n"), plan.out)
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("data.user.bot: Reading...\ndata.user.bot: Read complete after 0s [id="), applied.out)
    XCTAssertTrue(applied.out.hasSuffix("Outputs:\n\nbot_is_bot = true\n"), applied.out)
    XCTAssertEqual(scene.run(["plan", "-detailed-exitcode"]).code, 0)
  }
}
