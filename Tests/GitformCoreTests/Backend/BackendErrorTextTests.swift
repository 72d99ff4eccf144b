import XCTest

@testable import GitformCore

/// A state server's text reaches the user as the GitLab client's server text does: the password
/// in every spelling a server might echo it, and terminal controls, never printed.
final class BackendErrorTextTests: XCTestCase {
  func testEchoedPasswordAndControlsAreRemovedInEverySpelling() {
    let password = SecretValue("glpat-abc/def+ghi")
    let echoed = "bad request: glpat-abc\\/def+ghi and glpat-abc%2Fdef%2Bghi \u{1B}[2J then glpat-abc/def+ghi"
    let error = BackendError(code: .invalidConfiguration, summary: "refused", detail: echoed, secrets: [password])
    XCTAssertFalse(error.detail.contains("abc"), error.detail)
    XCTAssertFalse(error.detail.contains("\u{1B}"), error.detail)
    XCTAssertTrue(error.detail.hasPrefix("bad request: (sensitive value) and (sensitive value) "), error.detail)
  }

  func testAShortPasswordDoesNotBlankGitformsOwnWords() {
    let error = BackendError(
      code: .invalidConfiguration, summary: "refused", detail: "the state is locked", secrets: [SecretValue("st")])
    XCTAssertEqual(error.detail, "the state is locked")
  }
}
