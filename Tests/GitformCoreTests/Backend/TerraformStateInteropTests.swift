import Foundation
import XCTest

@testable import GitformCore

/// `terraform state pull` on the GitLab state gitform wrote, and gitform on a state Terraform
/// wrote — without running Terraform: the requests are Terraform 1.11.4's http backend's, byte
/// for byte as recorded from it (Basic `gitlab-ci-token:<job token>`, `Content-MD5`, LockInfo
/// JSON, `?ID=` while locked), and the checks are the fields Terraform's state v4 reader needs.
final class TerraformStateInteropTests: XCTestCase {
  private var scene: InProcessCLI!
  private var projectID = 0
  private var jobToken = ""
  private let transport = HTTPTransports.platform()

  /// The state Terraform 1.11.4 wrote for an outputs-only configuration, exactly.
  private let terraformState = """
    {
      "version": 4,
      "terraform_version": "1.11.4",
      "serial": 1,
      "lineage": "5557e4f6-fbe7-cf11-8164-6075e7bded99",
      "outputs": {
        "written_by": {
          "value": "terraform",
          "type": "string"
        }
      },
      "resources": [],
      "check_results": null
    }

    """
  /// Terraform's LockInfo for that apply, as it sent it to the lock and unlock addresses.
  private let terraformLock =
    #"{"ID":"dff3de4a-c723-249c-7e7b-75a7dac40e62","Operation":"OperationTypeApply","Info":"","#
    + #""Who":"root@vm","Version":"1.11.4","Created":"2026-12-07T05:44:25.368715003Z","Path":""}"#

