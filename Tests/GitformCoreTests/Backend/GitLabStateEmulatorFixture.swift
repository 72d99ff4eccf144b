import Foundation
import XCTest

@testable import GitformCore

/// GitLab-managed state on the in-process emulator: a project `team/app`, and users with the
/// roles the state routes care about, each with a personal access token.
final class GitLabStateEmulatorFixture {
  let gitLab: EmulatorFixture
  let projectID: Int
  /// Tokens, never printed; tests search error texts for them.
  private(set) var tokens: [String: String] = ["root": EmulatorFixture.rootToken]

  init() throws {
    gitLab = try EmulatorFixture()
    let group = try gitLab.createGroup("team")
    projectID = try gitLab.createProject("app", inGroup: group)
  }

  func stop() { gitLab.stop() }

  /// A user with `accessLevel` on the project (30 Developer, 40 Maintainer) and a token with
  /// `scopes`; returns the token.
  @discardableResult
  func member(_ username: String, accessLevel: Int, scopes: [String] = ["api"]) throws -> String {
    let userID = try gitLab.createUser(username)
    let added = try gitLab.raw(
      .post, "/api/v4/projects/\(projectID)/members",
      ["user_id": userID, "access_level": accessLevel])
    XCTAssertEqual(added.status, 201)
    let created = try gitLab.raw(
      .post, "/api/v4/users/\(userID)/personal_access_tokens",
      ["name": "state", "scopes": scopes, "expires_at": "2027-01-01"])
    XCTAssertEqual(created.status, 201)
    let token = try XCTUnwrap(gitLab.field(created, "token") as? String)
    tokens[username] = token
    return token
  }

  /// A backend for `project`/`name` authenticating with `token`, retrying without waiting.
  func backend(
    token: String = EmulatorFixture.rootToken, project: String = "team/app",
    name: String = "production"
  ) throws -> HTTPStateBackend {
    let settings = try GitLabStateSettings.resolve(
      attributes: ["project": project, "name": name, "retry_wait_min": "0", "retry_wait_max": "0"],
      providerBaseURL: gitLab.emulator.baseURL.absoluteString, providerToken: SecretValue(token),
      environment: [:])
    return try HTTPStateBackend(settings: settings, writerVersion: "0.9.0-test")
  }

  /// The raw status of `GET` on the state, read as root through the emulator's own route.
  func stateStatus(name: String = "production") throws -> Int {
    try gitLab.raw(.get, "/api/v4/projects/\(projectID)/terraform/state/\(name)").status
  }

  /// Fails when `text` contains any token of this fixture.
  func assertNoSecret(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    for (owner, token) in tokens where text.contains(token) {
      XCTFail("\(owner)'s token appears in: \(text)", file: file, line: line)
    }
  }

  /// The `BackendError` `body` throws, failing the test if it throws something else or nothing;
  /// its text is checked for secrets.
  func backendError(
    _ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line
  ) -> BackendError? {
    do {
      try body()
      XCTFail("expected a BackendError", file: file, line: line)
    } catch let error as BackendError {
      assertNoSecret(error.description, file: file, line: line)
      return error
    } catch {
      XCTFail("expected a BackendError, got \(error)", file: file, line: line)
    }
    return nil
  }
}

/// A small state with one output, as the engine would hand it to `persist`.
func sampleState(_ value: String, lineage: String = "5f0b3a8e-0000-4000-8000-000000000001") -> State
{
  State(
    terraformVersion: "0.9.0-test", lineage: lineage,
    outputs: [
      "greeting": OutputState(value: .string(value), type: .string("string"), sensitive: false)
    ])
}
