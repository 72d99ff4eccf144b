import XCTest
@testable import GitformCore

final class StateLockTests: XCTestCase {
  var directory: TemporaryDirectory!

  override func setUpWithError() throws { directory = try TemporaryDirectory() }
  override func tearDown() { directory.remove() }

  var statePath: String { directory.file("gitform.tfstate") }

  func info(_ operation: String = LockInfo.apply) -> LockInfo {
    LockInfo(
      id: "a68c8ec4-f544-334e-a9a6-cf6341f76042", operation: operation, who: "root@vm", version: "0.1.0",
      created: "2026-11-22T11:45:56.778059166Z", path: "gitform.tfstate")
  }

  func testLockFilesAndInfoContent() throws {
    let lock = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertEqual(lock.lockPath, directory.file(".gitform.tfstate.lock"))
    XCTAssertEqual(lock.infoPath, directory.file(".gitform.tfstate.lock.info"))
    XCTAssertEqual(
      String(decoding: TemporaryDirectory.bytes(of: lock.infoPath) ?? [], as: UTF8.self),
      #"{"ID":"a68c8ec4-f544-334e-a9a6-cf6341f76042","Operation":"OperationTypeApply","Info":"","Who":"root@vm","Version":"0.1.0","Created":"2026-11-22T11:45:56.778059166Z","Path":"gitform.tfstate"}"#)
    XCTAssertEqual(TemporaryDirectory.mode(of: lock.lockPath), 0o600)
    XCTAssertEqual(TemporaryDirectory.mode(of: lock.infoPath), 0o600)
    try lock.unlock()
    XCTAssertFalse(FileManager.default.fileExists(atPath: lock.infoPath))
    XCTAssertTrue(FileManager.default.fileExists(atPath: lock.lockPath), "the lock file is stable, never deleted")
    try lock.unlock()
  }

  func testSecondLockIsRefusedWithTheHoldersDetails() throws {
    let holder = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertThrowsError(try StateLock.acquire(info(LockInfo.plan), statePath: statePath)) { error in
      let failure = error as? StateLockError
      XCTAssertEqual(failure?.code, .held)
      XCTAssertEqual(failure?.holder, info())
      XCTAssertEqual(
        failure?.description,
        """
        Error acquiring the state lock

        Error message: resource temporarily unavailable
        Lock Info:
          ID:        a68c8ec4-f544-334e-a9a6-cf6341f76042
          Path:      gitform.tfstate
          Operation: OperationTypeApply
          Who:       root@vm
          Version:   0.1.0
          Created:   2026-11-22 11:45:56.778059166 +0000 UTC
          Info:      


        gitform acquires a state lock to protect the state from being written
        by multiple users at the same time. Please resolve the issue above and try
        again. For most commands, you can disable locking with the "-lock=false"
        flag, but this is not recommended.
        """)
    }
    try holder.unlock()
    let next = try StateLock.acquire(info(LockInfo.plan), statePath: statePath)
    XCTAssertEqual(next.info.operation, LockInfo.plan)
  }

  func testLockTimeoutWaitsForTheHolder() throws {
    let holder = try StateLock.acquire(info(), statePath: statePath)
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.15) { try? holder.unlock() }
    let started = Date()
    var notices = 0
    let lock = try StateLock.acquire(
      info(LockInfo.plan), statePath: statePath, timeout: 5, retryInterval: 0.01, whileWaiting: { notices += 1 })
    let waited = Date().timeIntervalSince(started)
    XCTAssertGreaterThanOrEqual(waited, 0.1)
    XCTAssertLessThan(waited, 4)
    XCTAssertEqual(notices, waited >= StateLock.slowThreshold ? 1 : 0, "told only about a slow wait")
    try lock.unlock()
  }

