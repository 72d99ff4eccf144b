import XCTest

@testable import GitformCore

/// The http backend against GitLab-managed state on the emulator: real HTTP, GitLab's statuses.
final class GitLabStateBackendTests: XCTestCase {
  private var fixture: GitLabStateEmulatorFixture!

  override func setUpWithError() throws {
    fixture = try GitLabStateEmulatorFixture()
  }

  override func tearDown() {
    fixture?.stop()
  }

  private let lockRoute = "POST /api/v4/projects/:id/terraform/state/:name/lock"
  private let writeRoute = "POST /api/v4/projects/:id/terraform/state/:name"

  private func info(_ operation: String = LockInfo.apply) -> LockInfo {
    LockInfo(operation: operation, who: "ci@runner", version: "0.9.0-test", path: "")
  }

  func testANewStateIsAbsentThenRoundTripsUnderTheLock() throws {
    let backend = try fixture.backend()
    XCTAssertEqual(try fixture.stateStatus(), 404)
    XCTAssertNil(try backend.pull())
    XCTAssertTrue(try backend.load().isEmpty)

    XCTAssertTrue(try StateBackendLocking.acquire(backend, info: info()))
    XCTAssertEqual(
      try backend.tryLock(info()), LockAttempt.acquired, "a held lock is not asked for again")
    XCTAssertEqual(try fixture.gitLab.requestCount(lockRoute), 1)
    let written = try backend.persist(sampleState("hello"))
    XCTAssertEqual(written.serial, 1)
    XCTAssertEqual(
      try backend.persist(sampleState("hello")).serial, 1, "unchanged content is not written again")
    XCTAssertEqual(try backend.persist(sampleState("hello again")).serial, 2)
    try backend.unlock()
    XCTAssertEqual(try fixture.gitLab.requestCount(writeRoute), 2)

    let reader = try fixture.backend()
    let bytes = try XCTUnwrap(try reader.pull())
    XCTAssertEqual(bytes, StateFile.encodeBytes(try reader.load()))
    let loaded = try reader.load()
    XCTAssertEqual(loaded.serial, 2)
    XCTAssertEqual(loaded.lineage, "5f0b3a8e-0000-4000-8000-000000000001")
    XCTAssertEqual(loaded.outputs["greeting"]?.value, .string("hello again"))
    XCTAssertEqual(
      backend.location,
      "GitLab-managed state \"production\" of project team/app ("
        + fixture.gitLab.emulator.baseURL.absoluteString
        + "/projects/team%2Fapp/terraform/state/production)")
  }

  /// Locking creates the state's row; until a version is written GitLab answers 204.
  func testAStateThatWasOnlyLockedReadsAsNoContent() throws {
    let backend = try fixture.backend(name: "fresh")
    XCTAssertTrue(try StateBackendLocking.acquire(backend, info: info()))
    try backend.unlock()
    XCTAssertEqual(try fixture.stateStatus(name: "fresh"), 204)
    XCTAssertNil(try backend.pull())
    XCTAssertTrue(try backend.load().isEmpty)
  }

  func testALockConflictNamesTheHolderAndRefusesTheSecondProcess() throws {
    try fixture.member("alice", accessLevel: 40)
    let holder = try fixture.backend()
    let holderInfo = info(LockInfo.apply)
    XCTAssertTrue(try StateBackendLocking.acquire(holder, info: holderInfo))
    let second = try fixture.backend(token: fixture.tokens["alice"] ?? "")
    let error = try XCTUnwrap(
      fixture.backendError {
        try StateBackendLocking.acquire(second, info: self.info(LockInfo.plan))
      })
    XCTAssertEqual(error.code, .locked)
    XCTAssertEqual(error.summary, "Error acquiring the state lock")
    XCTAssertTrue(
      error.detail.hasPrefix(
        "The state at GitLab-managed state \"production\" of project team/app ("),
      error.detail)
    XCTAssertTrue(
      error.detail.contains(
        "is locked by root since 2026-06-01 12:00:00 +0000 UTC, operation not recorded by the "
          + "server, lock ID \(holderInfo.id)."), error.detail)
    XCTAssertTrue(error.detail.contains("gitform force-unlock \(holderInfo.id) removes the lock"))
    XCTAssertEqual(error.holder?.id, holderInfo.id)
    XCTAssertEqual(error.holder?.who, "root")
    XCTAssertNil(second.lockID)
  }

