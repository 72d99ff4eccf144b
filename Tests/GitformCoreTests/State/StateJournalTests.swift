import XCTest
@testable import GitformCore

final class StateJournalTests: XCTestCase {
  private var directory: TemporaryDirectory!

  override func setUpWithError() throws { directory = try TemporaryDirectory() }
  override func tearDown() { directory.remove() }

  private var statePath: String { directory.file("gitform.tfstate") }
  private let tokens = ResourceState(address: ResourceAddress(type: "user_token", name: "bot"), each: .map)

  private func instance(_ key: String, id: Int) -> ResourceInstance {
    ResourceInstance(
      indexKey: .string(key), attributes: .object([("token", .string("glpat-\(key)")), ("id", .integer(id))]),
      sensitiveAttributes: [.attributes("token")])
  }

  private func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  /// A store that has written an initial state.
  private func startedStore() throws -> (StateStore, State) {
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    var state = try store.load()
    state.upsert(instance("seed", id: 0), in: tokens)
    state = try store.write(state)
    return (store, state)
  }

  func testTenThousandActionsAreFoldedOnce() throws {
    directory.remove()
    directory = try TemporaryDirectory(inMemory: true)
    var (store, state) = try startedStore()
    let journal = try store.beginJournal(for: state)
    XCTAssertEqual(TemporaryDirectory.mode(of: journal.path), 0o600)
    let started = Date()
    for number in 0..<10_000 {
      let entry = JournalEntry.upsert(resource: tokens, instance: instance("k\(number)", id: number))
      try journal.append(entry)
      entry.apply(to: &state)
    }
    let appendSeconds = Date().timeIntervalSince(started)
    // Folding the journal (what recovery after a crash does) gives the state the apply built.
    let folded = try StateStore(path: statePath, writerVersion: "0.1.0").loadCopy()
    XCTAssertEqual(folded.resources.first?.instances.count, 10_001)
    XCTAssertEqual(StateFile.encode(folded), StateFile.encode(state))
    let final = try store.finish(journal, state: state)
    XCTAssertEqual(final.serial, 2, "one state write for the whole apply")
    XCTAssertEqual(try files(), ["gitform.tfstate"])
    let onDisk = try store.loadCopy()
    XCTAssertEqual(onDisk.resources.first?.instances.count, 10_001)
    XCTAssertEqual(onDisk.instance(tokens.address.instance(.string("k9999")))?.attributes["id"], .integer(9999))
    print("journal: 10,000 durable appends in \(String(format: "%.2f", appendSeconds)) s")
  }

