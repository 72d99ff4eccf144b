import XCTest

@testable import GitformCore

/// Importing tokens (issue 9, item 12): a revoked token is refused, with the reason, by
/// `gitform import` and by `import` blocks; an imported token's missing value is warned about
/// only when something reads it.
final class ImportedTokenTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var directory: URL { scene.directory }
  private var userID = 0

  override func setUpWithError() throws {
    scene = try InProcessCLI("imported")
    userID = try fixture.createUser("alice")
  }

  override func tearDownWithError() throws {
    scene?.finish()
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
    try scene.write(userToken())
    let imported = scene.run(["import", "user_token.adopted", "\(userID):\(tokenID)"])
    XCTAssertEqual(imported.code, 1, imported.out)
    XCTAssertTrue(imported.err.contains("Error: Cannot import user_token.adopted"), imported.err)
    XCTAssertTrue(flat(imported.err).contains(refusal), imported.err)
    XCTAssertEqual(scene.run(["state", "list"]).out, "")

    try scene.write(userToken("\nimport {\n  to = user_token.adopted\n  id = \"\(userID):\(tokenID)\"\n}\n"))
    let plan = scene.run(["plan"])
    XCTAssertEqual(plan.code, 1, plan.out)
    XCTAssertTrue(flat(plan.err).contains(refusal), plan.err)
  }

  func testAMissingValueIsWarnedAboutOnlyWhenSomethingReadsIt() throws {
    let tokenID = try madeToken()
    try scene.write(userToken())
    XCTAssertEqual(scene.run(["import", "user_token.adopted", "\(userID):\(tokenID)"]).code, 0)
    for _ in 0..<2 {
      let plan = scene.run(["plan", "-detailed-exitcode"])
      XCTAssertEqual(plan.code, 0, plan.err)
      XCTAssertFalse(plan.out.contains("Warning:"), plan.out)
    }
    try scene.write(userToken("\noutput \"value\" {\n  value     = user_token.adopted.token\n  sensitive = true\n}\n"))
    let read = scene.run(["plan"])
    XCTAssertEqual(read.code, 0, read.err)
    XCTAssertTrue(read.out.contains("Warning: user_token.adopted has no token value"), read.out)
    // Reading another attribute is no reason to warn.
    try scene.write(userToken("\noutput \"id\" {\n  value = user_token.adopted.token_id\n}\n"))
    XCTAssertFalse(scene.run(["plan"]).out.contains("has no token value"))
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
    try scene.write(source)
    XCTAssertEqual(scene.run(["import", "user_token.a", "\(userID):\(tokenID)"]).code, 0)
    let twice = scene.run(["import", "user_token.b", "\(userID):\(tokenID)"])
    XCTAssertEqual(twice.code, 1, twice.out)
    XCTAssertTrue(
      flat(twice.err).contains(
        "The user_token with id \"\(userID):\(tokenID)\" is already managed as user_token.a. One object managed at two addresses"),
      twice.err)
    // A variable by path, then by id: the same variable.
    XCTAssertEqual(scene.run(["import", "project_variable.a", "team/app:DEPLOY"]).code, 0)
    let byID = scene.run(["import", "project_variable.b", "\(projectID):DEPLOY"])
    XCTAssertEqual(byID.code, 1, byID.out)
    XCTAssertTrue(
      flat(byID.err).contains(
        "The variable DEPLOY (environment scope \"*\") of project \"\(projectID)\" is already managed as project_variable.a."),
      byID.err)
    XCTAssertEqual(scene.run(["state", "list"]).out, "project_variable.a\nuser_token.a\n")
  }
}