  func testLockTimeoutWaitsForTheHolderWithoutSpinning() throws {
    let holder = try fixture.backend()
    XCTAssertTrue(try StateBackendLocking.acquire(holder, info: info()))
    try fixture.gitLab.resetStats()
    let waiter = try fixture.backend()
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { try? holder.unlock() }
    var told = 0
    let started = Date()
    XCTAssertTrue(
      try StateBackendLocking.acquire(
        waiter, info: info(), timeout: 10, whileWaiting: { told += 1 }))
    let waited = Date().timeIntervalSince(started)
    XCTAssertEqual(told, 1)
    XCTAssertGreaterThan(waited, 0.3)
    XCTAssertLessThan(waited, 3)
    XCTAssertEqual(
      try fixture.gitLab.requestCount(lockRoute), 2, "one refused try, one second later the lock")

    // Still held at the deadline: refused, after a handful of tries, not thousands.
    try fixture.gitLab.resetStats()
    let third = try fixture.backend()
    let error = try XCTUnwrap(
      fixture.backendError {
        try StateBackendLocking.acquire(third, info: self.info(), timeout: 1.5)
      })
    XCTAssertTrue(
      error.detail.contains("It was still locked when -lock-timeout expired."), error.detail)
    XCTAssertLessThanOrEqual(try fixture.gitLab.requestCount(lockRoute), 3)
  }

  func testForceUnlockNeedsTheHoldersIDAndTheOldHolderIsToldItLostTheLock() throws {
    let holder = try fixture.backend()
    let holderInfo = info()
    XCTAssertTrue(try StateBackendLocking.acquire(holder, info: holderInfo))
    let rescuer = try fixture.backend()

    let mismatch = try XCTUnwrap(
      fixture.backendError { try rescuer.forceUnlock(id: "not-the-lock-id") })
    XCTAssertEqual(mismatch.code, .lockMismatch)
    XCTAssertTrue(
      mismatch.detail.contains("holds no lock with ID \"not-the-lock-id\" (409 Conflict)"))
    guard case .held(let current) = try rescuer.tryLock(info()) else {
      return XCTFail("a wrong ID must leave the lock in place")
    }
    XCTAssertEqual(current?.id, holderInfo.id)

    try rescuer.forceUnlock(id: holderInfo.id)
    XCTAssertTrue(try StateBackendLocking.acquire(rescuer, info: info()))
    let lost = try XCTUnwrap(fixture.backendError { try holder.unlock() })
    XCTAssertEqual(lost.code, .lockMismatch)
    XCTAssertTrue(
      lost.detail.contains("no longer holds gitform's lock \(holderInfo.id)"), lost.detail)
    XCTAssertNotNil(rescuer.lockID)
    try rescuer.unlock()
  }

  /// Two writers without the lock (-lock=false): the second write reuses a serial GitLab already
  /// stores, and GitLab's 422 is explained instead of overwriting the first writer's state.
  func testAStaleSerialIsExplainedAndNothingIsOverwritten() throws {
    let first = try fixture.backend()
    let second = try fixture.backend()
    _ = try first.load()
    try first.persist(sampleState("one"))
    XCTAssertEqual(try second.load().serial, 1)
    try first.persist(sampleState("two"))
    let error = try XCTUnwrap(fixture.backendError { try second.persist(sampleState("other")) })
    XCTAssertEqual(error.code, .staleSerial)
    XCTAssertEqual(error.status, 422)
    XCTAssertTrue(error.detail.contains("already stores a version with this serial"), error.detail)
    XCTAssertTrue(error.detail.contains("Nothing was overwritten"), error.detail)
    XCTAssertEqual(try first.load().outputs["greeting"]?.value, .string("two"))
  }

