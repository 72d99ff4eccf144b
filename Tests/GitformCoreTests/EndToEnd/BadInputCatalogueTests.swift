import Foundation
import XCTest

@testable import GitformCore

/// Every kind of bad input gets a clear message and exit code 1, and leaves the state file
/// byte for byte as it was. Each test starts from a directory with one applied variable.
final class BadInputCatalogueTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var gitform: GitformProcess!
  private var aliceID = 0
  private var stateBefore = Data()

  private let goodConfig = """
    resource "project_variable" "flag" {
      project = "team/app"
      key     = "FLAG"
      value   = "on"
    }

    """

  override func setUpWithError() throws {
    _ = try GitformProcess.executableURL()
    fixture = try EmulatorFixture()
    aliceID = try fixture.createUser("alice")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    gitform = try .inTemporaryDirectory("bad", against: fixture, now: "2026-06-01T12:00:00Z")
    try gitform.write("main.gf.hcl", goodConfig)
    let applied = try gitform.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.status, 0, applied.standardError)
    stateBefore = try Data(contentsOf: statePath)
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    gitform?.remove()
  }

  private var statePath: URL { gitform.directory.appendingPathComponent("gitform.tfstate") }

  /// Runs `arguments`, expects exit 1 with every `fragments` in standard error, and an
  /// unchanged state file.
  private func expectFailure(
    _ arguments: [String], _ fragments: [String], environment: [String: String] = [:],
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let saved = gitform.environment
    gitform.environment.merge(environment) { $1 }
    defer { gitform.environment = saved }
    let result = try gitform.run(arguments + ["-no-color"])
    XCTAssertEqual(result.status, 1, result.standardOutput, file: file, line: line)
    for fragment in fragments {
      XCTAssertTrue(result.standardError.contains(fragment), "missing \(fragment) in:\n\(result.standardError)", file: file, line: line)
    }
    XCTAssertFalse(result.standardError.contains("Fatal error"), file: file, line: line)
    XCTAssertEqual(try Data(contentsOf: statePath), stateBefore, "the state file changed", file: file, line: line)
  }

  func testMalformedConfiguration() throws {
    try gitform.write("main.gf.hcl", goodConfig + "resource \"user_token\" \"x\" {\n  name = \n}\n")
    try expectFailure(["plan"], ["Error: ", "main.gf.hcl line 7"])
  }

  func testUnknownAttributeSuggestsTheRightOne() throws {
    try gitform.write("main.gf.hcl", goodConfig.replacingOccurrences(of: "value   =", with: "valeu   ="))
    try expectFailure(["plan"], ["Error: Unsupported argument", "Did you mean \"value\"?", "Error: Missing required argument"])
  }

  func testDependencyCycleIsNamed() throws {
    try gitform.write(
      "main.gf.hcl",
      goodConfig + """
        locals {
          a = local.b
          b = local.a
        }

        """)
    try expectFailure(["plan"], ["Error: Cycle: local.a, local.b"])
  }

  func testBadModuleCallsAndAModuleSyntaxError() throws {
    try gitform.write("main.gf.hcl", goodConfig + "module \"remote\" {\n  source = \"git::https://example.com/tokens.git\"\n}\n")
    try expectFailure(["plan"], ["Error: Unsupported module source", "is not a local path"])
    try gitform.write("main.gf.hcl", goodConfig + "module \"gone\" {\n  source = \"./modules/gone\"\n}\n")
    try expectFailure(["apply", "-auto-approve"], ["Error: Unreadable module directory", "modules/gone, which does not exist"])
    for folder in ["modules/broken", "modules/self"] {
      try FileManager.default.createDirectory(at: gitform.directory.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try gitform.write("modules/broken/main.gf.hcl", "resource \"project_variable\" \"v\" {\n  key = \n}\n")
    try gitform.write("main.gf.hcl", goodConfig + "module \"broken\" {\n  source = \"./modules/broken\"\n}\n")
    try expectFailure(["plan"], ["Error: ", "modules/broken/main.gf.hcl line 2"])
    try gitform.write("modules/self/main.gf.hcl", "module \"again\" {\n  source = \"./\"\n}\n")
    try gitform.write("main.gf.hcl", goodConfig + "module \"self\" {\n  source = \"./modules/self\"\n}\n")
    try expectFailure(["validate"], ["Error: Recursive module call", "module.self.module.again calls \"./\""])
  }

  func testWrongTypeAndBadScope() throws {
    try gitform.write(
      "main.gf.hcl",
      goodConfig + """
        resource "user_token" "ci" {
          user_id = "alice"
          name    = "ci"
          scopes  = ["apii"]
        }

        """)
    try expectFailure(["plan"], ["Error: Incorrect attribute value type", "a number is required", "Did you mean \"api\"?"])
  }

  func testMalformedImportID() throws {
    try gitform.write(
      "main.gf.hcl",
      goodConfig + "resource \"user_token\" \"ci\" {\n  user_id = 2\n  name = \"ci\"\n  scopes = [\"api\"]\n}\n")
    try expectFailure(["import", "user_token.ci", "12-34"], ["Cannot import user_token.ci", "expected <user-id>:<token-id>"])
  }

  func testCorruptState() throws {
    try Data("{\"version\": 4, \"resources\": [".utf8).write(to: statePath)
    stateBefore = try Data(contentsOf: statePath)
    try expectFailure(["plan"], ["Error: "])
    try expectFailure(["apply", "-auto-approve"], ["Error: "])
  }

  func testNewerStateVersion() throws {
    try Data("{\"version\": 5, \"serial\": 1, \"lineage\": \"x\", \"resources\": []}\n".utf8).write(to: statePath)
    stateBefore = try Data(contentsOf: statePath)
    try expectFailure(["plan"], ["version 5"])
  }

  func testUnreachableGitLab() throws {
    try expectFailure(["plan"], ["Failed to refresh project_variable.flag"], environment: ["GITLAB_BASE_URL": "http://127.0.0.1:9"])
  }

  func testInvalidToken() throws {
    try expectFailure(["plan"], ["Failed to refresh project_variable.flag", "401"], environment: ["GITLAB_TOKEN": "glpat-not-a-real-token"])
  }

  func testNonAdministratorIsToldUpFront() throws {
    let made = try fixture.raw(
      .post, "/api/v4/users/\(aliceID)/personal_access_tokens", ["name": "mine", "scopes": ["api"], "expires_at": "2026-12-01"])
    let token = try XCTUnwrap(fixture.field(made, "token") as? String)
    try gitform.write(
      "main.gf.hcl",
      goodConfig + "resource \"user_token\" \"ci\" {\n  user_id = 1\n  name = \"ci\"\n  scopes = [\"api\"]\n}\n")
    try expectFailure(
      ["apply", "-auto-approve"], ["GitLab administrator required", "alice", "user_token.ci"],
      environment: ["GITLAB_TOKEN": token])
  }

  func testSecondConcurrentApplyIsRefused() throws {
    let holder = try StateLock.acquire(
      LockInfo(operation: LockInfo.apply, version: "test", path: "gitform.tfstate"), statePath: statePath.path)
    defer { try? holder.unlock() }
    try expectFailure(["apply", "-auto-approve"], ["Error acquiring the state lock", "Lock Info:", "ID:        \(holder.info.id)", "OperationTypeApply"])
  }

  func testUndeclaredVariableAndMissingConfiguration() throws {
    try expectFailure(["plan", "-var", "nope=1"], ["Value for undeclared variable"])
    try FileManager.default.removeItem(at: gitform.directory.appendingPathComponent("main.gf.hcl"))
    try expectFailure(["plan"], ["No configuration files"])
  }
}
