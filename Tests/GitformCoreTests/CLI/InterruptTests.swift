import Foundation
import XCTest

@testable import GitformCore

/// Ctrl-C during apply and destroy, with the built binary against an emulator whose calls are
/// slowed down: the first SIGINT lets in-flight calls finish and records them, starts nothing
/// new, releases the lock and exits 1; a second one exits at once.
final class InterruptTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!
  private var alice = 0

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    alice = try fixture.createUser("alice")
    gitform = try .inTemporaryDirectory("sigint", against: fixture, now: "2026-06-01T12:00:00Z")
    try gitform.write(
      "main.gf.hcl",
      """
      resource "user_token" "t" {
        count      = 4
        user_id    = \(alice)
        name       = "t-${count.index}"
        scopes     = ["read_api"]
        expires_at = "2026-12-01"
      }

      """)
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  /// Starts `gitform ARGS`, waits until `marker` was printed `count` times, then sends SIGINT
  /// `interrupts` times; returns the exit status, all output and the seconds from the first
  /// SIGINT to the exit.
  private func interrupt(
    _ arguments: [String], after marker: String, count: Int, interrupts: Int = 1
  ) throws -> (status: Int32, out: String, err: String, seconds: Double) {
    let started = try gitform.start(arguments + ["-no-color"], pipeError: true)
    let process = started.process
    var seen = started.read(until: marker, count: count)
    let start = Date()
    for index in 0..<interrupts {
      if index > 0 { Thread.sleep(forTimeInterval: 0.2) }
      kill(process.processIdentifier, SIGINT)
    }
    seen += String(decoding: started.output?.fileHandleForReading.readDataToEndOfFile() ?? Data(), as: UTF8.self)
    let err = String(decoding: started.error?.fileHandleForReading.readDataToEndOfFile() ?? Data(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .exit)
    return (process.terminationStatus, seen, err, Date().timeIntervalSince(start))
  }

  private func activeTokenNames() throws -> [String] {
    let answer = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)")
    return (answer.json as? [[String: Any]] ?? []).filter { $0["active"] as? Bool == true }
      .compactMap { $0["name"] as? String }.sorted()
  }

  private var lockInfoExists: Bool {
    FileManager.default.fileExists(atPath: gitform.directory.appendingPathComponent(".gitform.tfstate.lock.info").path)
  }

  func testFirstInterruptOfDestroyFinishesInFlightRevokesAndRecordsThem() throws {
    XCTAssertEqual(try gitform.run(["apply", "-auto-approve"]).status, 0)
    try fixture.fault("DELETE", "/api/v4/personal_access_tokens/:id", times: 4, ["delay_ms": 1000])
    let run = try interrupt(["destroy", "-auto-approve", "-parallelism=2"], after: "Destroying...", count: 2)
    XCTAssertEqual(run.status, 1, run.out + run.err)
    XCTAssertTrue(
      run.out.contains(
        "\nInterrupt received.\nPlease wait for gitform to exit or data loss may occur.\nGracefully shutting down...\n\n"),
      run.out)
    XCTAssertEqual(run.out.components(separatedBy: "Destroying...").count - 1, 2, run.out)
    XCTAssertEqual(run.out.components(separatedBy: "Destruction complete").count - 1, 2, run.out)
    XCTAssertTrue(run.err.contains("Error: execution halted"), run.err)
    XCTAssertFalse(lockInfoExists)

    // The two revoked tokens left the state; the two never started are still there and active.
    let active = try activeTokenNames()
    XCTAssertEqual(active.count, 2)
    let list = try gitform.run(["state", "list"])
    XCTAssertEqual(list.status, 0, list.standardError)
    let names = list.standardOutput.split(separator: "\n").map { "t-" + $0.dropFirst("user_token.t[".count).dropLast() }
    XCTAssertEqual(names.sorted(), active)

    let finish = try gitform.run(["destroy", "-auto-approve", "-no-color"])
    XCTAssertEqual(finish.status, 0, finish.standardError)
    XCTAssertTrue(finish.standardOutput.contains("Destroy complete! Resources: 2 destroyed."), finish.standardOutput)
    XCTAssertEqual(try activeTokenNames(), [])
  }

  func testFirstInterruptOfApplyRecordsInFlightCreatesAndStartsNoMore() throws {
    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", times: 4, ["delay_ms": 1000])
    let run = try interrupt(["apply", "-auto-approve", "-parallelism=2"], after: "Creating...", count: 2)
    XCTAssertEqual(run.status, 1, run.out + run.err)
    XCTAssertTrue(run.out.contains("Gracefully shutting down...\n"), run.out)
    XCTAssertEqual(run.out.components(separatedBy: "Creation complete").count - 1, 2, run.out)
    XCTAssertFalse(lockInfoExists)
    XCTAssertEqual(try activeTokenNames().count, 2)
    XCTAssertEqual(try gitform.run(["state", "list"]).standardOutput.split(separator: "\n").count, 2)
    XCTAssertEqual(try gitform.run(["plan", "-detailed-exitcode"]).status, 2)
    let finish = try gitform.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertTrue(finish.standardOutput.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."), finish.standardOutput)
    XCTAssertEqual(try activeTokenNames(), ["t-0", "t-1", "t-2", "t-3"])
  }

  func testInterruptWhileRefreshingChangesNothingAndReleasesTheLock() throws {
    XCTAssertEqual(try gitform.run(["apply", "-auto-approve"]).status, 0)
    // The refresh lists the user's tokens in one slowed-down request.
    try fixture.fault("GET", "/api/v4/personal_access_tokens", times: 1, ["delay_ms": 1500])
    let run = try interrupt(["destroy", "-auto-approve", "-parallelism=4"], after: "Refreshing state...", count: 1)
    XCTAssertEqual(run.status, 1, run.out + run.err)
    XCTAssertTrue(run.out.contains("Gracefully shutting down...\n"), run.out)
    XCTAssertFalse(run.out.contains("Destroying..."), run.out)
    XCTAssertTrue(run.err.contains("Error: execution halted"), run.err)
    XCTAssertTrue(run.err.contains("gitform was interrupted while planning; nothing was changed."), run.err)
    XCTAssertFalse(lockInfoExists)
    XCTAssertEqual(try activeTokenNames(), ["t-0", "t-1", "t-2", "t-3"])
    XCTAssertEqual(try gitform.run(["state", "list"]).standardOutput.split(separator: "\n").count, 4)
  }

  func testSecondInterruptExitsAtOnce() throws {
    try fixture.fault("POST", "/api/v4/users/:user_id/personal_access_tokens", times: 4, ["delay_ms": 4000])
    let run = try interrupt(["apply", "-auto-approve", "-parallelism=1"], after: "Creating...", count: 1, interrupts: 2)
    XCTAssertEqual(run.status, 1)
    XCTAssertLessThan(run.seconds, 2.5, "the second interrupt did not end the process at once")
    XCTAssertTrue(
      run.err.contains("Two interrupts received. Exiting immediately. Note that data loss may have occurred.\n"), run.err)
  }
}
