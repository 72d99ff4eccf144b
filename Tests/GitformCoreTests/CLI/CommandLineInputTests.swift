import Foundation
import GitLabEmulator
import XCTest

@testable import GitformCore

/// What the CLI makes of bad input before (or instead of) talking to GitLab: switch values,
/// variable texts shown where they were written, state it cannot read, provider settings — the
/// exact text a user sees.
final class CommandLineInputTests: XCTestCase {
  /// GitLab is a closed port unless a test points the base URL elsewhere; no colour.
  private var workspace: CommandWorkspace!

  override func setUpWithError() throws {
    workspace = try CommandWorkspace(
      "input", environment: ["GITLAB_BASE_URL": "http://127.0.0.1:1", "GITLAB_TOKEN": "glpat-cli-input", "NO_COLOR": "1"])
    try workspace.write(
      "main.gf.hcl",
      """
      variable "x" {
        type = list(string)
      }
      variable "n" {
        type = number
      }
      output "o" { value = var.x }

      """)
  }

  override func tearDownWithError() throws {
    workspace?.remove()
  }

  @discardableResult
  private func run(_ arguments: [String], environment: [String: String] = [:]) -> CommandRun {
    workspace.run(arguments, environment: environment)
  }

  // MARK: - Switches

  func testEverySwitchRejectsAValueThatIsNotABoolean() {
    let cases: [[String]] = [
      ["plan", "-detailed-exitcode=foo"], ["plan", "-destroy=x"], ["plan", "-no-color=2"],
      ["plan", "-refresh=maybe"], ["plan", "-lock=on"], ["plan", "-input=nope"],
      ["apply", "-auto-approve=maybe"], ["destroy", "-auto-approve=y"], ["output", "-json=yes"],
      ["output", "-raw=raw"], ["show", "-json=nah"], ["state", "list", "-no-color=z"],
      ["expiry", "-all=everything"], ["expiry", "-json=j"],
    ]
    for arguments in cases {
      let result = run(arguments)
      XCTAssertEqual(result.code, 1, "\(arguments)")
      let flag = String(arguments.last?.split(separator: "=").first ?? "")
      XCTAssertTrue(result.err.contains("Invalid value for \(flag)"), "\(arguments): \(result.err)")
    }
    let validate = run(["validate", "-json=foo"])
    XCTAssertEqual(validate.code, 1)
    XCTAssertEqual(
      validate.err,
      "\nError: Failed to parse command-line flags\n\ninvalid boolean value \"foo\" for -json: parse error\n")
  }

