import XCTest

@testable import GitformCore

/// Importing tokens (issue 9, item 12): a revoked token is refused, with the reason, by
/// `gitform import` and by `import` blocks; an imported token's missing value is warned about
/// only when something reads it.
final class ImportedTokenTests: XCTestCase {
  private var fixture: EmulatorFixture!
  private var directory: URL!
  private var environment: [String: String] = [:]
  private var userID = 0

  override func setUpWithError() throws {
    fixture = try EmulatorFixture()
    userID = try fixture.createUser("alice")
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("gitform-imported-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    environment = [
      "GITLAB_BASE_URL": fixture.emulator.baseURL.absoluteString, "GITLAB_TOKEN": EmulatorFixture.rootToken,
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
  }

  override func tearDownWithError() throws {
    fixture?.stop()
    if let directory { try? FileManager.default.removeItem(at: directory) }
  }

  private func write(_ source: String) throws {
    try source.write(to: directory.appendingPathComponent("main.gf.hcl"), atomically: true, encoding: .utf8)
  }

  private func run(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let output = CapturedOutput()
    let context = output.context(directory: directory.path, environment: environment)
    let code = CommandLineInterface().run(arguments + ["-no-color"], context: context)
    return (code, output.standardOutput, output.standardError)
  }

  private func flat(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  private func madeToken() throws -> Int {
    let made = try fixture.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens",
      ["name": "adopted", "scopes": ["api"], "expires_at": "2026-12-01"])
    return try XCTUnwrap(fixture.field(made, "id") as? Int)
  }

  private func userToken(_ extra: String = "") -> String {
    """
    resource "user_token" "adopted" {
      user_id    = \(userID)
      name       = "adopted"
      scopes     = ["api"]
      expires_at = "2026-12-01"
    }
    \(extra)
    """
  }

  func testARevokedTokenIsNotImported() throws {
    let tokenID = try madeToken()
    XCTAssertEqual(try fixture.raw(.delete, "/api/v4/personal_access_tokens/\(tokenID)").status, 204)
    let refusal = "The user_token \"\(userID):\(tokenID)\" is revoked in GitLab: it will never work again and cannot be rotated, so there is nothing to adopt. Remove the import and let gitform create the token, or import a token that is still active."
    try write(userToken())
    let imported = run(["import", "user_token.adopted", "\(userID):\(tokenID)"])
    XCTAssertEqual(imported.code, 1, imported.out)
    XCTAssertTrue(imported.err.contains("Error: Cannot import user_token.adopted"), imported.err)
    XCTAssertTrue(flat(imported.err).contains(refusal), imported.err)
    XCTAssertEqual(run(["state", "list"]).out, "")

    try write(userToken("\nimport {\n  to = user_token.adopted\n  id = \"\(userID):\(tokenID)\"\n}\n"))
    let plan = run(["plan"])
    XCTAssertEqual(plan.code, 1, plan.out)
    XCTAssertTrue(flat(plan.err).contains(refusal), plan.err)
  }

  func testAMissingValueIsWarnedAboutOnlyWhenSomethingReadsIt() throws {
    let tokenID = try madeToken()
    try write(userToken())
    XCTAssertEqual(run(["import", "user_token.adopted", "\(userID):\(tokenID)"]).code, 0)
    for _ in 0..<2 {
      let plan = run(["plan", "-detailed-exitcode"])
      XCTAssertEqual(plan.code, 0, plan.err)
      XCTAssertFalse(plan.out.contains("Warning:"), plan.out)
    }
    try write(userToken("\noutput \"value\" {\n  value     = user_token.adopted.token\n  sensitive = true\n}\n"))
    let read = run(["plan"])
    XCTAssertEqual(read.code, 0, read.err)
    XCTAssertTrue(read.out.contains("Warning: user_token.adopted has no token value"), read.out)
    // Reading another attribute is no reason to warn.
    try write(userToken("\noutput \"id\" {\n  value = user_token.adopted.token_id\n}\n"))
    XCTAssertFalse(run(["plan"]).out.contains("has no token value"))
  }

  func testOneObjectIsNotImportedAtASecondAddress() throws {
    let tokenID = try madeToken()
    let projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    XCTAssertEqual(
      try fixture.raw(.post, "/api/v4/projects/\(projectID)/variables", ["key": "DEPLOY", "value": "some-value"]).status, 201)
    var source = ""
    for name in ["a", "b"] {
      source += """
        resource "user_token" "\(name)" {
          user_id    = \(userID)
          name       = "adopted"
          scopes     = ["api"]
          expires_at = "2026-12-01"
        }

        resource "project_variable" "\(name)" {
          project = "team/app"
          key     = "DEPLOY"
          value   = "some-value"
        }

        """
    }
    try write(source)
    XCTAssertEqual(run(["import", "user_token.a", "\(userID):\(tokenID)"]).code, 0)
    let twice = run(["import", "user_token.b", "\(userID):\(tokenID)"])
    XCTAssertEqual(twice.code, 1, twice.out)
    XCTAssertTrue(
      flat(twice.err).contains(
        "The user_token with id \"\(userID):\(tokenID)\" is already managed as user_token.a. One object managed at two addresses"),
      twice.err)
    // A variable by path, then by id: the same variable.
    XCTAssertEqual(run(["import", "project_variable.a", "team/app:DEPLOY"]).code, 0)
    let byID = run(["import", "project_variable.b", "\(projectID):DEPLOY"])
    XCTAssertEqual(byID.code, 1, byID.out)
    XCTAssertTrue(
      flat(byID.err).contains(
        "The variable DEPLOY (environment scope \"*\") of project \"\(projectID)\" is already managed as project_variable.a."),
      byID.err)
    XCTAssertEqual(run(["state", "list"]).out, "project_variable.a\nuser_token.a\n")
  }
}
