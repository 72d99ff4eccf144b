import XCTest

@testable import GitformCore

/// The local state file behind the `StateBackend` protocol: the same files `StateStore` and
/// `StateLock` write, and the same lock and timeout rules as the remote backend.
final class LocalStateBackendTests: XCTestCase {
  private var directory = ""

  override func setUpWithError() throws {
    directory = NSTemporaryDirectory() + "gitform-local-backend-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: directory)
  }

  private var statePath: String { directory + "/gitform.tfstate" }

  private func info() -> LockInfo {
    LockInfo(operation: LockInfo.apply, who: "me@host", version: "0.9.0-test", path: statePath)
  }

  func testLoadPersistPullAndPushUseTheStateFile() throws {
    let backend = LocalStateBackend(path: statePath, writerVersion: "0.9.0-test")
    XCTAssertEqual(backend.location, statePath)
    XCTAssertNil(try backend.pull())
    XCTAssertTrue(try backend.load().isEmpty)
    XCTAssertEqual(try backend.persist(sampleState("one")).serial, 1)
    XCTAssertEqual(try backend.persist(sampleState("one")).serial, 1)
    let onDisk = try XCTUnwrap(FileManager.default.contents(atPath: statePath))
    XCTAssertEqual(try backend.pull(), [UInt8](onDisk))
    let mode =
      try FileManager.default.attributesOfItem(atPath: statePath)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o600)

    var pushed = sampleState("pushed")
    pushed.serial = 9
    try backend.push(StateFile.encodeBytes(pushed))
    XCTAssertEqual(try backend.load().serial, 9)
    XCTAssertEqual(FileManager.default.contents(atPath: statePath + ".backup"), onDisk)
  }

  func testASecondBackendIsRefusedNamingTheHolderUntilUnlock() throws {
    let first = LocalStateBackend(path: statePath, writerVersion: "0.9.0-test")
    let held = info()
    XCTAssertTrue(try StateBackendLocking.acquire(first, info: held))
    let second = LocalStateBackend(path: statePath, writerVersion: "0.9.0-test")
    do {
      try StateBackendLocking.acquire(second, info: info())
      XCTFail("the second backend must not get the lock")
    } catch {
      XCTAssertEqual(error.code, .locked)
      XCTAssertEqual(error.holder?.id, held.id)
      XCTAssertTrue(error.detail.contains("is locked by me@host since "), error.detail)
      XCTAssertTrue(
        error.detail.contains(", operation OperationTypeApply, lock ID \(held.id)."), error.detail)
    }
    try first.unlock()
    XCTAssertTrue(try StateBackendLocking.acquire(second, info: info()))
    try second.unlock()
  }

  func testLockTimeoutSleepsBetweenAttemptsAndStopsAtTheDeadline() throws {
    let first = LocalStateBackend(path: statePath, writerVersion: "0.9.0-test")
    XCTAssertTrue(try StateBackendLocking.acquire(first, info: info()))
    let second = LocalStateBackend(path: statePath, writerVersion: "0.9.0-test")
    var clock = Date(timeIntervalSince1970: 1_000_000)
    var waits: [TimeInterval] = []
    XCTAssertThrowsError(
      try StateBackendLocking.acquire(
        second, info: info(), timeout: 2.5,
        sleep: {
          waits.append($0)
          clock += $0
        }, now: { clock })
    ) { error in
      XCTAssertTrue(String(describing: error).contains("still locked when -lock-timeout expired"))
    }
    XCTAssertEqual(waits.map { ($0 * 1000).rounded() }, [50, 100, 200, 400, 800, 950])
    try first.unlock()
  }

  func testForceUnlockWithTheWrongIDIsRefused() throws {
    let backend = LocalStateBackend(path: statePath, writerVersion: "0.9.0-test")
    do {
      try backend.forceUnlock(id: "nope")
      XCTFail("nothing is locked")
    } catch {
      XCTAssertEqual(error.code, .lockMismatch)
    }
  }
}
