import Foundation
import XCTest

@testable import GitformCore

/// QA: a targeted apply or destroy never removes outputs from the state; an output the targeted
/// run cannot fully evaluate keeps its previous value. Only a full destroy removes outputs.
final class TargetedOutputsTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    let botID = try fixture.createUser("ci-bot")
    gitform = try .inTemporaryDirectory("targeted-outputs", against: fixture, now: "2026-11-24T09:00:00Z", extraEnvironment: ["PATH": "/usr/bin:/bin"])
    try gitform.write(
      "main.gf.hcl",
      """
      variable "n" {
        default = 1
      }

      resource "user_token" "c" {
        count      = var.n
        user_id    = \(botID)
        name       = "c-${count.index}"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      output "ids" {
        value = user_token.c[*].id
      }

      output "static" {
        value = "hello"
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

  /// The state's outputs as name → JSON value.
  private func stateOutputs() throws -> [String: Any] {
    let data = try XCTUnwrap(FileManager.default.contents(atPath: gitform.directory.appendingPathComponent("gitform.tfstate").path))
    let state = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let outputs = try XCTUnwrap(state["outputs"] as? [String: [String: Any]])
    return outputs.compactMapValues { $0["value"] }
  }

  private func ids() throws -> [String] {
    try XCTUnwrap(try stateOutputs()["ids"] as? [String])
  }

  func testTargetedDestroyKeepsOutputs() throws {
    _ = try run(["apply", "-auto-approve", "-no-color", "-var", "n=2"])
    let before = try ids()
    XCTAssertEqual(before.count, 2)
    let destroyed = try run(["destroy", "-auto-approve", "-no-color", "-var", "n=2", "-target=user_token.c[1]"])
    XCTAssertTrue(destroyed.contains("Destroy complete! Resources: 1 destroyed."), destroyed)
    XCTAssertFalse(destroyed.contains("Changes to Outputs"), destroyed)
    XCTAssertFalse(destroyed.contains("static = \"hello\" -> null"), destroyed)
    XCTAssertEqual(try stateOutputs()["static"] as? String, "hello")
    XCTAssertEqual(try ids(), before)
    let output = try run(["output", "-no-color", "static"])
    XCTAssertEqual(output, "\"hello\"\n")
  }

  func testTargetedApplyKeepsOutputsItCannotEvaluate() throws {
    _ = try run(["apply", "-auto-approve", "-no-color"])
    let first = try ids()
    XCTAssertEqual(first.count, 1)
    let applied = try run(["apply", "-auto-approve", "-no-color", "-var", "n=2", "-target=user_token.c[0]"])
    XCTAssertTrue(applied.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."), applied)
    XCTAssertEqual(try ids(), first)
    XCTAssertEqual(try stateOutputs()["static"] as? String, "hello")
  }

  func testTargetingAnythingKeepsEveryOutputAndFullDestroyRemovesThem() throws {
    _ = try run(["apply", "-auto-approve", "-no-color"])
    let first = try ids()
    let planned = try run(["plan", "-no-color", "-target=user_token.nope"])
    XCTAssertFalse(planned.contains("-> null"), planned)
    _ = try run(["apply", "-auto-approve", "-no-color", "-target=user_token.nope"])
    XCTAssertEqual(try ids(), first)
    XCTAssertEqual(try stateOutputs()["static"] as? String, "hello")
    _ = try run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(try stateOutputs().count, 0)
  }
}