  /// A write without the lock ID while someone holds the lock: GitLab's 500, explained.
  func testAWriteWithoutTheLockWhileLockedIsExplained() throws {
    let holder = try fixture.backend()
    XCTAssertTrue(try StateBackendLocking.acquire(holder, info: info()))
    let intruder = try fixture.backend()
    _ = try intruder.load()
    let error = try XCTUnwrap(fixture.backendError { try intruder.persist(sampleState("x")) })
    XCTAssertEqual(error.code, .serverError)
    XCTAssertTrue(error.detail.contains("(after 2 retries)"), error.detail)
    XCTAssertTrue(
      error.detail.contains("the lock ID sent does not match the state's lock"), error.detail)
    XCTAssertEqual(
      try holder.persist(sampleState("mine")).serial, 1, "the holder's ID is sent and accepted")
  }

  func testUnknownTokenIsExplainedWithoutShowingIt() throws {
    let backend = try fixture.backend(token: "glpat-not-a-real-token-0001")
    let error = try XCTUnwrap(fixture.backendError { _ = try backend.pull() })
    XCTAssertEqual(error.code, .unauthorized)
    XCTAssertTrue(error.detail.hasPrefix("HTTP remote state endpoint requires auth:"), error.detail)
    XCTAssertTrue(error.detail.contains("unknown to this GitLab"), error.detail)
    XCTAssertFalse(error.description.contains("glpat-not-a-real-token-0001"))
  }

  func testADeveloperMayReadButNotLockOrWrite() throws {
    let token = try fixture.member("dev", accessLevel: 30)
    let seed = try fixture.backend()
    _ = try seed.load()
    try seed.persist(sampleState("seeded"))

    let developer = try fixture.backend(token: token)
    XCTAssertEqual(try developer.load().outputs["greeting"]?.value, .string("seeded"))
    let lockError = try XCTUnwrap(
      fixture.backendError { try StateBackendLocking.acquire(developer, info: self.info()) })
    XCTAssertEqual(lockError.code, .forbidden)
    XCTAssertTrue(lockError.detail.contains("\"403 Forbidden\""), lockError.detail)
    XCTAssertTrue(
      lockError.detail.contains(
        "To lock the state GitLab needs the Maintainer role on team/app for the token's user"),
      lockError.detail)
    XCTAssertTrue(lockError.detail.contains("plan with -lock=false works"), lockError.detail)
    let writeError = try XCTUnwrap(
      fixture.backendError { try developer.persist(sampleState("dev")) })
    XCTAssertEqual(writeError.code, .forbidden)
    XCTAssertTrue(writeError.summary == "Failed to write the state")
  }

  func testATokenWithoutTheAPIScopeIsToldWhichScopeIsMissing() throws {
    let token = try fixture.member("reader", accessLevel: 40, scopes: ["read_api"])
    let backend = try fixture.backend(token: token)
    XCTAssertNil(try backend.pull())
    let error = try XCTUnwrap(
      fixture.backendError { try StateBackendLocking.acquire(backend, info: self.info()) })
    XCTAssertEqual(error.code, .forbidden)
    XCTAssertTrue(
      error.detail.contains("The token lacks the scope for this request (GitLab accepts: api)"),
      error.detail)
  }

  /// A 404 for the project is not "no state yet": planning against an empty state would
  /// recreate everything.
  func testAMissingProjectIsAnErrorNotAnEmptyState() throws {
    let backend = try fixture.backend(project: "team/typo")
    let error = try XCTUnwrap(fixture.backendError { _ = try backend.load() })
    XCTAssertEqual(error.code, .notFound)
    XCTAssertTrue(error.detail.contains("\"404 Project Not Found\""), error.detail)
    XCTAssertTrue(
      error.detail.contains("GitLab has no project team/typo that the credentials can see"),
      error.detail)
  }

  /// A wrong GitLab URL answers 404 from no route at all: that is not "no state" either.
  func testAWrongGitLabURLIsAnErrorNotAnEmptyState() throws {
    let settings = try GitLabStateSettings.resolve(
      attributes: ["project": "team/app", "retry_wait_min": "0"],
      providerBaseURL: fixture.gitLab.emulator.rootURL.absoluteString + "/gitlab",
      providerToken: SecretValue(EmulatorFixture.rootToken), environment: [:])
    let backend = try HTTPStateBackend(settings: settings, writerVersion: "0.9.0-test")
    let error = try XCTUnwrap(fixture.backendError { _ = try backend.load() })
    XCTAssertEqual(error.code, .notFound)
    XCTAssertTrue(
      error.detail.contains("This is not GitLab's answer for a missing state"), error.detail)
  }
}