  func testSwitchesTakeGoBooleanSpellings() {
    let off = run(["plan", "-detailed-exitcode=false", "-refresh=F", "-input=false", "-var", "x=[]", "-var", "n=1"])
    XCTAssertFalse(off.err.contains("Invalid value"), off.err)
    XCTAssertEqual(run(["validate", "-json=false"]).out, "Success! The configuration is valid.\n\n")
    XCTAssertTrue(run(["validate", "-json=TRUE"]).out.contains(#""valid": true"#))
  }

  // MARK: - Variables shown where they were written

  func testAVarValueThatDoesNotParseIsShownAsItsOwnPseudoFile() {
    let result = run(["plan", "-var", "x=[1,", "-var", "n=1"])
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(
      result.err.hasPrefix(
        """

        Error: Missing expression

          on <value for var.x> line 1:
           1: [1,

        Expected the start of an expression, but found the end of the file.

        """), result.err)
    XCTAssertFalse(result.err.contains("source code not available"), result.err)
  }

  func testAVariablesFileErrorShowsTheFileText() throws {
    try workspace.write("gitform.gfvars", "x = [1,\n")
    let parse = run(["plan", "-var", "n=1"])
    XCTAssertTrue(
      parse.err.hasPrefix("\nError: Missing expression\n\n  on gitform.gfvars line 2:\n   2: \n"), parse.err)
    XCTAssertFalse(parse.err.contains("source code not available"), parse.err)

    try workspace.write("gitform.gfvars", "x = [\"a\"]\nn = \"abc\"\n")
    let type = run(["plan"])
    XCTAssertEqual(
      type.err,
      """

      Error: Invalid value for input variable

        on gitform.gfvars line 2:
         2: n = "abc"

      The given value is not suitable for var.n declared at main.gf.hcl:4,1-15: a
      number is required.

      """)
  }

  func testAnUnsuitableValueSaysWhereItWasSet() {
    let fromFlag = run(["plan", "-var", "x=[\"a\"]", "-var", "n=abc"])
    XCTAssertTrue(
      fromFlag.err.contains("\n  on main.gf.hcl line 4:\n   4: variable \"n\" {\n\nUnsuitable value for var.n set using -var=\"n=...\": a number is required.\n"),
      fromFlag.err)
    let fromEnvironment = run(["plan", "-var", "x=[\"a\"]"], environment: ["GITFORM_VAR_n": "abc"])
    XCTAssertTrue(
      fromEnvironment.err.contains("Unsuitable value for var.n set using the GITFORM_VAR_n environment variable:\na number is required."),
      fromEnvironment.err)
  }

  // MARK: - State that cannot be read

  func testACorruptStateSuggestsABackupOnlyWhenThereIsOne() throws {
    /// The error text with its word-wrapping undone.
    func stateError() -> String {
      let result = run(["state", "list"])
      XCTAssertEqual(result.code, 1)
      return result.err.replacingOccurrences(of: "\n", with: " ")
    }
    try workspace.write("gitform.tfstate", "{\"version\": 4, \"serial\": \n")
    let without = stateError()
    XCTAssertTrue(without.contains("There is no backup"), without)
    XCTAssertFalse(without.contains("Restore it from"), without)

    try workspace.write("gitform.tfstate.backup", "{}")
    let with = stateError()
    XCTAssertTrue(with.contains("Restore it from"), with)
    XCTAssertFalse(with.contains("There is no backup"), with)

    try FileManager.default.removeItem(at: workspace.url("gitform.tfstate.backup"))
    try workspace.write("gitform.tfstate", "")
    let empty = stateError()
    XCTAssertTrue(empty.contains("There is no backup"), empty)
    XCTAssertFalse(empty.contains("If a backup exists"), empty)
  }

  // MARK: - Provider settings

  func testPlainHTTPToAnotherHostIsRefusedUnlessTheBlockOptsIn() throws {
    try workspace.write("main.gf.hcl", "data \"current_user\" \"me\" {}\n")
    let refused = run(["plan"], environment: ["GITLAB_BASE_URL": "http://gitlab.example.invalid"])
    XCTAssertEqual(refused.code, 1)
    XCTAssertTrue(refused.err.contains("Error: Invalid provider configuration"), refused.err)
    XCTAssertTrue(refused.err.contains("refusing to send the GitLab token over plain HTTP"), refused.err)
    XCTAssertTrue(refused.err.contains("insecure_http = true"), refused.err)

    try workspace.write(
      "main.gf.hcl",
      "provider \"gitlab\" {\n  insecure_http = true\n  retries = 0\n}\ndata \"current_user\" \"me\" {}\n")
    let optedIn = run(["plan"], environment: ["GITLAB_BASE_URL": "http://gitlab.example.invalid"])
    XCTAssertEqual(optedIn.code, 1)
    XCTAssertFalse(optedIn.err.contains("refusing"), optedIn.err)
    XCTAssertTrue(optedIn.err.contains("host not found"), optedIn.err)
  }

  func testProviderTimeoutAndRetriesAreCheckedAndUsed() throws {
    let listener = try StallingListener()
    defer { listener.stop() }
    try workspace.write(
      "main.gf.hcl",
      "provider \"gitlab\" {\n  request_timeout = 1\n  retries = 1\n}\ndata \"current_user\" \"me\" {}\n")
    let started = Date()
    let stalled = run(["plan"], environment: ["GITLAB_BASE_URL": "http://127.0.0.1:\(listener.port)"])
    XCTAssertEqual(stalled.code, 1)
    XCTAssertTrue(stalled.err.contains("timed out (after 2 attempts)"), stalled.err)
    XCTAssertLessThan(Date().timeIntervalSince(started), 8)

    for (block, expected) in [
      ("request_timeout = \"soon\"", "request_timeout in the provider \"gitlab\" block must be a number of seconds."),
      ("retries = 2.5", "retries in the provider \"gitlab\" block must be a whole number."),
      ("retries = 99", "retries in the provider \"gitlab\" block is 99; it must be from 0 to 10"),
      ("insecure_http = \"perhaps\"", "insecure_http in the provider \"gitlab\" block must be true or false."),
    ] {
      try workspace.write("main.gf.hcl", "provider \"gitlab\" {\n  \(block)\n}\ndata \"current_user\" \"me\" {}\n")
      let result = run(["plan"])
      XCTAssertEqual(result.code, 1, block)
      XCTAssertTrue(
        result.err.replacingOccurrences(of: "\n", with: " ").contains(expected), "\(block): \(result.err)")
    }
  }

  /// The issue's case at the CLI: a server answering with a screen-clearing sequence and the
  /// token it was sent. Neither reaches the terminal.
  func testAHostileAnswerReachesTheUserWithoutControlsOrTheToken() throws {
    let server = try ScriptedServer { request in
      let echoed = request.header("PRIVATE-TOKEN") ?? ""
      let body = (try? JSONSerialization.data(withJSONObject: ["message": "\u{1B}[2J\u{1B}[H401 Unauthorized \(echoed)"])) ?? Data()
      return GitLabEmulator.HTTPResponse(status: 401, body: body)
    }
    defer { server.stop() }
    try workspace.write("main.gf.hcl", "data \"current_user\" \"me\" {}\n")
    let result = run(["plan"], environment: ["GITLAB_BASE_URL": server.rootURL.absoluteString])
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(result.err.contains("401 Unauthorized"), result.err)
    XCTAssertFalse(result.err.contains("\u{1B}"), result.err.debugDescription)
    XCTAssertFalse(result.err.contains("glpat-cli-input"), result.err)
    XCTAssertTrue(result.err.contains("(sensitive value)"), result.err)
  }

  /// A rate-limited request waits without a word no more: the CLI says what it waits for, on
  /// standard error, and the plan then goes ahead.
  func testABackOffIsAnnouncedOnStandardError() throws {
    let limited = Counter()
    let server = try ScriptedServer { request in
      guard request.path == "/api/v4/user" else { return ScriptedServer.json(404, #"{"message":"404 Not Found"}"#) }
      if limited.next() == 1 {
        return ScriptedServer.json(429, #"{"message":"Retry later"}"#, headers: [("Retry-After", "1")])
      }
      return ScriptedServer.json(200, #"{"id":1,"username":"root","name":"Root","state":"active","is_admin":true}"#)
    }
    defer { server.stop() }
    try workspace.write("main.gf.hcl", "data \"current_user\" \"me\" {}\noutput \"who\" { value = data.current_user.me.username }\n")
    let result = run(["plan"], environment: ["GITLAB_BASE_URL": server.rootURL.absoluteString])
    XCTAssertEqual(result.code, 0, result.err)
    XCTAssertEqual(
      result.err,
      "Waiting 1s for GitLab before retrying GET /user (attempt 2 of 5): HTTP 429 (rate limited).\n")
    XCTAssertFalse(result.out.contains("Waiting"), result.out)
  }

  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { count += 1; return count } }
  }
}
