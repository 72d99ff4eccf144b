import XCTest

@testable import GitLabEmulator

/// `-data FILE`: a restarted emulator keeps its data; a corrupt file is a clear error.
final class DataFileTests: APITestCase {
  var directory = ""

  override func makeConfiguration() -> EmulatorConfiguration {
    directory = NSTemporaryDirectory() + "gitlab-emulator-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var configuration = super.makeConfiguration()
    configuration.dataFile = directory + "/data.json"
    return configuration
  }

  override func tearDown() {
    super.tearDown()
    try? FileManager.default.removeItem(atPath: directory)
  }

  func testRestartKeepsUsersTokensVariablesAndStates() throws {
    let alice = userWithToken("alice")
    let project = createProject("app")
    expect(send("POST", "/api/v4/projects/\(project)/variables", json: #"{"key":"K","value":"v"}"#), 201)
    expect(send("POST", "/api/v4/projects/\(project)/terraform/state/prod", json: #"{"serial":3}"#), 200)
    expect(send("POST", "/api/v4/projects/\(project)/access_tokens", json: #"{"name":"bot","scopes":["api"]}"#), 201)
    let personal = createProject("own", token: alice.token)
    let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/data.json")
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    emulator.stop()
    session.invalidateAndCancel()
    try startEmulator(makeConfigurationKeepingDirectory())
    XCTAssertEqual(send("GET", "/api/v4/user", token: alice.token).json?["username"], .string("alice"))
    XCTAssertEqual(send("GET", "/api/v4/projects/\(project)/variables/K").json?["value"], .string("v"))
    expect(send("GET", "/api/v4/projects/\(project)/terraform/state/prod"), 200, #"{"serial":3}"#)
    // The lookup indexes are rebuilt from the file.
    XCTAssertEqual(send("GET", "/api/v4/projects/\(project)/access_tokens").json?.arrayValue?.count, 1)
    XCTAssertEqual(send("GET", "/api/v4/projects/alice%2Fown").json?["id"]?.intValue, personal)
    XCTAssertEqual(send("GET", "/api/v4/personal_access_tokens?user_id=\(alice.id)").json?.arrayValue?.count, 1)
    expect(send("POST", "/api/v4/users",
      json: #"{"username":"ALICE","name":"A","email":"a2@example.com","password":"secret-password"}"#), 409)
    let bob = createUser("bob")
    XCTAssertEqual(bob, alice.id + 2, "id sequences continue (the bot took one)")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
    XCTAssertEqual(leftovers, ["data.json"], "no temporary files left behind")
  }

  func testRestartKeepsKeysEmailsRedirectsJobsAndNotes() throws {
    let alice = userWithToken("alice")
    expect(send("POST", "/api/v4/user/keys", token: alice.token,
      json: #"{"title":"t","key":"\#(SSHPublicKeyTests.ed25519)"}"#), 201)
    expect(send("POST", "/api/v4/user/emails", token: alice.token, json: #"{"email":"alt@example.com"}"#), 201)
    let project = createProject("app")
    expect(send("PUT", "/api/v4/projects/\(project)", json: #"{"path":"svc"}"#), 200)
    expect(send("POST", "/api/v4/projects/\(project)/merge_requests",
      json: #"{"title":"t","source_branch":"s","target_branch":"main"}"#), 201)
    expect(send("POST", "/api/v4/projects/\(project)/merge_requests/1/notes", json: #"{"body":"b"}"#), 201)
    let job = send("POST", "/-/emulator/job_tokens", json: #"{"project_id":\#(project),"user_id":1}"#)
      .json?["token"]?.stringValue ?? ""
    expect(send("PUT", "/api/v4/application/settings", json: #"{"rsa_key_restriction":4096}"#), 200)
    emulator.stop()
    session.invalidateAndCancel()
    try startEmulator(makeConfigurationKeepingDirectory())
    XCTAssertEqual(send("GET", "/api/v4/user/keys", token: alice.token).json?.arrayValue?.count, 1)
    XCTAssertEqual(send("GET", "/api/v4/user/emails", token: alice.token).json?.arrayValue?.count, 2)
    expect(send("DELETE", "/api/v4/projects/root%2Fapp/variables/K"), 405)
    XCTAssertEqual(send("GET", "/api/v4/projects/\(project)/merge_requests/1/notes").json?.arrayValue?.count, 1)
    expect(send("GET", "/api/v4/projects/\(project)/merge_requests", token: nil, headers: ["JOB-TOKEN": job]), 200)
    XCTAssertEqual(send("GET", "/api/v4/application/settings").json?["rsa_key_restriction"], .int(4096))
    // A new object takes the next id, not one in use.
    let key = send("POST", "/api/v4/user/keys", token: alice.token,
      json: #"{"title":"t2","key":"\#(SSHPublicKeyTests.ecdsa384)"}"#)
    XCTAssertEqual(key.status, 201, key.text)
    XCTAssertEqual(send("GET", "/api/v4/user/keys", token: alice.token).json?.arrayValue?.count, 2)
  }

  private func makeConfigurationKeepingDirectory() -> EmulatorConfiguration {
    var configuration = EmulatorConfiguration()
    configuration.now = Timestamp.parse("2026-11-24T08:00:00Z")
    configuration.dataFile = directory + "/data.json"
    return configuration
  }

  /// The old temporary name was predictable (`<file>.tmp-<pid>`) and opened without O_EXCL
  /// or O_NOFOLLOW: a symlink planted there made every save write through it.
  func testASymlinkPlantedAtTheTemporaryNameIsNeverWrittenThrough() throws {
    let victim = directory + "/victim"
    try Data("untouched".utf8).write(to: URL(fileURLWithPath: victim))
    let planted = directory + "/data.json.tmp-\(getpid())"
    try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
    createUser("mallory")
    XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "untouched")
    let type = try FileManager.default.attributesOfItem(atPath: directory + "/data.json")[.type]
    XCTAssertEqual(type as? FileAttributeType, .typeRegular)
    XCTAssertTrue(try String(contentsOfFile: directory + "/data.json", encoding: .utf8).contains("mallory"))
  }

  func testCorruptFileIsAClearError() throws {
    let path = directory + "/corrupt.json"
    try Data("{not json".utf8).write(to: URL(fileURLWithPath: path))
    var configuration = EmulatorConfiguration()
    configuration.dataFile = path
    XCTAssertThrowsError(try GitLabAPI(configuration: configuration)) { error in
      XCTAssertEqual("\(error)",
        "data file \(path) is not a gitlab-emulator data file (corrupt JSON): move it away or delete it to start empty")
    }
  }
}
