import XCTest

@testable import GitformCore

/// `replace(with:force:)` between the local file and GitLab-managed state on the emulator: the
/// core of `init -migrate-state` and `state push [-force]`.
final class StateMigrationTests: XCTestCase {
  private var fixture: GitLabStateEmulatorFixture!
  private var directory = ""

  override func setUpWithError() throws {
    fixture = try GitLabStateEmulatorFixture()
    directory = NSTemporaryDirectory() + "gitform-migration-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  override func tearDown() {
    fixture?.stop()
    try? FileManager.default.removeItem(atPath: directory)
  }

  private func gitLab() throws -> StateBackend {
    try BackendConfiguration.block(
      type: "gitlab",
      attributes: ["project": "team/app", "name": "production", "retry_wait_min": "0"]
    ).makeBackend(
      providerBaseURL: fixture.gitLab.emulator.baseURL.absoluteString,
      providerToken: SecretValue(EmulatorFixture.rootToken), environment: [:],
      writerVersion: "0.9.0-test")
  }

  private func local(_ name: String) throws -> StateBackend {
    try BackendConfiguration.local(path: directory + "/" + name)
      .makeBackend(environment: [:], writerVersion: "0.9.0-test")
  }

  func testLocalToGitLabAndBackKeepsLineageSerialAndBytes() throws {
    let source = try local("gitform.tfstate")
    _ = try source.load()
    try source.persist(sampleState("one"))
    let written = try source.persist(sampleState("two"))
    XCTAssertEqual(written.serial, 2)

    let remote = try gitLab()
    XCTAssertEqual(try remote.replace(with: try source.load()).serial, 2)
    XCTAssertEqual(try remote.pull(), try source.pull(), "migrated byte for byte")
    try fixture.gitLab.resetStats()
    XCTAssertEqual(try remote.replace(with: try source.load()).serial, 2)
    XCTAssertEqual(
      try fixture.gitLab.requestCount("POST /api/v4/projects/:id/terraform/state/:name"), 0,
      "the same state at the same serial is not sent again")

    let back = try local("back.tfstate")
    try back.replace(with: try remote.load())
    let loaded = try back.load()
    XCTAssertEqual(loaded.lineage, written.lineage)
    XCTAssertEqual(loaded.serial, 2)
    XCTAssertEqual(try back.pull(), try remote.pull())
  }

  func testAnUnrelatedOrOlderStateIsRefusedWithoutForce() throws {
    let remote = try gitLab()
    _ = try remote.load()
    try remote.persist(sampleState("first"))
    try remote.persist(sampleState("second"))

    let unrelated = sampleState("other", lineage: "0e0e0e0e-0000-4000-8000-000000000009")
    var failure: BackendError?
    XCTAssertThrowsError(try remote.replace(with: unrelated)) { failure = $0 as? BackendError }
    XCTAssertEqual(failure?.code, .conflictingState)
    XCTAssertTrue(
      failure?.detail.contains(
        "cannot import state with lineage \"0e0e0e0e-0000-4000-8000-000000000009\" over unrelated "
          + "state with lineage \"5f0b3a8e-0000-4000-8000-000000000001\"") ?? false,
      failure?.detail ?? "")
    XCTAssertTrue(failure?.detail.hasSuffix("Use -force to replace it anyway.") ?? false)

    var older = sampleState("older")
    older.serial = 1
    XCTAssertThrowsError(try remote.replace(with: older)) { error in
      XCTAssertTrue(String(describing: error).contains("over newer state with serial 2"))
    }
    XCTAssertEqual(try remote.load().outputs["greeting"]?.value, .string("second"))
  }

  /// GitLab refuses a serial it already stores, so a forced replacement goes one above.
  func testForceReplacesWithTheNextSerialSoGitLabAcceptsIt() throws {
    let remote = try gitLab()
    _ = try remote.load()
    try remote.persist(sampleState("first"))
    try remote.persist(sampleState("second"))
    var unrelated = sampleState("forced", lineage: "0e0e0e0e-0000-4000-8000-000000000009")
    unrelated.serial = 1
    let stored = try remote.replace(with: unrelated, force: true)
    XCTAssertEqual(stored.serial, 3)
    let reread = try gitLab().load()
    XCTAssertEqual(reread.lineage, "0e0e0e0e-0000-4000-8000-000000000009")
    XCTAssertEqual(reread.serial, 3)
    XCTAssertEqual(reread.outputs["greeting"]?.value, .string("forced"))
  }

  func testAnUnknownBackendTypeIsNamed() {
    XCTAssertThrowsError(try BackendConfiguration.block(type: "s3", attributes: [:])) { error in
      XCTAssertTrue(String(describing: error).contains("gitform has no backend \"s3\""))
    }
  }
}
