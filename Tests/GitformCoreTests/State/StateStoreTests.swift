import XCTest
@testable import GitformCore

final class StateStoreTests: XCTestCase {
  private var directory: TemporaryDirectory!

  override func setUpWithError() throws { directory = try TemporaryDirectory() }
  override func tearDown() { directory.remove() }

  private var statePath: String { directory.file("gitform.tfstate") }

  private func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  private func sampleState(_ lineage: String = StateFixtures.lineage) -> State {
    var state = State(terraformVersion: "old", lineage: lineage)
    state.upsert(
      ResourceInstance(attributes: .object([("id", .string("1:2"))])),
      in: ResourceState(address: ResourceAddress(type: "user_token", name: "a")))
    return state
  }

  func testMissingFileLoadsAnEmptyStateAndWritesNothing() throws {
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    let state = try store.load()
    XCTAssertTrue(state.isEmpty)
    XCTAssertEqual(state.serial, 0)
    XCTAssertEqual(state.terraformVersion, "0.1.0")
    XCTAssertTrue(UUIDText.isValid(state.lineage))
    XCTAssertEqual(state.lineage, state.lineage.lowercased())
    XCTAssertEqual(try entries(), [])
  }

  func testWriteIsAtomicMode0600AndBumpsSerialOnlyOnChange() throws {
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    var state = try store.load()
    state.upsert(ResourceInstance(), in: ResourceState(address: ResourceAddress(type: "user_token", name: "a")))
    let first = try store.write(state)
    XCTAssertEqual(first.serial, 1)
    XCTAssertEqual(first.terraformVersion, "0.1.0")
    XCTAssertEqual(TemporaryDirectory.bytes(of: statePath), StateFile.encodeBytes(first))
    XCTAssertEqual(TemporaryDirectory.mode(of: statePath), 0o600)
    // No backup when there was no state before, and no temporary file left behind.
    XCTAssertEqual(try entries(), ["gitform.tfstate"])

    let same = try store.write(first)
    XCTAssertEqual(same.serial, 1)
    XCTAssertEqual(TemporaryDirectory.bytes(of: statePath), StateFile.encodeBytes(first))

    var changed = same
    changed.outputs["x"] = OutputState(value: .string("y"), type: .string("string"))
    XCTAssertEqual(try store.write(changed).serial, 2)
    XCTAssertEqual(try StateFile.decode(TemporaryDirectory.bytes(of: statePath) ?? [], path: "", readerVersion: "").serial, 2)
  }

  func testBackupKeepsThePreviousStateOncePerStore() throws {
    let original = StateFile.encodeBytes(sampleState())
    TemporaryDirectory.write(String(decoding: original, as: UTF8.self), to: statePath)
    chmod(statePath, 0o644)
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    var state = try store.load()
    XCTAssertEqual(state.serial, 0)
    state.outputs["a"] = OutputState(value: .integer(1), type: .string("number"))
    XCTAssertEqual(try store.write(state).serial, 1)
    state.outputs["b"] = OutputState(value: .integer(2), type: .string("number"))
    XCTAssertEqual(try store.write(state).serial, 2)
    XCTAssertEqual(TemporaryDirectory.bytes(of: store.backupPath), original)
    XCTAssertEqual(TemporaryDirectory.mode(of: store.backupPath), 0o600)
    XCTAssertEqual(TemporaryDirectory.mode(of: statePath), 0o600)
    XCTAssertEqual(try entries(), ["gitform.tfstate", "gitform.tfstate.backup"])
    // The lineage of an existing state is kept.
    XCTAssertEqual(try StateStore(path: statePath, writerVersion: "0.1.0").loadCopy().lineage, StateFixtures.lineage)
  }

