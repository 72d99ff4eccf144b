import XCTest

@testable import GitformCore

/// `gitform apply` asks before changing anything; only `yes` goes on. Then `output`,
/// `state` and `show` read what it recorded, secrets masked.
final class ApplyCommandTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var directory: URL!
  private var environment: [String: String] = [:]

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    _ = try fixture.createUser("alice")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-apply-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
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
    fixture?.stop()
    if let directory { try? FileManager.default.removeItem(at: directory) }
  }

  private func run(_ arguments: [String], answer: String? = nil) -> (code: Int32, out: String, err: String) {
    let output = CapturedOutput()
    var context = output.context(directory: directory.path, environment: environment)
    context.readLine = { answer }
    let code = CommandLineInterface().run(arguments + ["-no-color"], context: context)
    return (code, output.standardOutput, output.standardError)
  }

  func testOnlyYesApplies() throws {
    let declined = run(["apply"], answer: "no")
    XCTAssertEqual(declined.code, 1)
    XCTAssertTrue(declined.out.hasSuffix("  Only 'yes' will be accepted to approve.\n\n  Enter a value: \nApply cancelled.\n"), declined.out)
    let eof = run(["apply"])
    XCTAssertEqual(eof.code, 1)
    XCTAssertEqual(eof.err, "\nError: error asking for approval: EOF\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("gitform.tfstate").path))

    let applied = run(["apply"], answer: "yes")
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("user_token.ci: Creating...\nuser_token.ci: Creation complete after 0s [id=2:2]\n"), applied.out)
    XCTAssertTrue(applied.out.hasSuffix("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.\n\nOutputs:\n\ntoken = <sensitive>\ntoken_id = \"2:2\"\n"), applied.out)

    let raw = run(["output", "-raw", "token"])
    XCTAssertEqual(raw.code, 0)
    XCTAssertTrue(raw.out.hasPrefix("glpat-"))
    XCTAssertEqual(run(["output"]).out, "token = <sensitive>\ntoken_id = \"2:2\"\n")
    XCTAssertEqual(run(["output", "token_id"]).out, "\"2:2\"\n")
    XCTAssertEqual(run(["output", "-json", "token"]).out, "\"\(raw.out)\"\n")
    let all = run(["output", "-json"]).out
    XCTAssertFalse(all.contains(raw.out))
    XCTAssertTrue(all.contains("\"sensitive\": true"), all)

    let show = run(["state", "show", "user_token.ci"])
    XCTAssertTrue(show.out.hasPrefix("# user_token.ci:\nresource \"user_token\" \"ci\" {\n"), show.out)
    XCTAssertTrue(show.out.contains("    token       = (sensitive value)\n"), show.out)
    XCTAssertFalse(show.out.contains(raw.out))
    XCTAssertFalse(run(["show", "-json"]).out.contains(raw.out))
    XCTAssertTrue(run(["show"]).out.hasSuffix("\n\nOutputs:\n\ntoken = (sensitive value)\ntoken_id = \"2:2\"\n"), run(["show"]).out)

    let moved = run(["state", "mv", "user_token.ci", "user_token.renamed"])
    XCTAssertEqual(moved.out, "Move \"user_token.ci\" to \"user_token.renamed\"\nSuccessfully moved 1 object(s).\n")
    XCTAssertEqual(run(["state", "list"]).out, "user_token.renamed\n")
    XCTAssertEqual(run(["state", "rm", "user_token.renamed"]).out, "Removed user_token.renamed\nSuccessfully removed 1 resource instance(s).\n")
    XCTAssertEqual(run(["state", "list"]).out, "")
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
    XCTAssertEqual(run(["apply", "-auto-approve"]).code, 0)
    let ids = (0...1).map { run(["state", "show", "user_token.bot[\($0)]"]).out }

    let moved = run(["state", "mv", "user_token.bot", "user_token.robot"])
    XCTAssertEqual(moved.code, 0, moved.err)
    XCTAssertEqual(moved.out, "Move \"user_token.bot\" to \"user_token.robot\"\nSuccessfully moved 1 object(s).\n")
    XCTAssertEqual(run(["state", "list"]).out, "user_token.robot[0]\nuser_token.robot[1]\n")
    XCTAssertEqual(
      (0...1).map { run(["state", "show", "user_token.robot[\($0)]"]).out },
      ids.map { $0.replacingOccurrences(of: "user_token.bot[", with: "user_token.robot[").replacingOccurrences(of: "\"bot\"", with: "\"robot\"") })

    let instance = run(["state", "mv", "user_token.robot[0]", "user_token.robot[5]"])
    XCTAssertEqual(instance.code, 0, instance.err)
    XCTAssertEqual(run(["state", "list"]).out, "user_token.robot[1]\nuser_token.robot[5]\n")

    let occupied = run(["state", "mv", "user_token.robot", "user_token.robot"])
    XCTAssertEqual(occupied.code, 1)
    XCTAssertTrue(occupied.err.contains("Error: Invalid target address"), occupied.err)
    XCTAssertEqual(run(["state", "mv", "user_token.robot", "user_token.x[0]"]).code, 1)
    XCTAssertEqual(run(["state", "list"]).out, "user_token.robot[1]\nuser_token.robot[5]\n")
  }

  func testNoOutputsWarningNamesOnlyCommandsGitformHas() {
    let none = run(["output"])
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
    let held = run(["plan"])
    XCTAssertEqual(held.code, 1)
    XCTAssertTrue(held.err.contains("Error: Error acquiring the state lock"), held.err)
    let wrong = run(["force-unlock", "-force", "not-the-id"])
    XCTAssertEqual(wrong.code, 1)
    try lock.unlock()
    XCTAssertEqual(run(["plan"]).code, 0)
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
    let plan = run(["plan"])
    XCTAssertTrue(plan.out.contains("  # data.user.bot will be read during apply\n  # (config refers to values not yet known)\n <= data \"user\" \"bot\" {\n"), plan.out)
    let applied = run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("data.user.bot: Reading...\ndata.user.bot: Read complete after 0s [id="), applied.out)
    XCTAssertTrue(applied.out.hasSuffix("Outputs:\n\nbot_is_bot = true\n"), applied.out)
    XCTAssertEqual(run(["plan", "-detailed-exitcode"]).code, 0)
  }
}