  func testCrashBeforeFoldIsRecoveredOnNextLoad() throws {
    let (store, state) = try startedStore()
    do {
      let journal = try store.beginJournal(for: state)
      try journal.append(.upsert(resource: tokens, instance: instance("a", id: 1)))
      try journal.append(.upsert(resource: tokens, instance: instance("b", id: 2)))
      try journal.append(.remove(tokens.address.instance(.string("seed")), deposed: nil))
      // The process dies here: no finish.
    }
    XCTAssertEqual(try store.loadCopy().instanceAddresses.map(\.description),
                   [#"user_token.bot["a"]"#, #"user_token.bot["b"]"#], "a read-only look folds in memory")
    XCTAssertEqual(try files(), ["gitform.tfstate", "gitform.tfstate.journal"], "and leaves the files alone")

    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    let recovered = try next.load()
    XCTAssertEqual(recovered.serial, 2)
    XCTAssertEqual(recovered.instanceAddresses.map(\.description), [#"user_token.bot["a"]"#, #"user_token.bot["b"]"#])
    XCTAssertEqual(try files(), ["gitform.tfstate", "gitform.tfstate.backup"])
    XCTAssertEqual(try StateStore(path: statePath, writerVersion: "0.1.0").loadCopy(), recovered)
  }

  func testTornLastLineIsIgnored() throws {
    let (store, state) = try startedStore()
    let journal = try store.beginJournal(for: state)
    try journal.append(.upsert(resource: tokens, instance: instance("a", id: 1)))
    journal.close()
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal.path))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"op":"upsert","resource":{"mode":"managed","ty"#.utf8))
    handle.closeFile()
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertEqual(try next.load().instanceAddresses.map(\.description), [#"user_token.bot["a"]"#, #"user_token.bot["seed"]"#])
    XCTAssertFalse(FileManager.default.fileExists(atPath: journal.path))
  }

  func testJournalTornInItsHeaderHoldsNothing() throws {
    let (store, _) = try startedStore()
    let before = TemporaryDirectory.bytes(of: statePath)
    TemporaryDirectory.write(#"{"journal":1,"lin"#, to: store.journalPath)
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertEqual(try next.load().instanceAddresses.map(\.description), [#"user_token.bot["seed"]"#])
    XCTAssertEqual(TemporaryDirectory.bytes(of: statePath), before, "nothing to fold, nothing written")
    XCTAssertEqual(try files(), ["gitform.tfstate"])
  }

  func testCrashAfterStateWriteBeforeJournalRemovalFoldsIdempotently() throws {
    var (store, state) = try startedStore()
    let journal = try store.beginJournal(for: state)
    let entry = JournalEntry.upsert(resource: tokens, instance: instance("a", id: 1))
    try journal.append(entry)
    entry.apply(to: &state)
    let written = try store.write(state)  // finish() got this far, then the process died
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    let recovered = try next.load()
    XCTAssertEqual(recovered.serial, written.serial, "folding again changes nothing, so nothing is written")
    XCTAssertEqual(recovered.normalized(), written.normalized())
    XCTAssertFalse(FileManager.default.fileExists(atPath: journal.path))
  }

  func testJournalWithoutStateFileRecreatesTheState() throws {
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    let state = try store.load()
    let journal = try store.beginJournal(for: state)
    try journal.append(.upsert(resource: tokens, instance: instance("a", id: 1)))
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    let recovered = try next.load()
    XCTAssertEqual(recovered.lineage, state.lineage)
    XCTAssertEqual(recovered.serial, 1)
    XCTAssertEqual(recovered.instanceAddresses.count, 1)
    XCTAssertEqual(try files(), ["gitform.tfstate"])
  }

  func testDeposedObjectsAreRecordedAndRemoved() throws {
    var (store, state) = try startedStore()
    let address = tokens.address.instance(.string("seed"))
    var old = instance("seed", id: 0)
    old.deposed = "0000abcd"
    let journal = try store.beginJournal(for: state)
    for entry in [
      JournalEntry.upsert(resource: tokens, instance: old),
      .upsert(resource: tokens, instance: instance("seed", id: 5)),
    ] {
      try journal.append(entry)
      entry.apply(to: &state)
    }
    XCTAssertEqual(state.resource(tokens.address)?.instances.count, 2)
    try journal.append(.remove(address, deposed: "0000abcd"))
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    let recovered = try next.load()
    XCTAssertEqual(recovered.resource(tokens.address)?.instances.count, 1)
    XCTAssertEqual(recovered.instance(address)?.attributes["id"], .integer(5))
  }

  func testConcurrentAppendsAreAllRecorded() throws {
    let (store, state) = try startedStore()
    let journal = try store.beginJournal(for: state)
    let failures = NSLock()
    nonisolated(unsafe) var failed = 0
    DispatchQueue.concurrentPerform(iterations: 200) { number in
      do {
        try journal.append(.upsert(resource: tokens, instance: instance("c\(number)", id: number)))
      } catch {
        failures.withLock { failed += 1 }
      }
    }
    XCTAssertEqual(failed, 0)
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertEqual(try next.load().instanceAddresses.count, 201)
  }

  func testAForeignJournalIsRefusedAndKept() throws {
    let (store, _) = try startedStore()
    let other = State(terraformVersion: "0.1.0", lineage: State.newLineage())
    let journal = try store.beginJournal(for: other)
    try journal.append(.upsert(resource: tokens, instance: instance("a", id: 1)))
    let before = TemporaryDirectory.bytes(of: statePath)
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertThrowsError(try next.load()) { error in
      XCTAssertEqual((error as? StateError)?.code, .journalMismatch)
      XCTAssertEqual((error as? StateError)?.summary, "Apply journal belongs to another state")
    }
    XCTAssertEqual(TemporaryDirectory.bytes(of: statePath), before)
    XCTAssertTrue(FileManager.default.fileExists(atPath: journal.path))
    XCTAssertThrowsError(try store.beginJournal(for: other)) { error in
      XCTAssertEqual((error as? StateError)?.summary, "Unfinished apply journal")
    }
  }

  func testDamagedMiddleLineIsAnError() throws {
    let (store, state) = try startedStore()
    let journal = try store.beginJournal(for: state)
    journal.close()
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal.path))
    handle.seekToEndOfFile()
    handle.write(Data("garbage\n{\"op\":\"remove\",\"address\":\"a.b\"}\n".utf8))
    handle.closeFile()
    var next = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertThrowsError(try next.load()) { error in
      XCTAssertEqual((error as? StateError)?.summary, "Damaged apply journal")
      XCTAssertTrue((error as? StateError)?.detail.hasPrefix(
        "The apply journal \"\(journal.path)\" is damaged: line 2 is not valid JSON.") ?? false)
    }
  }
}
