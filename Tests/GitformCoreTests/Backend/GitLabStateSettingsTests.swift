import XCTest

@testable import GitformCore

/// The `backend "gitlab"` preset: GitLab's documented http settings, the provider's URL and
/// token, and the CI job token and CI variables as defaults.
final class GitLabStateSettingsTests: XCTestCase {
  private func resolve(
    _ attributes: [String: String], baseURL: String? = nil, token: String? = nil,
    _ environment: [String: String] = [:]
  ) throws -> HTTPBackendSettings {
    try GitLabStateSettings.resolve(
      attributes: attributes, providerBaseURL: baseURL, providerToken: token.map(SecretValue.init),
      environment: environment)
  }

  func testPresetWithAPathAndTheProvidersToken() throws {
    let settings = try resolve(
      ["project": "group/sub/app", "name": "production"], baseURL: "https://gitlab.example.com/",
      token: "glpat-provider-token")
    let address =
      "https://gitlab.example.com/api/v4/projects/group%2Fsub%2Fapp/terraform/state/production"
    XCTAssertEqual(settings.address.absoluteString, address)
    XCTAssertEqual(settings.lockAddress?.absoluteString, address + "/lock")
    XCTAssertEqual(settings.unlockAddress?.absoluteString, address + "/lock")
    XCTAssertEqual(settings.updateMethod, "POST")
    XCTAssertEqual(settings.lockMethod, "POST")
    XCTAssertEqual(settings.unlockMethod, "DELETE")
    XCTAssertEqual(settings.username, "gitform")
    XCTAssertEqual(settings.password.reveal(), "glpat-provider-token")
    XCTAssertEqual([settings.retryMax, settings.retryWaitMin, settings.retryWaitMax], [2, 5, 30])
    XCTAssertEqual(
      settings.server, .gitLab(project: "group/sub/app", name: "production", jobToken: false))
  }

  func testNamesAreURLEncodedAndDefaultToDefault() throws {
    let named = try resolve(["project": "42", "name": "eu/prod.v2"], token: "glpat-x")
    XCTAssertTrue(
      named.address.absoluteString.hasSuffix("/projects/42/terraform/state/eu%2Fprod%2Ev2"))
    let unnamed = try resolve(["project": "42"], token: "glpat-x")
    XCTAssertTrue(unnamed.address.absoluteString.hasSuffix("/projects/42/terraform/state/default"))
    XCTAssertTrue(unnamed.address.absoluteString.hasPrefix("https://gitlab.com/api/v4/"))
  }

  func testInCIWithoutGitLabTokenTheJobTokenAndCIVariablesAreUsed() throws {
    let ci = [
      "CI_JOB_TOKEN": "glcbt-64_job-token-value",
      "CI_API_V4_URL": "https://gitlab.ci.example/api/v4",
      "CI_PROJECT_ID": "1234",
    ]
    let settings = try resolve([:], ci)
    XCTAssertEqual(
      settings.address.absoluteString,
      "https://gitlab.ci.example/api/v4/projects/1234/terraform/state/default")
    XCTAssertEqual(settings.username, "gitlab-ci-token")
    XCTAssertEqual(settings.password.reveal(), "glcbt-64_job-token-value")
    XCTAssertEqual(settings.server, .gitLab(project: "1234", name: "default", jobToken: true))
  }

  func testATokenWinsOverTheJobTokenAndTheBlockOverCIVariables() throws {
    var environment = [
      "CI_JOB_TOKEN": "glcbt-64_job-token-value", "CI_API_V4_URL": "https://ci.example/api/v4",
      "CI_PROJECT_ID": "1234", "GITLAB_TOKEN": "glpat-env-token",
      "GITLAB_BASE_URL": "https://env.example",
    ]
    var settings = try resolve(["project": "team/app", "name": "prod"], environment)
    XCTAssertEqual(settings.username, "gitform")
    XCTAssertEqual(settings.password.reveal(), "glpat-env-token")
    XCTAssertEqual(
      settings.address.absoluteString,
      "https://env.example/api/v4/projects/team%2Fapp/terraform/state/prod")
    settings = try resolve(
      ["project": "team/app"], baseURL: "https://provider.example", token: "glpat-provider",
      environment)
    XCTAssertEqual(settings.password.reveal(), "glpat-provider")
    XCTAssertTrue(settings.address.absoluteString.hasPrefix("https://provider.example/api/v4/"))
    environment["GITLAB_TOKEN"] = ""
    settings = try resolve(["project": "team/app"], environment)
    XCTAssertEqual(settings.username, "gitlab-ci-token")
  }

  func testMissingProjectOrCredentialsAreExplained() {
    XCTAssertThrowsError(try resolve([:], token: "glpat-x")) { error in
      XCTAssertTrue(String(describing: error).contains("needs a project"))
    }
    XCTAssertThrowsError(try resolve(["project": "team/app"])) { error in
      let text = String(describing: error)
      XCTAssertTrue(text.contains("has no credentials"), text)
      XCTAssertTrue(text.contains("Maintainer role on team/app"), text)
    }
    XCTAssertThrowsError(try resolve(["project": "a/b", "address": "x"], token: "glpat-x")) {
      error in
      XCTAssertTrue(String(describing: error).contains("\"address\" is not expected"))
    }
  }
}
