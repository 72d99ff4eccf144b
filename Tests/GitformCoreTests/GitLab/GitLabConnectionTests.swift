import XCTest

@testable import GitformCore

final class GitLabConnectionTests: XCTestCase {
  func testEverySpellingOfABaseURLGivesTheSameAPIRoot() throws {
    for spelling in [
      "https://gitlab.example.com", "https://gitlab.example.com/",
      "https://gitlab.example.com/api/v4",
      "https://gitlab.example.com/api/v4/", "  https://gitlab.example.com//  ",
      "HTTPS://gitlab.example.com/API/V4",
    ] {
      XCTAssertEqual(
        try GitLabConnection.normalizedAPIBaseURL(spelling).absoluteString,
        "https://gitlab.example.com/api/v4", spelling)
    }
  }

  func testPortsAndRelativeURLRootsAreKept() throws {
    XCTAssertEqual(
      try GitLabConnection.normalizedAPIBaseURL("http://127.0.0.1:8080/api/v4").absoluteString,
      "http://127.0.0.1:8080/api/v4")
    XCTAssertEqual(
      try GitLabConnection.normalizedAPIBaseURL("https://example.com/gitlab/").absoluteString,
      "https://example.com/gitlab/api/v4")
    XCTAssertEqual(
      try GitLabConnection.normalizedAPIBaseURL("https://example.com/gitlab/api/v4").absoluteString,
      "https://example.com/gitlab/api/v4")
  }

  func testIPv6HostsKeepTheirBrackets() throws {
    XCTAssertEqual(
      try GitLabConnection.normalizedAPIBaseURL("http://[::1]:8080/").absoluteString,
      "http://[::1]:8080/api/v4")
  }

  func testUnusableBaseURLsAreRejectedWithTheFix() {
    let cases: [(String, String)] = [
      (
        "",
        "invalid GitLab base URL \"\": it is empty; use a URL such as https://gitlab.example.com or https://gitlab.example.com/api/v4"
      ),
      (
        "gitlab.example.com",
        "invalid GitLab base URL \"gitlab.example.com\": it has no scheme (https://); use a URL such as https://gitlab.example.com or https://gitlab.example.com/api/v4"
      ),
      (
        "ftp://gitlab.example.com",
        "invalid GitLab base URL \"ftp://gitlab.example.com\": the scheme must be http or https; use a URL such as https://gitlab.example.com or https://gitlab.example.com/api/v4"
      ),
      (
        "https://gitlab.example.com/api/v4?x=1",
        "invalid GitLab base URL \"https://gitlab.example.com/api/v4\": it must not have a query (?...) or fragment (#...); use a URL such as https://gitlab.example.com or https://gitlab.example.com/api/v4"
      ),
      // A control sequence pasted into the URL is shown escaped, never sent to the terminal.
      (
        "https://gitlab\u{1B}[2J.example.com",
        "invalid GitLab base URL \"https://gitlab\\x1b[2J.example.com\": it is not a URL; use a URL such as https://gitlab.example.com or https://gitlab.example.com/api/v4"
      ),
    ]
    for (input, expected) in cases {
      let error = gitLabError { try GitLabConnection.normalizedAPIBaseURL(input) }
      XCTAssertEqual(error?.code, .invalidConfiguration, input)
      XCTAssertEqual(error?.message, expected, input)
    }
  }

  func testCredentialsInTheURLAreRejectedWithoutEchoingThem() {
    let error = gitLabError {
      try GitLabConnection.normalizedAPIBaseURL("https://root:hunter2secret@gitlab.example.com")
    }
    XCTAssertEqual(error?.code, .invalidConfiguration)
    XCTAssertEqual(
      error?.message,
      "invalid GitLab base URL: it contains a user name or password; remove them from the URL "
        + "and put the token in the provider's token or GITLAB_TOKEN")
  }

  func testProviderValuesWinOverTheEnvironmentWhichWinsOverGitLabDotCom() throws {
    let environment = ["GITLAB_BASE_URL": "https://env.example:81", "GITLAB_TOKEN": "env-token"]
    let fromBlock = try GitLabSettings(baseURL: "https://block.example", token: "block-token")
      .connection(environment: environment, clientVersion: "0.1.0")
    XCTAssertEqual(fromBlock.apiBaseURL.absoluteString, "https://block.example/api/v4")
    XCTAssertEqual(fromBlock.token.reveal(), "block-token")
    XCTAssertEqual(fromBlock.userAgent, "gitform/0.1.0")

    let fromEnvironment = try GitLabSettings(baseURL: nil, token: "")
      .connection(environment: environment, clientVersion: "0.1.0")
    XCTAssertEqual(fromEnvironment.apiBaseURL.absoluteString, "https://env.example:81/api/v4")
    XCTAssertEqual(fromEnvironment.token.reveal(), "env-token")

    let defaulted = try GitLabSettings(baseURL: nil, token: "t")
      .connection(environment: [:], clientVersion: "0.1.0")
    XCTAssertEqual(defaulted.apiBaseURL.absoluteString, "https://gitlab.com/api/v4")
  }

  func testAMissingTokenIsAnErrorThatNamesBothPlacesToSetIt() {
    let error = gitLabError {
      try GitLabSettings(baseURL: "https://gitlab.example.com", token: nil)
        .connection(environment: [:], clientVersion: "1")
    }
    XCTAssertEqual(error?.code, .invalidConfiguration)
    XCTAssertEqual(
      error?.message,
      "no GitLab token: set token in the provider \"gitlab\" block or the GITLAB_TOKEN "
        + "environment variable to a personal access token with the api scope")
  }

  func testTLSOptionsThisPlatformCannotHonourAreErrorsNotIgnored() throws {
    let insecure = try GitLabConnection(
      baseURL: "https://gitlab.example.com", token: SecretValue("t"), clientVersion: "1",
      insecure: true)
    let insecureError = gitLabError { try URLSessionTransport(connection: insecure) }
    XCTAssertEqual(insecureError?.code, .unsupportedOption)
    XCTAssertEqual(
      insecureError?.message,
      "insecure = true is not supported: gitform's HTTP stack (Foundation's URLSession) cannot "
        + "turn off TLS certificate verification on this platform. Give GitLab a certificate "
        + "the system trusts, or remove insecure from the provider \"gitlab\" block")

    let withCA = try GitLabConnection(
      baseURL: "https://gitlab.example.com", token: SecretValue("t"), clientVersion: "1",
      caCertificateFile: "/etc/gitlab/ca.pem")
    let caError = gitLabError { try GitLabClient(connection: withCA) }
    XCTAssertEqual(caError?.code, .unsupportedOption)
    XCTAssertTrue(
      caError?.message.hasPrefix("cacert_file = \"/etc/gitlab/ca.pem\" is not supported:") ?? false)
    XCTAssertTrue(caError?.message.contains("update-ca-certificates") ?? false)
  }
}
