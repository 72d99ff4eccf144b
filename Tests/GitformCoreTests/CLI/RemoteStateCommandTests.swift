import XCTest

@testable import GitformCore

/// The engine commands on GitLab-managed state (`gitform { backend "gitlab" { ... } }`): plan
/// says where the state lives, apply writes it to GitLab (no local file), and every reader
/// (state, output, show) reads it from there.
final class RemoteStateCommandTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var projectID = 0

  static let configuration = """
    gitform {
      backend "gitlab" {
        project = "team/app"
        name    = "production"
      }
    }

    resource "user_token" "ci" {
      user_id    = 2
      name       = "ci"
      scopes     = ["api"]
      expires_at = "2026-12-01"
    }

    output "token_id" {
      value = user_token.ci.id
    }

    """

  override func setUpWithError() throws {
    scene = try InProcessCLI("remote-state")
    _ = try fixture.createUser("alice")
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    try scene.write(Self.configuration)
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private var statePath: String { "/api/v4/projects/\(projectID)/terraform/state/production" }

  func testPlanNamesTheStateAndApplyWritesItToGitLab() throws {
    let plan = scene.run(["plan"])
    XCTAssertEqual(plan.code, 0, plan.err)
    let port = try XCTUnwrap(fixture.emulator.baseURL.port)
    let location = "State: GitLab-managed state \"production\" of project team/app (http://127.0.0.1:\(port)/api/v4/projects/team%2Fapp/terraform/state/production)\n\ngitform used"
    XCTAssertTrue(plan.out.hasPrefix(location), plan.out)
    XCTAssertEqual(try fixture.raw(.get, statePath).status, 204, "plan stores nothing")

    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), applied.out)
    XCTAssertFalse(FileManager.default.fileExists(atPath: scene.directory.appendingPathComponent("gitform.tfstate").path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: scene.directory.appendingPathComponent("gitform.tfstate.journal").path))
    let stored = try fixture.raw(.get, statePath)
    XCTAssertEqual(stored.status, 200)
    let resources = try XCTUnwrap(fixture.field(stored, "resources") as? [[String: Any]])
    XCTAssertEqual(resources.map { $0["name"] as? String }, ["ci"])
    // The lock is released: a second apply takes it again and finds nothing to do.
    let again = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(again.code, 0, again.err)
    XCTAssertTrue(again.out.contains("No changes."), again.out)

    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.ci\n")
    XCTAssertEqual(scene.run(["output", "token_id"]).out, "\"2:2\"\n")
    let pulled = scene.run(["state", "pull"])
    XCTAssertEqual(pulled.code, 0, pulled.err)
    XCTAssertTrue(pulled.out.contains("\"lineage\""), pulled.out)
  }

  func testHeldLockIsRefusedNamingTheHolder() throws {
    let lock = try fixture.raw(
      .post, statePath + "/lock",
      ["ID": "0f1e2d3c-aaaa-bbbb-cccc-000000000001", "Operation": "OperationTypeApply", "Who": "bob@runner-7",
       "Version": "1.11.0", "Created": "2026-06-01T11:58:00Z", "Path": "", "Info": ""])
    XCTAssertEqual(lock.status, 200)
    let refused = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Error: Error acquiring the state lock"), refused.err)
    // GitLab keeps only the lock's ID and answers with the user who took it.
    XCTAssertTrue(refused.err.contains("is locked by root since 2026-06-01 12:00:00 +0000 UTC, operation not recorded\nby the server, lock ID 0f1e2d3c-aaaa-bbbb-cccc-000000000001."), refused.err)
    XCTAssertEqual(try fixture.requestCount("POST /api/v4/users/:user_id/personal_access_tokens"), 0)

    let unlocked = scene.run(["force-unlock", "-force", "0f1e2d3c-aaaa-bbbb-cccc-000000000001"])
    XCTAssertEqual(unlocked.code, 0, unlocked.err + unlocked.out)
    let applied = scene.run(["apply", "-auto-approve", "-lock-timeout=5s"])
    XCTAssertEqual(applied.code, 0, applied.err)
  }

  func testBackendBlockMustBeLiteralAndKnown() throws {
    try scene.write(Self.configuration.replacingOccurrences(of: "name    = \"production\"", with: "name    = var.state"))
    let variable = scene.run(["plan"])
    XCTAssertEqual(variable.code, 1)
    XCTAssertTrue(variable.err.contains("Error: Variables not allowed"), variable.err)

    try scene.write(Self.configuration.replacingOccurrences(of: "backend \"gitlab\"", with: "backend \"s3\""))
    let unknown = scene.run(["plan"])
    XCTAssertEqual(unknown.code, 1)
    XCTAssertTrue(unknown.err.contains("gitform has no backend \"s3\""), unknown.err)

    try scene.write(Self.configuration.replacingOccurrences(of: "name    = \"production\"", with: "nmae    = \"production\""))
    let misspelt = scene.run(["plan"])
    XCTAssertEqual(misspelt.code, 1)
    XCTAssertTrue(misspelt.err.contains("An argument named \"nmae\" is not expected in a backend \"gitlab\" block"), misspelt.err)

    try scene.write(Self.configuration.replacingOccurrences(of: "gitform {\n", with: "gitform {\n  backend \"http\" {\n    address = \"http://127.0.0.1:1/state\"\n  }\n"))
    let second = scene.run(["plan"])
    XCTAssertEqual(second.code, 1)
    XCTAssertTrue(second.err.contains("Error: Duplicate backend configuration"), second.err)
  }

  func testValidateChecksTheBackendBlock() throws {
    XCTAssertEqual(scene.run(["validate"]).code, 0)
    try scene.write(Self.configuration.replacingOccurrences(of: "backend \"gitlab\"", with: "backend \"gitlb\""))
    let type = scene.run(["validate"])
    XCTAssertEqual(type.code, 1)
    XCTAssertTrue(type.err.contains("Error: Unsupported backend type"), type.err)
    XCTAssertTrue(type.err.contains("Did you mean \"gitlab\"?"), type.err)
    try scene.write(Self.configuration.replacingOccurrences(of: "project = ", with: "projetc = "))
    let argument = scene.run(["validate"])
    XCTAssertEqual(argument.code, 1)
    XCTAssertTrue(argument.err.contains("An argument named \"projetc\" is not expected in a backend \"gitlab\" block. Did\nyou mean \"project\"?"), argument.err)
  }
}
