import Foundation
import XCTest

@testable import GitformCore

/// Issue 9 item 8 with the built binary: a state kept behind a symbolic link (as Terraform users
/// keep theirs) is written through, so the file the link names always holds the live tokens, and
/// the lock sits beside that file; a lock file planted as a link is refused.
final class SymlinkedStateTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    let botID = try fixture.createUser("link-bot")
    gitform = try .inTemporaryDirectory("symlink", against: fixture, now: "2026-11-24T09:00:00Z")
    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "t" {
        user_id    = \(botID)
        name       = "behind-a-link"
        scopes     = ["read_api"]
        expires_at = "2027-02-01"
      }

      """)
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  func testAnApplyThroughALinkedStateUpdatesTheTargetAndLocksBesideIt() throws {
    let files = FileManager.default
    let shared = gitform.directory.appendingPathComponent("shared")
    try files.createDirectory(at: shared, withIntermediateDirectories: true)
    let link = gitform.directory.appendingPathComponent("gitform.tfstate").path
    try files.createSymbolicLink(atPath: link, withDestinationPath: "shared/team.tfstate")

    let apply = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(apply.status, 0, apply.standardError)
    XCTAssertEqual(try files.destinationOfSymbolicLink(atPath: link), "shared/team.tfstate")
    let target = shared.appendingPathComponent("team.tfstate").path
    let state = try XCTUnwrap(files.contents(atPath: target))
    XCTAssertTrue(String(decoding: state, as: UTF8.self).contains("\"behind-a-link\""))
    XCTAssertEqual(try gitform.tokenValuesInState().count, 1, "read through the link")
    XCTAssertTrue(files.fileExists(atPath: shared.appendingPathComponent(".team.tfstate.lock").path))
    XCTAssertFalse(files.fileExists(atPath: gitform.directory.appendingPathComponent(".gitform.tfstate.lock").path))

    // A second run sees what the first wrote: nothing to do.
    let plan = try gitform.run(["plan", "-no-color", "-detailed-exitcode"])
    XCTAssertEqual(plan.status, 0, plan.standardOutput + plan.standardError)

    // A link planted where the lock goes is refused, and its target is not touched.
    let victim = gitform.directory.appendingPathComponent("victim").path
    try "keep\n".write(toFile: victim, atomically: false, encoding: .utf8)
    chmod(victim, 0o644)
    let lock = shared.appendingPathComponent(".team.tfstate.lock").path
    try files.removeItem(atPath: lock)
    try files.createSymbolicLink(atPath: lock, withDestinationPath: victim)
    let refused = try gitform.run(["plan", "-no-color"])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.standardError.contains("is a symbolic link"), refused.standardError)
    let attributes = try files.attributesOfItem(atPath: victim)
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o644)
  }
}
