import Foundation
import XCTest

@testable import GitformCore

/// The client follows GitLab's redirect of a moved project for reads only, only within the API
/// base URL (the token never goes to another scheme, host or port), a bounded number of times,
/// and reaches the project by id afterwards; a write refused with 405 because the project moved
/// is sent once more by id.
final class GitLabClientRedirectTests: XCTestCase {
  private let project = #"{"id":7,"name":"app2","path":"app2","path_with_namespace":"team/app2"}"#
  private let variable = #"{"key":"K","value":"v","variable_type":"env_var","protected":false,"masked":false,"raw":false,"environment_scope":"*"}"#

  private func moved(_ location: String, status: Int = 301) -> FakeTransport.Step {
    .respond(GitLabResponse(status: status, headers: ["Location": location], body: Data("moved".utf8)))
  }

  func testAReadIsFollowedWithinTheBaseURLAndTheProjectIsThenReachedByID() throws {
    let transport = FakeTransport([
      moved("https://gitlab.example.com/api/v4/projects/7/variables/K"),
      FakeTransport.json(200, variable),
      FakeTransport.json(200, variable),
    ])
    let client = try makeClient(transport)
    XCTAssertEqual(try client.projectVariable(project: .path("team/app"), key: "K").key, "K")
    XCTAssertEqual(client.moved.id(of: "team/app", isGroup: false), 7)
    XCTAssertEqual(try client.projectVariable(project: .path("team/app"), key: "K").key, "K")
    XCTAssertEqual(
      transport.requests.map(\.url.absoluteString),
      [
        "https://gitlab.example.com/api/v4/projects/team%2Fapp/variables/K",
        "https://gitlab.example.com/api/v4/projects/7/variables/K",
        "https://gitlab.example.com/api/v4/projects/7/variables/K",
      ])
    XCTAssertEqual(transport.requests.map { $0.token?.reveal() }, Array(repeating: testToken, count: 3))
  }

  func testARedirectElsewhereIsNeverFollowed() throws {
    for location in [
      "https://evil.example.com/api/v4/projects/7", "http://gitlab.example.com/api/v4/projects/7",
      "https://gitlab.example.com:8443/api/v4/projects/7", "https://gitlab.example.com/other/projects/7",
      "//evil.example.com/api/v4/projects/7",
    ] {
      let transport = FakeTransport([moved(location)])
      let failure = gitLabError { try makeClient(transport).project(.path("team/app")) }
      XCTAssertEqual(failure?.code, .unexpectedStatus, location)
      XCTAssertEqual(transport.requests.count, 1, "\(location) was not followed")
      XCTAssertFalse(failure?.message.contains(testToken) ?? true)
    }
  }

  func testRedirectsAreFollowedAFewTimesAtMost() throws {
    let loop = "https://gitlab.example.com/api/v4/projects/team%2Fapp"
    let transport = FakeTransport(Array(repeating: moved(loop, status: 302), count: 4))
    let failure = gitLabError { try makeClient(transport).project(.path("team/app")) }
    XCTAssertEqual(failure?.code, .unexpectedStatus)
    XCTAssertEqual(transport.requests.count, 1 + GitLabClient.maximumRedirects)
  }

  func testAWriteRefusedBecauseTheProjectMovedIsSentAgainByID() throws {
    let transport = FakeTransport([
      FakeTransport.json(405, #"{"message":"Non GET methods are not allowed for moved projects"}"#),
      moved("https://gitlab.example.com/api/v4/projects/7"),
      FakeTransport.json(200, project),
      FakeTransport.json(200, variable),
    ])
    let client = try makeClient(transport)
    _ = try client.updateProjectVariable(project: .path("team/app"), key: "K", VariableSettings(value: SecretValue("v")))
    XCTAssertEqual(
      transport.requests.map { "\($0.method.rawValue) \($0.url.absoluteString)" },
      [
        "PUT https://gitlab.example.com/api/v4/projects/team%2Fapp/variables/K",
        "GET https://gitlab.example.com/api/v4/projects/team%2Fapp",
        "GET https://gitlab.example.com/api/v4/projects/7",
        "PUT https://gitlab.example.com/api/v4/projects/7/variables/K",
      ])
  }

  func testAWriteIsNeverRedirected() throws {
    let transport = FakeTransport([moved("https://gitlab.example.com/api/v4/projects/7/variables/K")])
    let failure = gitLabError {
      try makeClient(transport).updateProjectVariable(project: .path("team/app"), key: "K", VariableSettings(value: SecretValue("v")))
    }
    XCTAssertEqual(failure?.code, .unexpectedStatus)
    XCTAssertEqual(transport.requests.count, 1)
  }
}
