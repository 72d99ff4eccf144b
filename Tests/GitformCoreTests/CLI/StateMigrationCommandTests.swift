import XCTest

@testable import GitformCore

/// Moving a state between the local file and GitLab-managed state: `init -migrate-state`
/// both ways, `state push` refusing another lineage without `-force`, and a CI job that reaches
/// the state with nothing but its job token.
final class StateMigrationCommandTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }
  private var projectID = 0

  static let resources = """
    resource "user_token" "ci" {
      user_id    = 2
      name       = "ci"
      scopes     = ["api"]
      expires_at = "2026-12-01"
    }

    """
  static let backend = """
    gitform {
      backend "gitlab" {
        project = "team/app"
        name    = "production"
      }
    }

    """

  override func setUpWithError() throws {
    scene = try InProcessCLI("migration")
    _ = try fixture.createUser("alice")
    projectID = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
    try scene.write(Self.resources)
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private var localPath: String { scene.directory.appendingPathComponent("gitform.tfstate").path }
  private var statePath: String { "/api/v4/projects/\(projectID)/terraform/state/production" }

  private func localState() throws -> State {
    let bytes = try XCTUnwrap(FileManager.default.contents(atPath: localPath))
    return try StateFile.decode(Array(bytes), path: localPath, readerVersion: CommandLineInterface.version)
  }

  private func remoteState() throws -> State {
    let backend = try BackendConfiguration.gitLab(attributes: ["project": "team/app", "name": "production"])
      .makeBackend(providerToken: SecretValue(EmulatorFixture.rootToken), environment: scene.environment, writerVersion: "test")
    let bytes = try XCTUnwrap(try backend.pull())
    return try StateFile.decode(bytes, path: "remote", readerVersion: CommandLineInterface.version)
  }

  func testLocalToGitLabAndBack() throws {
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let local = try localState()
    XCTAssertEqual(scene.run(["init"]).code, 0)

    try scene.write(Self.backend + Self.resources)
    let up = scene.run(["init", "-migrate-state"])
    XCTAssertEqual(up.code, 0, up.err)
    XCTAssertTrue(up.out.contains("Copied the state from \(localPath) to GitLab-managed state \"production\" of project team/app"), up.out)
    let remote = try remoteState()
    XCTAssertEqual(remote.lineage, local.lineage)
    XCTAssertEqual(remote.serial, local.serial)
    XCTAssertEqual(StateFile.encode(remote), StateFile.encode(local))
    // The apply job finds the state in GitLab: nothing to do, with no local file at all.
    try FileManager.default.removeItem(atPath: localPath)
    let plan = scene.run(["plan", "-detailed-exitcode"])
    XCTAssertEqual(plan.code, 0, plan.out + plan.err)
    XCTAssertTrue(plan.out.contains("No changes."), plan.out)
    XCTAssertFalse(FileManager.default.fileExists(atPath: localPath))

    try scene.write(Self.resources)
    let down = scene.run(["init", "-migrate-state"])
    XCTAssertEqual(down.code, 0, down.err)
    XCTAssertEqual(StateFile.encode(try localState()), StateFile.encode(remote))
    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.ci\n")
  }

  func testPushRefusesAnotherLineageWithoutForce() throws {
    try scene.write(Self.backend + Self.resources)
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let stored = try remoteState()
    var other = State(terraformVersion: CommandLineInterface.version)
    other.serial = 40
    try Data(StateFile.encodeBytes(other)).write(to: scene.directory.appendingPathComponent("other.tfstate"))

    let refused = scene.run(["state", "push", "other.tfstate"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Use -force to replace it anyway."), refused.err)
    XCTAssertEqual(StateFile.encode(try remoteState()), StateFile.encode(stored))

    let forced = scene.run(["state", "push", "-force", "other.tfstate"])
    XCTAssertEqual(forced.code, 0, forced.err)
    XCTAssertEqual(try remoteState().lineage, other.lineage)
    XCTAssertEqual(scene.run(["state", "list"]).out, "")
  }

  func testJobTokenReachesTheStateAlone() throws {
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    try scene.write(Self.backend + Self.resources)
    let job = try fixture.raw(.post, "/-/emulator/job_tokens", ["project_id": projectID, "user_id": 1])
    let jobToken = try XCTUnwrap(fixture.field(job, "token") as? String)
    let base = scene.environment["GITLAB_BASE_URL"] ?? ""
    scene.environment = [
      "CI_JOB_TOKEN": jobToken, "CI_API_V4_URL": base, "CI_PROJECT_ID": "\(projectID)",
      "GITFORM_NOW": "2026-06-01T12:00:00Z",
    ]
    let migrated = scene.run(["init", "-migrate-state"])
    XCTAssertEqual(migrated.code, 0, migrated.err)
    XCTAssertEqual(try fixture.raw(.get, statePath).status, 200)
    try FileManager.default.removeItem(atPath: localPath)
    XCTAssertEqual(scene.run(["state", "list"]).out, "user_token.ci\n")
    XCTAssertEqual(scene.run(["output"]).code, 0)
    for text in [migrated.out, migrated.err] { XCTAssertFalse(text.contains(jobToken)) }

    // Once the job has finished its token is refused, and gitform says so without the token.
    XCTAssertEqual(try fixture.raw(.delete, "/-/emulator/job_tokens/\(jobToken)").status / 100, 2)
    let refused = scene.run(["state", "list"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertFalse(refused.err.contains(jobToken))
    XCTAssertTrue(refused.err.contains("401"), refused.err)
  }
}
