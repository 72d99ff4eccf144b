import Foundation
import XCTest

@testable import GitformCore

/// GitLab's error bodies read with the core's JSON parser, in each shape GitLab answers with.
final class GitLabErrorBodyTests: XCTestCase {
  private func body(_ text: String, secrets: [String] = []) -> GitLabErrorBody {
    GitLabErrorBody(Data(text.utf8), serverText: ServerText(secrets: secrets.map(SecretValue.init)))
  }

  func testTheShapesGitLabAnswersWith() {
    XCTAssertEqual(body(#"{"message":"404 Project Not Found"}"#).text, "404 Project Not Found")
    let validation = body(#"{"message":{"name":["has already been taken"],"base":["is invalid"],"scopes":["x","y"]}}"#)
    XCTAssertEqual(validation.text, "is invalid; name has already been taken; scopes x, y")
    XCTAssertEqual(validation.fieldErrors, ["name": ["has already been taken"], "base": ["is invalid"], "scopes": ["x", "y"]])
    let oauth = body(#"{"error":"insufficient_scope","error_description":"The request requires higher privileges.","scope":"api read_api"}"#)
    XCTAssertEqual(oauth.oauthError, "insufficient_scope")
    XCTAssertEqual(oauth.acceptedScopes, "api read_api")
    XCTAssertEqual(oauth.text, "insufficient_scope: The request requires higher privileges.")
    XCTAssertEqual(body(#"{"error":"name is missing"}"#).text, "name is missing")
    XCTAssertEqual(body(#"["first", 2, true, null]"#).text, "first, 2, true")
    XCTAssertEqual(body("Retry later\n").text, "Retry later")
    XCTAssertNil(body("<html><body>502</body></html>").text)
    XCTAssertNil(body("").text)
  }

  /// A `message` that is present but null is no OAuth answer (as JSONSerialization's NSNull
  /// was not nil), and of duplicate keys the last counts.
  func testNullMessagesAndDuplicateKeys() {
    let nullMessage = body(#"{"error":"invalid_token","message":null}"#)
    XCTAssertNil(nullMessage.oauthError)
    XCTAssertNil(nullMessage.text)
    XCTAssertEqual(body(#"{"message":"first","message":"second"}"#).text, "second")
  }

  func testSecretsAreScrubbedFromKeysAndValues() {
    let scrubbed = body(#"{"message":{"glpat-secret":["is glpat-secret"]}}"#, secrets: ["glpat-secret"])
    XCTAssertFalse(scrubbed.text?.contains("glpat-secret") ?? true, scrubbed.text ?? "")
    XCTAssertFalse(scrubbed.fieldErrors.keys.contains("glpat-secret"))
  }
}
