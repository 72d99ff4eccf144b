import Foundation
import XCTest

@testable import GitformCore

/// CI jobs on GitLab-managed state, with the built binary: the runner's disk dies with the job,
/// so only what gitform pushed to GitLab survives. A 200-token apply killed with SIGKILL loses
/// no token; two jobs on one state take turns through the lock.
final class RemoteStateKillTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var projectID = 0
  private var alice = 0
  private var jobs: [GitformProcess] = []

  override func setUpWithError() throws {
    fixture = try EmulatorFixture(latencyMilliseconds: 5)
    alice = try fixture.createUser("alice")
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    for job in jobs { job.remove() }
  }

  private func configuration(count: Int) -> String {
    """
    gitform {
      backend "gitlab" {
        project = "team/app"
        name    = "production"
      }
    }

    resource "user_token" "bulk" {
      count      = \(count)
      user_id    = \(alice)
      name       = "bulk-${count.index}"
      scopes     = ["read_api"]
      expires_at = "2026-12-01"
    }

    """
  }

  /// A fresh runner: an empty directory holding only the configuration.
  private func job(count: Int) throws -> GitformProcess {
    let gitform = try GitformProcess.inTemporaryDirectory("remote-job", against: fixture, now: "2026-06-01T12:00:00Z")
    jobs.append(gitform)
    try gitform.write("main.gf.hcl", configuration(count: count))
    return gitform
  }

  private func activeTokens() throws -> [[String: Any]] {
    var all: [[String: Any]] = []
    for page in 1...4 {
      let answer = try fixture.raw(.get, "/api/v4/personal_access_tokens?user_id=\(alice)&per_page=100&page=\(page)")
      all += answer.json as? [[String: Any]] ?? []
    }
    return all.filter { $0["active"] as? Bool == true }
  }

  private func remoteState() throws -> [String: Any] {
    let answer = try fixture.raw(.get, "/api/v4/projects/\(projectID)/terraform/state/production")
    XCTAssertEqual(answer.status, 200)
    return try XCTUnwrap(answer.json as? [String: Any])
  }

  func testApplyKilledPartWayLosesNoTokenWithRemoteState() throws {
    let first = try job(count: 200)
    let apply = try first.start(["apply", "-auto-approve", "-no-color"])
    _ = apply.read(until: "Creation complete", count: 60)
    XCTAssertEqual(apply.kill(), .uncaughtSignal)
    let createdBeforeKill = try activeTokens().count
    XCTAssertGreaterThanOrEqual(createdBeforeKill, 60)
    XCTAssertLessThan(createdBeforeKill, 200, "the apply finished before it was killed")
    // The runner's disk is gone: nothing of the first job is left but what GitLab holds.
    try FileManager.default.removeItem(at: first.directory)

    let second = try job(count: 200)
    // The killed job still holds the lock; the next job is refused, naming it.
    let refused = try second.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.standardError.contains("Error acquiring the state lock"), refused.standardError)
    let idLine = try XCTUnwrap(refused.standardError.split(separator: "\n").first { $0.hasPrefix("  ID:") })
    let lockID = idLine.split(separator: " ").last.map(String.init) ?? ""
    XCTAssertEqual(try second.run(["force-unlock", "-force", lockID]).status, 0)

    // Every token GitLab made is in the state GitLab holds (adopted if its record was pending).
    let plan = try second.run(["plan", "-no-color"])
    XCTAssertEqual(plan.status, 0, plan.standardError)
    let addLine = try XCTUnwrap(plan.standardOutput.split(separator: "\n").first { $0.hasPrefix("Plan: ") })
    XCTAssertTrue(addLine.hasPrefix("Plan: \(200 - createdBeforeKill) to add, "), String(addLine))

    let finish = try second.run(["apply", "-auto-approve", "-no-color"])
    XCTAssertEqual(finish.status, 0, finish.standardError)
    let tokens = try activeTokens()
    XCTAssertEqual(tokens.count, 200)
    XCTAssertEqual(Set(tokens.compactMap { $0["name"] as? String }).count, 200)
    let resources = try XCTUnwrap(try remoteState()["resources"] as? [[String: Any]])
    let instances = resources.flatMap { $0["instances"] as? [[String: Any]] ?? [] }
    XCTAssertEqual(instances.count, 200)
    let values = instances.compactMap { ($0["attributes"] as? [String: Any])?["token"] as? String }
    XCTAssertEqual(Set(values).count, 200, "every token's value is in the state")
    XCTAssertFalse(FileManager.default.fileExists(atPath: second.directory.appendingPathComponent("gitform.tfstate").path))
    XCTAssertEqual(try second.run(["plan", "-detailed-exitcode"]).status, 0)
  }

  func testSecondJobWaitsForTheLockOrIsRefusedNamingTheHolder() throws {
    let first = try job(count: 200)
    let second = try job(count: 200)
    let apply = try first.start(["apply", "-auto-approve", "-no-color"])
    _ = apply.read(until: "Creation complete", count: 1)
    // Without -lock-timeout the second job is refused at once, naming the holder.
    let refused = try second.run(["plan", "-no-color"])
    _ = apply.output?.fileHandleForReading.readDataToEndOfFile()
    apply.process.waitUntilExit()
    XCTAssertEqual(apply.process.terminationStatus, 0)
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.standardError.contains("is locked by root since "), refused.standardError)
    XCTAssertEqual(try activeTokens().count, 200)

    // With -lock-timeout it waits while another holder keeps the lock, then plans.
    let lockPath = "/api/v4/projects/\(projectID)/terraform/state/production/lock"
    let held = try fixture.raw(
      .post, lockPath,
      ["ID": "11111111-2222-3333-4444-555555555555", "Operation": "OperationTypeApply", "Who": "other",
       "Version": "1.11.0", "Created": "2026-06-01T12:00:00Z", "Path": "", "Info": ""])
    XCTAssertEqual(held.status, 200)
    let fixture = self.fixture!
    let release = DispatchSemaphore(value: 0)
    DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) {
      _ = try? fixture.raw(.delete, lockPath, ["ID": "11111111-2222-3333-4444-555555555555"])
      release.signal()
    }
    let waited = try second.run(["plan", "-no-color", "-lock-timeout=60s", "-detailed-exitcode"])
    release.wait()
    XCTAssertEqual(waited.status, 0, waited.standardOutput + waited.standardError)
    XCTAssertTrue(waited.standardError.contains("Acquiring state lock. This may take a few moments..."), waited.standardError)
    XCTAssertTrue(waited.standardOutput.contains("No changes."), waited.standardOutput)
  }
}
