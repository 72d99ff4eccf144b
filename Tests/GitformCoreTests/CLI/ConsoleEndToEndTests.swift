import Foundation
import XCTest

@testable import GitformCore

/// The built `gitform console` after a real apply against the emulator, fed by a pipe as a
/// script would feed it: the state's values come back, the token never does.
final class ConsoleEndToEndTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    let botID = try fixture.createUser("console-bot")
    gitform = try .inTemporaryDirectory("console", against: fixture, now: "2026-11-24T09:00:00Z")
    try gitform.write(
      "main.gf.hcl",
      """
      variable "scopes" {
        type = object({ read = optional(list(string), ["read_api"]) })
        default = {}
      }

      resource "user_token" "bot" {
        user_id    = \(botID)
        name       = "console-bot"
        scopes     = var.scopes.read
        expires_at = "2027-02-01"
      }

      """)
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  func testPipedExpressionsReadTheAppliedState() throws {
    let apply = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(apply.status, 0, apply.standardError)
    let secrets = try gitform.tokenValuesInState()
    XCTAssertEqual(secrets.count, 1)

    let result = try gitform.run(
      ["console"],
      input: "user_token.bot.name\nuser_token.bot.scopes\nuser_token.bot.token\nlength(user_token.bot.token) > 0\n")
    XCTAssertEqual(result.standardError, "")
    XCTAssertEqual(
      result.standardOutput,
      "\"console-bot\"\ntoset([\n  \"read_api\",\n])\n(sensitive value)\n(sensitive value)\n")
    XCTAssertEqual(result.status, 0)
    for secret in secrets {
      XCTAssertFalse(gitform.transcript.joined().contains(secret))
    }
  }
}