  override func setUpWithError() throws {
    scene = try InProcessCLI("terraform-interop")
    projectID = try scene.fixture.createProject("app", inGroup: try scene.fixture.createGroup("team"))
    let job = try scene.fixture.raw(.post, "/-/emulator/job_tokens", ["project_id": projectID, "user_id": 1])
    jobToken = try XCTUnwrap(try scene.fixture.field(job, "token") as? String)
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  private func address(_ name: String) -> String {
    scene.fixture.emulator.baseURL.absoluteString + "/projects/\(projectID)/terraform/state/\(name)"
  }

  /// One request as Terraform's http backend sends it in a CI job (`TF_HTTP_USERNAME=
  /// gitlab-ci-token`, `TF_HTTP_PASSWORD=$CI_JOB_TOKEN`).
  private func terraform(_ method: String, _ url: String, body: String? = nil) throws -> GitLabResponse {
    var headers = ["User-Agent": "Go-http-client/1.1"]
    if let body {
      headers["Content-Type"] = "application/json"
      headers["Content-MD5"] = Base64.encode(MD5.hash(Array(body.utf8)))
    }
    return try transport.send(
      GitLabRequest(
        method: GitLabRequest.Method(rawValue: method), url: try XCTUnwrap(URL(string: url)),
        route: "terraform", headers: headers, body: body.map { Data($0.utf8) },
        basicCredentials: .init(username: "gitlab-ci-token", password: SecretValue(jobToken)),
        reusesConnection: false))
  }

  private func configuration(state: String, _ body: String) -> String {
    "gitform {\n  backend \"gitlab\" {\n    project = \"team/app\"\n    name    = \"\(state)\"\n  }\n}\n\n" + body
  }

  func testTerraformReadsTheStateGitformWrote() throws {
    try scene.write(
      configuration(
        state: "production",
        "resource \"project_variable\" \"greeting\" {\n  project = \"team/app\"\n  key     = \"GREETING\"\n  value   = \"hello-secret\"\n}\n\n"
          + "output \"greeting_key\" {\n  value = project_variable.greeting.key\n}\n"))
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.err)

    // `terraform state pull`: one GET with the job token as Basic auth.
    let pulled = try terraform("GET", address("production"))
    XCTAssertEqual(pulled.status, 200)
    if let md5 = pulled.header("Content-MD5") {
      XCTAssertEqual(md5, Base64.encode(MD5.hash(Array(pulled.body))))
    }
    XCTAssertEqual(String(decoding: pulled.body, as: UTF8.self), scene.run(["state", "pull"]).out)
    let state = try XCTUnwrap(try JSONSerialization.jsonObject(with: pulled.body) as? [String: Any])
    // statefile.readStateV4: these members, of these types; a terraform_version newer than
    // Terraform's own is refused, so gitform's version must read as an older one.
    XCTAssertEqual(
      Set(state.keys), ["version", "terraform_version", "serial", "lineage", "outputs", "resources", "check_results"])
    XCTAssertEqual(state["version"] as? Int, 4)
    let version = try XCTUnwrap(state["terraform_version"] as? String)
    let parts = version.split(separator: ".").compactMap { Int($0) }
    XCTAssertEqual(parts.count, 3, version)
    XCTAssertTrue(parts.lexicographicallyPrecedes([1, 11, 5]), "Terraform 1.11.4 would refuse \(version) as newer")
    // An apply uploads as it goes (a record before each create, then the result): serial ≥ 1.
    let serial = try XCTUnwrap(state["serial"] as? Int)
    XCTAssertGreaterThanOrEqual(serial, 1)
    let lineage = try XCTUnwrap(state["lineage"] as? String)
    XCTAssertNotNil(UUID(uuidString: lineage), lineage)
    let outputs = try XCTUnwrap(state["outputs"] as? [String: [String: Any]])
    XCTAssertEqual(outputs["greeting_key"]?["value"] as? String, "GREETING")
    XCTAssertEqual(outputs["greeting_key"]?["type"] as? String, "string")
    let resources = try XCTUnwrap(state["resources"] as? [[String: Any]])
    XCTAssertEqual(resources.count, 1)
    let resource = resources[0]
    XCTAssertEqual(resource["mode"] as? String, "managed")
    XCTAssertEqual(resource["type"] as? String, "project_variable")
    XCTAssertEqual(resource["name"] as? String, "greeting")
    XCTAssertEqual(resource["provider"] as? String, #"provider["gitform.dev/builtin/gitlab"]"#)
    let instance = try XCTUnwrap((resource["instances"] as? [[String: Any]])?.first)
    XCTAssertEqual(instance["schema_version"] as? Int, 0)
    let attributes = try XCTUnwrap(instance["attributes"] as? [String: Any])
    XCTAssertEqual(attributes["key"] as? String, "GREETING")
    if let sensitive = instance["sensitive_attributes"] { XCTAssertNotNil(sensitive as? [Any]) }

    // A later write keeps the lineage and raises the serial, as Terraform expects of a writer.
    try scene.write(
      configuration(
        state: "production",
        "resource \"project_variable\" \"greeting\" {\n  project = \"team/app\"\n  key     = \"GREETING\"\n  value   = \"hello-again\"\n}\n"))
    XCTAssertEqual(scene.run(["apply", "-auto-approve"]).code, 0)
    let next = try XCTUnwrap(try JSONSerialization.jsonObject(with: try terraform("GET", address("production")).body) as? [String: Any])
    XCTAssertEqual(next["lineage"] as? String, lineage)
    XCTAssertGreaterThan(try XCTUnwrap(next["serial"] as? Int), serial)
  }

  func testGitformReadsAndContinuesTheStateTerraformWrote() throws {
    // Terraform's apply of an outputs-only configuration, request by request.
    XCTAssertEqual(try terraform("GET", address("shared")).status, 404, "no state yet")
    XCTAssertEqual(try terraform("POST", address("shared") + "/lock", body: terraformLock).status, 200)
    XCTAssertEqual(
      try terraform("POST", address("shared") + "?ID=dff3de4a-c723-249c-7e7b-75a7dac40e62", body: terraformState).status, 200)

    // While Terraform holds the lock, gitform is refused, naming it.
    try scene.write(configuration(state: "shared", "output \"written_by\" {\n  value = \"terraform\"\n}\n"))
    let refused = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Error acquiring the state lock"), refused.err)
    XCTAssertTrue(refused.err.contains("lock ID dff3de4a-c723-249c-7e7b-75a7dac40e62"), refused.err)
    XCTAssertEqual(try terraform("DELETE", address("shared") + "/lock", body: terraformLock).status, 200)

    // gitform reads Terraform's bytes as they are, and its outputs.
    let pulled = scene.run(["state", "pull"])
    XCTAssertEqual(pulled.code, 0, pulled.err)
    XCTAssertEqual(pulled.out, terraformState)
    XCTAssertEqual(scene.run(["output", "written_by"]).out, "\"terraform\"\n")
    let plan = scene.run(["plan"])
    XCTAssertTrue(plan.out.contains("No changes."), plan.out + plan.err)

    // gitform writes on: same lineage, next serial, Terraform's output kept beside its own.
    try scene.write(
      configuration(
        state: "shared",
        "output \"written_by\" {\n  value = \"terraform\"\n}\n\noutput \"then_by\" {\n  value = \"gitform\"\n}\n"))
    let applied = scene.run(["apply", "-auto-approve"])
    XCTAssertEqual(applied.code, 0, applied.err)
    let stored = try terraform("GET", address("shared"))
    XCTAssertEqual(stored.status, 200)
    let state = try XCTUnwrap(try JSONSerialization.jsonObject(with: stored.body) as? [String: Any])
    XCTAssertEqual(state["lineage"] as? String, "5557e4f6-fbe7-cf11-8164-6075e7bded99")
    XCTAssertEqual(state["serial"] as? Int, 2)
    let outputs = try XCTUnwrap(state["outputs"] as? [String: [String: Any]])
    XCTAssertEqual(outputs["written_by"]?["value"] as? String, "terraform")
    XCTAssertEqual(outputs["then_by"]?["value"] as? String, "gitform")
  }
}
