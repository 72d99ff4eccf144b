import XCTest

@testable import GitformCore

/// The provider block's connection settings: plain HTTP, timeouts, retries, what is echoed.
final class GitLabSettingsTests: XCTestCase {
  private func connect(_ settings: GitLabSettings, _ environment: [String: String] = [:]) throws
    -> GitLabConnection
  {
    try settings.connection(
      environment: ["GITLAB_TOKEN": "glpat-settings-token"].merging(environment) { $1 },
      clientVersion: "1")
  }

  func testPlainHTTPToAnotherMachineIsRefusedSayingWhy() {
    for url in [
      "http://gitlab.example.com", "http://10.0.0.7:8080/api/v4", "http://127.example.com",
      "http://localhost.example.com", "http://[::2]:80", "http://[fe80::1]",
    ] {
      let error = gitLabError { try self.connect(GitLabSettings(baseURL: url)) }
      XCTAssertEqual(error?.code, .invalidConfiguration, url)
      let message = error?.message ?? ""
      XCTAssertTrue(message.hasPrefix("refusing to send the GitLab token over plain HTTP to "), message)
      XCTAssertTrue(message.contains("would travel in clear text"), message)
      XCTAssertTrue(message.contains("set insecure_http = true in the provider \"gitlab\" block"), message)
      XCTAssertFalse(message.contains("glpat-settings-token"), message)
    }
    // The environment's URL is held to the same rule.
    let fromEnvironment = gitLabError {
      try self.connect(GitLabSettings(), ["GITLAB_BASE_URL": "http://gitlab.internal"])
    }
    XCTAssertEqual(fromEnvironment?.code, .invalidConfiguration)
  }

  func testPlainHTTPIsAllowedToLoopbackOrWhenTheUserOptsIn() throws {
    for url in [
      "http://127.0.0.1:8080", "http://127.3.4.5", "http://localhost:3000", "http://LOCALHOST",
      "http://[::1]:8080", "http://[::ffff:127.0.0.1]",
    ] {
      XCTAssertNoThrow(try connect(GitLabSettings(baseURL: url)), url)
    }
    let optedIn = try connect(GitLabSettings(baseURL: "http://gitlab.internal", insecureHTTP: true))
    XCTAssertEqual(optedIn.apiBaseURL.absoluteString, "http://gitlab.internal/api/v4")
    XCTAssertTrue(optedIn.allowsPlainHTTP)
    XCTAssertNoThrow(try connect(GitLabSettings(baseURL: "https://gitlab.example.com")))
  }

  func testAQueryOrCredentialsInTheBaseURLAreNeverEchoed() {
    for url in [
      "https://gitlab.example.com/api/v4?private_token=glpat-in-query",
      "https://gitlab.example.com/#glpat-in-query", "gitlab.example.com/?private_token=glpat-in-query",
      "https://root:glpat-in-query@gitlab example.com", "ftp://root:glpat-in-query@gitlab.example.com",
    ] {
      let error = gitLabError { try self.connect(GitLabSettings(baseURL: url)) }
      XCTAssertEqual(error?.code, .invalidConfiguration, url)
      XCTAssertFalse(error?.message.contains("glpat-in-query") ?? true, error?.message ?? url)
    }
    XCTAssertEqual(
      GitLabConnection.echoable("https://u:p@host.example/x?token=1#f"), "https://host.example/x")
  }

  func testTimeoutAndRetriesComeFromTheBlockThenTheEnvironmentThenTheDefaults() throws {
    let environment = ["GITFORM_REQUEST_TIMEOUT": "12.5", "GITFORM_RETRIES": "4"]
    let block = GitLabSettings(baseURL: "https://gitlab.example.com", requestTimeout: 5, retries: 0)
    XCTAssertEqual(try connect(block, environment).requestTimeout, 5)
    XCTAssertEqual(try block.retryPolicy(environment: environment).maximumAttempts, 1)

    let unset = GitLabSettings(baseURL: "https://gitlab.example.com")
    XCTAssertEqual(try connect(unset, environment).requestTimeout, 12.5)
    XCTAssertEqual(try unset.retryPolicy(environment: environment).maximumAttempts, 5)

    XCTAssertEqual(try connect(unset).requestTimeout, 30)
    XCTAssertEqual(try unset.retryPolicy(environment: [:]).maximumAttempts, 5)
  }

  func testTimeoutsAndRetriesOutOfRangeOrNotNumbersAreRejectedNamingTheirSource() {
    let url = "https://gitlab.example.com"
    let cases: [(GitLabSettings, [String: String], String)] = [
      (
        GitLabSettings(baseURL: url, requestTimeout: 0), [:],
        "request_timeout in the provider \"gitlab\" block is 0; it must be from 1 to 3600 seconds"
      ),
      (
        GitLabSettings(baseURL: url), ["GITFORM_REQUEST_TIMEOUT": "soon"],
        "GITFORM_REQUEST_TIMEOUT must be a number of seconds (for example 30), not \"soon\""
      ),
      (
        GitLabSettings(baseURL: url), ["GITFORM_REQUEST_TIMEOUT": "86400"],
        "GITFORM_REQUEST_TIMEOUT is 86400; it must be from 1 to 3600 seconds"
      ),
    ]
    for (settings, environment, expected) in cases {
      XCTAssertEqual(gitLabError { try self.connect(settings, environment) }?.message, expected)
    }
    XCTAssertEqual(
      gitLabError { try GitLabSettings(retries: 11).retryPolicy(environment: [:]) }?.message,
      "retries in the provider \"gitlab\" block is 11; it must be from 0 to 10 (retries after "
        + "the first attempt)")
    XCTAssertEqual(
      gitLabError { try GitLabSettings().retryPolicy(environment: ["GITFORM_RETRIES": "two"]) }?
        .message,
      "GITFORM_RETRIES must be a whole number of retries from 0 to 10, not \"two\"")
  }
}