  func testUnreadableStatesAreReportedAndNeverOverwritten() throws {
    let contents = ["", "{not json", #"{"name": "x"}"#, #"{"version": 5, "terraform_version": "9.9.9"}"#, #"{"version": 4}"#]
    for text in contents {
      TemporaryDirectory.write(text, to: statePath)
      var store = StateStore(path: statePath, writerVersion: "0.1.0")
      XCTAssertThrowsError(try store.load(), text) { error in
        XCTAssertEqual((error as? StateError)?.path, statePath)
      }
      XCTAssertEqual(TemporaryDirectory.bytes(of: statePath), Array(text.utf8), text)
      XCTAssertEqual(try entries(), ["gitform.tfstate"], text)
    }
  }

  func testWriteFailureNamesTheFile() {
    var store = StateStore(path: directory.file("missing/gitform.tfstate"), writerVersion: "0.1.0")
    XCTAssertThrowsError(try store.write(sampleState())) { error in
      let failure = error as? StateError
      XCTAssertEqual(failure?.code, .fileSystem)
      XCTAssertEqual(failure?.summary, "Failed to write \"\(directory.file("missing/gitform.tfstate"))\"")
      XCTAssertEqual(
        failure?.detail,
        "The operating system reported: No such file or directory. Check that the directory exists and is writable and that the disk is not full.")
    }
  }

  func testAStatePathThatIsADirectoryIsAClearError() throws {
    try FileManager.default.createDirectory(atPath: statePath, withIntermediateDirectories: false)
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertThrowsError(try store.load()) { error in
      XCTAssertEqual((error as? StateError)?.summary, "Failed to read \"\(statePath)\"")
      XCTAssertTrue((error as? StateError)?.detail.hasPrefix("The operating system reported: Is a directory.") ?? false)
    }
  }

  func testSerialNeverGoesBackwards() throws {
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    var state = sampleState()
    state.serial = 41
    XCTAssertEqual(try store.write(state).serial, 42)
    state.outputs["o"] = OutputState(value: .null, type: .string("string"))
    state.serial = 3
    XCTAssertEqual(try store.write(state).serial, 43)
  }

  /// Terraform users symlink their state; the link must keep naming the current state (the
  /// target used to keep the old resources and secrets while a regular file replaced the link).
  func testASymbolicallyLinkedStateIsWrittenThroughToItsTarget() throws {
    let real = directory.file("real")
    try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
    var seed = StateStore(path: real + "/prod.tfstate", writerVersion: "0.1.0")
    try seed.write(sampleState())
    // A relative link, through a second link: both resolve from the link's own directory.
    try FileManager.default.createSymbolicLink(atPath: directory.file("hop.tfstate"), withDestinationPath: "real/prod.tfstate")
    try FileManager.default.createSymbolicLink(atPath: statePath, withDestinationPath: "hop.tfstate")

    var store = StateStore(path: statePath, writerVersion: "0.2.0")
    XCTAssertEqual(store.path, directory.path + "/real/prod.tfstate")
    var state = try store.load()
    XCTAssertEqual(state.serial, 1)
    state.upsert(
      ResourceInstance(attributes: .object([("id", .string("1:3"))])),
      in: ResourceState(address: ResourceAddress(type: "user_token", name: "b")))
    let written = try store.write(state)
    XCTAssertEqual(written.serial, 2)

    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: statePath), "hop.tfstate")
    let onDisk = try StateFile.decode(
      TemporaryDirectory.bytes(of: real + "/prod.tfstate") ?? [], path: "prod", readerVersion: "0.2.0")
    XCTAssertEqual(onDisk.serial, 2)
    XCTAssertEqual(onDisk.resources.count, 2)
    XCTAssertEqual(TemporaryDirectory.mode(of: real + "/prod.tfstate"), 0o600)
    XCTAssertTrue(FileManager.default.fileExists(atPath: real + "/prod.tfstate.backup"))
    XCTAssertEqual(try entries(), ["gitform.tfstate", "hop.tfstate", "real"])
  }

  func testADanglingStateLinkCreatesItsTarget() throws {
    try FileManager.default.createSymbolicLink(atPath: statePath, withDestinationPath: directory.file("later.tfstate"))
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertTrue(try store.load().isEmpty)
    try store.write(sampleState())
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: statePath), directory.file("later.tfstate"))
    XCTAssertEqual(
      try StateFile.decode(TemporaryDirectory.bytes(of: directory.file("later.tfstate")) ?? [], path: "x", readerVersion: "0.1.0").serial,
      1)
  }

  func testAStateLinkLoopIsAClearError() throws {
    try FileManager.default.createSymbolicLink(atPath: statePath, withDestinationPath: "gitform.tfstate")
    var store = StateStore(path: statePath, writerVersion: "0.1.0")
    XCTAssertThrowsError(try store.load()) { error in
      XCTAssertTrue("\(error)".contains("gitform.tfstate"), "\(error)")
    }
  }
}

extension StateStore {
  /// Loads without recovering a journal (a read-only look, for assertions).
  func loadCopy() throws -> State {
    var copy = self
    return try copy.load(recoverJournal: false)
  }
}
