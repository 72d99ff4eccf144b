import Foundation
import XCTest

@testable import GitformCore

/// Every directory of `examples/` plans cleanly against an emulator holding users `alice` and
/// `ci-bot`, projects `team/app` and `platform/deployer`, with the built binary: exit 2 (changes), nothing on
/// standard error. Examples can therefore never rot.
final class ExamplesTests: XCTestCase {
  func testEveryExamplePlans() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    XCTAssertTrue(names.contains("quickstart"))
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    _ = try fixture.createUser("alice")
    _ = try fixture.createUser("ci-bot")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    _ = try fixture.createProject("deployer", inGroup: try fixture.createGroup("platform"))
    for name in names {
      let source = root.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        continue
      }
      let files = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { $0.hasSuffix(".gf.hcl") }
      guard !files.isEmpty else { continue }
      // A day from which every example's fixed expiry is in the future and within GitLab's
      // 365-day maximum, both checked at plan time.
      let gitform = try GitformProcess.inTemporaryDirectory("example", against: fixture, now: "2026-09-01T12:00:00Z")
      defer { gitform.remove() }
      for file in files {
        try FileManager.default.copyItem(
          at: source.appendingPathComponent(file), to: gitform.directory.appendingPathComponent(file))
      }
      let validate = try gitform.run(["validate", "-no-color"])
      XCTAssertEqual(validate.status, 0, "\(name): \(validate.standardError)")
      let plan = try gitform.run(["plan", "-detailed-exitcode", "-no-color"])
      XCTAssertEqual(plan.status, 2, "\(name): \(plan.standardError)")
      XCTAssertEqual(plan.standardError, "", name)
      XCTAssertTrue(plan.standardOutput.contains("to add, 0 to change, 0 to destroy."), "\(name): \(plan.standardOutput)")
    }
  }
}
