import Foundation
import XCTest

@testable import GitformCore

/// `gitform expiry` run as a user would, against an emulator whose clock moves with
/// `GITFORM_NOW`: the table, the JSON, `-all` and the exit codes (2 when a token is expired,
/// revoked or due within the window).
final class ExpiryCommandTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!
  private var aliceID = 0

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    aliceID = try fixture.createUser("alice")
    let groupID = try fixture.createGroup("team")
    _ = try fixture.createProject("app", inGroup: groupID)
    gitform = try .inTemporaryDirectory("expiry", against: fixture, now: "2026-06-01T12:00:00Z")
    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "ci" {
        user_id    = \(aliceID)
        name       = "ci"
        scopes     = ["api"]
        expires_at = "2026-06-05"
      }

      resource "impersonation_token" "bot" {
        user_id    = \(aliceID)
        name       = "bot"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      resource "project_token" "deploy" {
        project = "team/app"
        name    = "deploy"
        scopes  = ["read_api"]
        rotation_configuration {
          expiration_days    = 30
          rotate_before_days = 7
        }
      }

      """)
    let apply = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(apply.status, 0, apply.standardOutput + apply.standardError)
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  /// Sets the emulator's clock and gitform's together.
  private func moveClock(to now: String) throws {
    XCTAssertEqual(try fixture.raw(.post, "/-/emulator/clock", ["now": now]).status, 200)
    gitform.environment["GITFORM_NOW"] = now
  }

  /// The `id` attribute of a resource in the state file (ids follow the emulator's order of
  /// creation, which parallel creates do not fix).
  private func stateID(_ address: String) throws -> String {
    let data = try Data(contentsOf: gitform.directory.appendingPathComponent("gitform.tfstate"))
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    for resource in json["resources"] as? [[String: Any]] ?? []
    where "\(resource["type"] ?? "").\(resource["name"] ?? "")" == address {
      let instance = try XCTUnwrap((resource["instances"] as? [[String: Any]])?.first)
      return try XCTUnwrap((instance["attributes"] as? [String: Any])?["id"] as? String)
    }
    XCTFail("no \(address) in state")
    return ""
  }

  func testTableListsTokensSoonestFirstAndExitsTwoWhenOneIsDue() throws {
    let result = try gitform.run(["expiry", "-no-color"])
    XCTAssertEqual(result.status, 2, result.standardError)
    let ci = try stateID("user_token.ci")
    let deploy = try stateID("project_token.deploy")
    let bot = try stateID("impersonation_token.bot")
    XCTAssertEqual([ci.count, deploy.count, bot.count], [3, 10, 3])
    XCTAssertEqual(
      result.standardOutput,
      """
      Token expiry as of 2026-06-01 (UTC), window 7 days.

      ADDRESS                  ID          EXPIRES     DAYS LEFT  ROTATES ON  STATUS  NEXT APPLY
      user_token.ci            \(ci)         2026-06-05          4  -           due     -
      project_token.deploy     \(deploy)  2026-07-01         30  2026-06-24  ok      -
      impersonation_token.bot  \(bot)         2026-12-01        183  -           ok      -

      1 of 3 tokens need attention: expired, revoked, or expiring or rotating within 7 days. Run gitform apply to rotate or replace them.

      """)
    XCTAssertEqual(result.standardError, "")
  }

  func testNarrowWindowExitsZero() throws {
    let result = try gitform.run(["expiry", "-within=3"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertTrue(
      result.standardOutput.hasSuffix("\nNo token is expired, revoked or due within 3 days.\n"),
      result.standardOutput)
    XCTAssertTrue(result.standardOutput.hasPrefix("Token expiry as of 2026-06-01 (UTC), window 3 days.\n"))
  }

  func testExpiredRevokedAndRotationDueAfterTimeMoves() throws {
    let tokens = try XCTUnwrap(
      fixture.raw(.get, "/api/v4/users/\(aliceID)/impersonation_tokens").json as? [[String: Any]])
    let botID = try XCTUnwrap(tokens.first?["id"] as? Int)
    XCTAssertEqual(
      try fixture.raw(.delete, "/api/v4/users/\(aliceID)/impersonation_tokens/\(botID)").status, 204)
    try moveClock(to: "2026-06-25T08:00:00Z")
    let result = try gitform.run(["expiry", "-within=0", "-json"])
    XCTAssertEqual(result.status, 2, result.standardError)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    XCTAssertEqual(json["today"] as? String, "2026-06-25")
    XCTAssertEqual(json["within_days"] as? Int, 0)
    XCTAssertEqual(json["needs_attention"] as? Int, 3)
    XCTAssertNil(json["unmanaged"])
    let rows = try XCTUnwrap(json["tokens"] as? [[String: Any]])
    XCTAssertEqual(rows.map { $0["address"] as? String }, ["user_token.ci", "project_token.deploy", "impersonation_token.bot"])
    XCTAssertEqual(rows.map { $0["status"] as? String }, ["expired", "due", "revoked"])
    XCTAssertEqual(rows.map { $0["days_left"] as? Int }, [-20, 6, 159])
    XCTAssertEqual(rows.map { $0["next_apply"] as? String }, [nil, "rotate", "replace"])
    XCTAssertEqual(rows[1]["rotates_on"] as? String, "2026-06-24")
    XCTAssertTrue(rows[0]["rotates_on"] is NSNull)
    // No secret in the report.
    for value in try gitform.tokenValuesInState() {
      XCTAssertFalse(result.standardOutput.contains(value))
    }
  }

  func testAllListsTokensOfConfiguredOwnersThatAreNotManaged() throws {
    let laptop = try fixture.raw(
      .post, "/api/v4/users/\(aliceID)/personal_access_tokens",
      ["name": "laptop", "scopes": ["read_api"], "expires_at": "2026-08-01"])
    XCTAssertEqual(laptop.status, 201)
    let laptopID = try XCTUnwrap(fixture.field(laptop, "id") as? Int)
    let result = try gitform.run(["expiry", "-all", "-within=1"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertTrue(
      result.standardOutput.hasSuffix(
        """

        Tokens on the configuration's users, projects and groups that gitform does not manage:

        OWNER   KIND      TOKEN ID  NAME    EXPIRES     DAYS LEFT
        user \(aliceID)  personal         \(laptopID)  laptop  2026-08-01         61

        """), result.standardOutput)
    let json = try gitform.run(["expiry", "-all", "-json", "-within=1"])
    let object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let unmanaged = try XCTUnwrap(object["unmanaged"] as? [[String: Any]])
    XCTAssertEqual(unmanaged.count, 1)
    XCTAssertEqual(unmanaged.first?["name"] as? String, "laptop")
    XCTAssertEqual(unmanaged.first?["token_id"] as? Int, laptopID)
    XCTAssertEqual(unmanaged.first?["owner"] as? String, "user \(aliceID)")
  }

  func testBadWindowIsAnError() throws {
    let result = try gitform.run(["expiry", "-within=soon"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.standardOutput, "")
    XCTAssertTrue(result.standardError.contains("Invalid value for -within"), result.standardError)
  }

  func testHelpAndCommandList() throws {
    let help = try gitform.run(["expiry", "-help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.standardOutput.hasPrefix("Usage: gitform [global options] expiry [options]\n"))
    XCTAssertTrue(help.standardOutput.contains("-within=DAYS"))
    XCTAssertTrue(
      CommandLineInterface.usage().contains("  expiry        Show when managed tokens expire and rotate\n"),
      CommandLineInterface.usage())
  }

  func testExtraArgumentAndUnknownOptionAreErrors() throws {
    XCTAssertEqual(try gitform.run(["expiry", "soon"]).status, 1)
    let unknown = try gitform.run(["expiry", "-everything"])
    XCTAssertEqual(unknown.status, 1)
    XCTAssertTrue(unknown.standardError.contains("Unknown option -everything."), unknown.standardError)
    let target = try gitform.run(["expiry", "-target=user_token.ci"])
    XCTAssertEqual(target.status, 1)
    XCTAssertTrue(target.standardError.contains("-target and -replace do not apply"), target.standardError)
  }
}