  func testLockTimeoutExpires() throws {
    let holder = try StateLock.acquire(info(), statePath: statePath)
    let started = Date()
    var notices = 0
    XCTAssertThrowsError(
      try StateLock.acquire(info(), statePath: statePath, timeout: 0.6, retryInterval: 0.02, whileWaiting: { notices += 1 })
    ) {
      XCTAssertTrue(
        ($0 as? StateLockError)?.detail.hasPrefix(
          "Error message: resource temporarily unavailable (still locked when -lock-timeout expired)\nLock Info:\n") ?? false)
    }
    XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.6)
    XCTAssertEqual(notices, 1, "a wait past the threshold is announced once")
    try holder.unlock()
  }

  func testAnotherProcessIsExcluded() throws {
    let flockTool = "/usr/bin/flock"
    try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: flockTool), "needs util-linux flock")
    func otherProcessCanLock() throws -> Bool {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: flockTool)
      process.arguments = ["-n", directory.file(".gitform.tfstate.lock"), "true"]
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus == 0
    }
    let lock = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertFalse(try otherProcessCanLock())
    try lock.unlock()
    XCTAssertTrue(try otherProcessCanLock())
  }

  func testStaleInfoFromADeadHolderDoesNotBlock() throws {
    let paths = StateLock.paths(forState: statePath)
    TemporaryDirectory.write(#"{"ID":"dead"}"#, to: paths.info)
    let lock = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertEqual(LockInfo.decode(TemporaryDirectory.bytes(of: paths.info) ?? [])?.id, info().id)
    try lock.unlock()
  }

  func testForceUnlock() throws {
    let paths = StateLock.paths(forState: statePath)
    XCTAssertThrowsError(try StateLock.forceUnlock(id: "x", statePath: statePath)) {
      XCTAssertEqual(($0 as? StateLockError)?.code, .notLocked)
    }
    let holder = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertThrowsError(try StateLock.forceUnlock(id: "wrong", statePath: statePath)) {
      XCTAssertEqual(
        ($0 as? StateLockError)?.detail,
        #"lock ID "wrong" does not match existing lock ID "a68c8ec4-f544-334e-a9a6-cf6341f76042""#)
    }
    XCTAssertThrowsError(try StateLock.forceUnlock(id: info().id, statePath: statePath)) {
      XCTAssertEqual(
        ($0 as? StateLockError)?.detail,
        """
        The lock a68c8ec4-f544-334e-a9a6-cf6341f76042 is held by a gitform process that is still \
        running (root@vm, OperationTypeApply, since 2026-11-22 11:45:56.778059166 +0000 UTC). Stop \
        that process instead: a local lock is released as soon as its holder exits.
        """)
    }
    // A holder that died leaves its info file behind; force-unlock clears it.
    holder.abandonForTesting()
    XCTAssertTrue(FileManager.default.fileExists(atPath: paths.info))
    try StateLock.forceUnlock(id: info().id, statePath: statePath)
    XCTAssertFalse(FileManager.default.fileExists(atPath: paths.info))
  }

  func testPathsAndTimeFormats() {
    XCTAssertEqual(StateLock.paths(forState: "gitform.tfstate").lock, "./.gitform.tfstate.lock")
    XCTAssertEqual(StateLock.paths(forState: "/a/.hidden").info, "/a/.hidden.lock.info")
    XCTAssertEqual(LockInfo.rfc3339Nano(seconds: 1_795_347_956, nanoseconds: 778_059_166), "2026-11-22T11:45:56.778059166Z")
    XCTAssertEqual(LockInfo.rfc3339Nano(seconds: 1_795_347_956, nanoseconds: 500_000_000), "2026-11-22T11:45:56.5Z")
    XCTAssertEqual(LockInfo.rfc3339Nano(seconds: 0, nanoseconds: 0), "1970-01-01T00:00:00Z")
    XCTAssertTrue(LockInfo.now().hasSuffix("Z"))
    XCTAssertTrue(LockInfo.currentWho().contains("@"))
    XCTAssertTrue(UUIDText.isValid(LockInfo(operation: "x", version: "0", path: "p").id))
  }
}

extension StateLockTests {
  func testMissingDirectoryIsAClearError() {
    XCTAssertThrowsError(
      try StateLock.acquire(info(), statePath: directory.file("absent/gitform.tfstate"))
    ) { error in
      let failure = error as? StateLockError
      XCTAssertEqual(failure?.code, .fileSystem)
      XCTAssertEqual(failure?.summary, "Failed to create the state lock")
      XCTAssertEqual(
        failure?.detail,
        "\"\(directory.file("absent/.gitform.tfstate.lock"))\": No such file or directory. Check that the directory exists and is writable.")
    }
  }
}

extension StateLockTests {
  func testAWiderLockFileIsNarrowedTo0600() throws {
    let paths = StateLock.paths(forState: statePath)
    TemporaryDirectory.write("", to: paths.lock)
    chmod(paths.lock, 0o644)
    let lock = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertEqual(TemporaryDirectory.mode(of: paths.lock), 0o600)
    try lock.unlock()
  }

  /// A symbolic link planted where the lock file goes must not make gitform create, lock or
  /// chmod the file it points at.
  func testALockFilePlantedAsASymbolicLinkIsRefusedAndItsTargetLeftAlone() throws {
    let victim = directory.file("victim")
    try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
    chmod(victim, 0o644)
    try FileManager.default.createSymbolicLink(
      atPath: directory.file(".gitform.tfstate.lock"), withDestinationPath: victim)
    XCTAssertThrowsError(try StateLock.acquire(info(), statePath: statePath)) { error in
      let failure = error as? StateLockError
      XCTAssertEqual(failure?.code, .fileSystem)
      XCTAssertTrue(failure?.detail.contains("is a symbolic link") ?? false, failure?.detail ?? "")
    }
    XCTAssertThrowsError(try StateLock.forceUnlock(id: info().id, statePath: statePath))
    XCTAssertEqual(TemporaryDirectory.mode(of: victim), 0o644)
    XCTAssertEqual(String(decoding: TemporaryDirectory.bytes(of: victim) ?? [], as: UTF8.self), "precious\n")
    // A dangling link would have been created through, too.
    let dangling = directory.file("created-through-link")
    try FileManager.default.removeItem(atPath: directory.file(".gitform.tfstate.lock"))
    try FileManager.default.createSymbolicLink(
      atPath: directory.file(".gitform.tfstate.lock"), withDestinationPath: dangling)
    XCTAssertThrowsError(try StateLock.acquire(info(), statePath: statePath))
    XCTAssertFalse(FileManager.default.fileExists(atPath: dangling))
  }

  func testTwoLinksToOneStateTakeOneLockBesideTheTarget() throws {
    try FileManager.default.createSymbolicLink(atPath: directory.file("a.tfstate"), withDestinationPath: "gitform.tfstate")
    try FileManager.default.createSymbolicLink(atPath: directory.file("b.tfstate"), withDestinationPath: "a.tfstate")
    let holder = try StateLock.acquire(info(), statePath: directory.file("b.tfstate"))
    XCTAssertEqual(holder.lockPath, directory.file(".gitform.tfstate.lock"))
    XCTAssertThrowsError(try StateLock.acquire(info(), statePath: directory.file("a.tfstate"))) { error in
      XCTAssertEqual((error as? StateLockError)?.code, .held)
    }
    XCTAssertThrowsError(try StateLock.acquire(info(), statePath: statePath))
    try holder.unlock()
  }

  func testALockInfoPlantedAsASymbolicLinkIsReplacedNotWrittenThrough() throws {
    let victim = directory.file("victim")
    try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
    let infoPath = directory.file(".gitform.tfstate.lock.info")
    try FileManager.default.createSymbolicLink(atPath: infoPath, withDestinationPath: victim)
    let lock = try StateLock.acquire(info(), statePath: statePath)
    XCTAssertEqual(String(decoding: TemporaryDirectory.bytes(of: victim) ?? [], as: UTF8.self), "precious\n")
    XCTAssertNil(try? FileManager.default.destinationOfSymbolicLink(atPath: infoPath))
    try lock.unlock()
    XCTAssertEqual(String(decoding: TemporaryDirectory.bytes(of: victim) ?? [], as: UTF8.self), "precious\n")
  }
}
