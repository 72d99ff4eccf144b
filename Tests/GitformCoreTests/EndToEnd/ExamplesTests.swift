import Foundation
import XCTest

@testable import GitformCore

/// Every directory of `examples/` (with the modules in its sub-folders) plans cleanly against an emulator holding users `alice` and
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
      // The configuration files and the folders of the modules they call.
      for item in try FileManager.default.contentsOfDirectory(atPath: source.path)
      where item.hasSuffix(".gf.hcl") || ExamplesTests.isDirectory(source.appendingPathComponent(item)) {
        try FileManager.default.copyItem(
          at: source.appendingPathComponent(item), to: gitform.directory.appendingPathComponent(item))
      }
      let validate = try gitform.run(["validate", "-no-color"])
      XCTAssertEqual(validate.status, 0, "\(name): \(validate.standardError)")
      let plan = try gitform.run(["plan", "-detailed-exitcode", "-no-color"])
      XCTAssertEqual(plan.status, 2, "\(name): \(plan.standardError)")
      XCTAssertEqual(plan.standardError, "", name)
      XCTAssertTrue(plan.standardOutput.contains("to add, 0 to change, 0 to destroy."), "\(name): \(plan.standardOutput)")
    }
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  func testTheModuleExamplePlansEveryProjectsPair() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples/module-per-project")
    let fixture = try EmulatorFixture()
    defer { fixture.stop() }
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    _ = try fixture.createProject("deployer", inGroup: try fixture.createGroup("platform"))
    let gitform = try GitformProcess.inTemporaryDirectory("module-example", against: fixture, now: "2026-09-01T12:00:00Z")
    defer { gitform.remove() }
    for item in ["main.gf.hcl", "modules"] {
      try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: gitform.directory.appendingPathComponent(item))
    }
    let plan = try gitform.run(["plan", "-no-color"])
    XCTAssertEqual(plan.status, 0, plan.standardError)
    let headers = plan.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  # ") }
    XCTAssertEqual(
      headers,
      [
        #"  # module.project["app"].project_token.deploy will be created"#,
        #"  # module.project["app"].project_variable.deploy_token will be created"#,
        #"  # module.project["deployer"].project_token.deploy will be created"#,
        #"  # module.project["deployer"].project_variable.deploy_token will be created"#,
      ], plan.standardOutput)
    XCTAssertTrue(plan.standardOutput.contains("      + access_level = \"maintainer\"\n"), "deployer's optional() setting")
  }
}
