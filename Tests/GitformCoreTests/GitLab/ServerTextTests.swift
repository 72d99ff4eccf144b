import Foundation
import GitLabEmulator
import XCTest

@testable import GitformCore

/// Errors built from what a server said never show a secret the request carried, nor a control
/// character a terminal would act on — against a real loopback server that echoes requests.
final class ServerTextTests: XCTestCase {
  private let value = "s3cr3t/legacy-value \"quoted\" +plus"
  private let token = "glpat-echoed-api-token"

  /// A server that answers 400 with the request it got: body, token header and all.
  private func echoingServer() throws -> ScriptedServer {
    try ScriptedServer { request in
      let body = String(decoding: request.body, as: UTF8.self)
      let sentToken = request.header("PRIVATE-TOKEN") ?? ""
      let message: [String: Any] = [
        "message": [
          "value": ["is invalid: \(body)"],
          "base": ["raw \(body) token \(sentToken) form \(body.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"],
        ]
      ]
      let data = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
      return GitLabEmulator.HTTPResponse(
        status: 400, headers: [("Content-Type", "application/json")], body: data)
    }
  }

  func testAVariableValueAndTheTokenEchoedBackAreRedactedFromTheError() throws {
    let server = try echoingServer()
    defer { server.stop() }
    let client = try server.client(token: token)
    for attempt in [
      { _ = try client.updateProjectVariable(project: .id(1), key: "K", VariableSettings(value: SecretValue(self.value))) },
      { _ = try client.createProjectVariable(project: .id(1), key: "K", VariableSettings(value: SecretValue(self.value))) },
    ] {
      let error = try XCTUnwrap(gitLabError(attempt))
      XCTAssertEqual(error.code, .badRequest)
      let shown = [error.message, error.gitLabMessage ?? ""] + error.fieldErrors.values.flatMap { $0 }
      for text in shown {
        XCTAssertFalse(text.contains("s3cr3t"), text)
        XCTAssertFalse(text.contains(token), text)
      }
      XCTAssertTrue(error.message.contains("(sensitive value)"), error.message)
      XCTAssertTrue(error.message.contains("is invalid"), error.message)
    }
    // The server did get the value: the redaction is in the message, not a lost request.
    XCTAssertTrue(
      String(decoding: try XCTUnwrap(server.requests.first).body, as: UTF8.self).contains("s3cr3t"))
  }

  func testASecretCutByTheLengthLimitLeavesNoPrefixBehind() throws {
    let secret = "glpat-straddles-the-cut-0123456789"
    let server = try ScriptedServer { _ in
      ScriptedServer.json(422, #"{"message":"\#(String(repeating: "x", count: 290)) \#(secret)"}"#)
    }
    defer { server.stop() }
    let client = try server.client()
    let error = gitLabError {
      try client.updateProjectVariable(project: .id(1), key: "K", VariableSettings(value: SecretValue(secret)))
    }
    XCTAssertFalse(error?.message.contains("glpat-str") ?? true, error?.message ?? "")
  }

  func testServerTextContainingAShortSecretIsWithheldWhole() throws {
    let server = try ScriptedServer { _ in ScriptedServer.json(400, #"{"message":"value ab1 is too short"}"#) }
    defer { server.stop() }
    let error = gitLabError {
      try server.client().updateProjectVariable(
        project: .id(1), key: "K", VariableSettings(value: SecretValue("ab1")))
    }
    XCTAssertEqual(error?.gitLabMessage, ServerText.withheld)
    XCTAssertFalse(error?.message.contains("ab1") ?? true)
  }

  func testTerminalControlSequencesFromTheServerNeverReachTheMessage() throws {
    let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}404 Not\u{9B}31m Found\r\u{7F}"
    let server = try ScriptedServer { request in
      if request.path.hasSuffix("/moved") {
        return GitLabEmulator.HTTPResponse(status: 302, headers: [("Location", "http://x/\u{1B}[31mred")])
      }
      let body = (try? JSONSerialization.data(withJSONObject: ["message": hostile])) ?? Data()
      return GitLabEmulator.HTTPResponse(status: 404, body: body)
    }
    defer { server.stop() }
    let client = try server.client()
    let notFound = try XCTUnwrap(gitLabError { try client.project(.id(5)) })
    let moved = try XCTUnwrap(gitLabError { try client.project(.path("moved")) })
    for error in [notFound, moved] {
      for text in [error.message, error.gitLabMessage ?? ""] {
        XCTAssertFalse(
          text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
          text.debugDescription)
      }
    }
    XCTAssertEqual(notFound.gitLabMessage, "[2J]0;owned404 Not31m Found")
    XCTAssertTrue(moved.message.contains("to http://x/[31mred"), moved.message)
  }

  func testATransportsAccountOfAFailureIsCleanedToo() throws {
    let transport = FakeTransport([
      .fail(TransportFailure(.other, detail: "\u{1B}[2Jproxy said \(testToken)"))
    ])
    let error = gitLabError { try makeClient(transport, retryPolicy: .never).currentUser() }
    XCTAssertEqual(error?.code, .transportFailure)
    XCTAssertFalse(error?.message.contains("\u{1B}") ?? true)
    XCTAssertFalse(error?.message.contains(testToken) ?? true)
    XCTAssertTrue(error?.message.contains("proxy said (sensitive value)") ?? false, error?.message ?? "")
  }

  func testEverySpellingOfASecretIsFound() {
    let text = ServerText(secrets: [SecretValue("a/b c+d\"e")])
    for echoed in [#"a/b c+d"e"#, #"a\/b c+d\"e"#, #"a/b c+d\"e"#, "a%2Fb%20c%2Bd%22e", "a%2Fb+c%2Bd%22e"] {
      XCTAssertEqual(text.clean("<\(echoed)>"), "<(sensitive value)>", echoed)
    }
  }

  /// A secret put in a request body, at any depth, is sent as its text and known to the
  /// request as a secret, without the endpoint method having to list it.
  func testSecretsInABodyAreRevealedForSendingAndRememberedForRedaction() throws {
    var secrets: [SecretValue] = []
    let revealed = GitLabClient.revealing(
      ["value": SecretValue("top"), "nested": ["list": [SecretValue("deep"), 3]], "plain": "x"],
      into: &secrets)
    XCTAssertEqual(Set(secrets.map { $0.reveal() }), ["top", "deep"])
    let data = try JSONSerialization.data(withJSONObject: revealed, options: [.sortedKeys])
    XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"nested":{"list":["deep",3]},"plain":"x","value":"top"}"#)

    let transport = FakeTransport([FakeTransport.json(400, #"{"message":"bad top-secret-value"}"#)])
    _ = gitLabError {
      try makeClient(transport, retryPolicy: .never).createProjectVariable(
        project: .id(1), key: "K", VariableSettings(value: SecretValue("top-secret-value")))
    }
    let sent = try XCTUnwrap(transport.requests.first)
    XCTAssertEqual(sent.secrets.map { $0.reveal() }, ["top-secret-value"])
    XCTAssertTrue(String(decoding: sent.body ?? Data(), as: UTF8.self).contains(#""value":"top-secret-value""#))
  }
}
