import XCTest

@testable import GitformCore

final class SecretValueTests: XCTestCase {
  let secret = "glpat-very-secret-value"

  /// Every way Swift turns a value into text, applied to `value`.
  private func renderings(_ value: Any) -> [String] {
    var dumped = ""
    dump(value, to: &dumped)
    return [
      "\(value)", String(describing: value), String(reflecting: value), dumped,
      Mirror(reflecting: value).children.map { "\($0.value)" }.joined(),
    ]
  }

  func testNoTextualFormRevealsTheSecret() {
    let value = SecretValue(secret)
    for text in renderings(value) {
      XCTAssertFalse(text.contains(secret), text)
    }
    XCTAssertEqual(value.description, "(sensitive value)")
    XCTAssertEqual(value.debugDescription, "(sensitive value)")
    XCTAssertEqual(value.reveal(), secret)
  }

  func testValuesHoldingSecretsDoNotRevealThemEither() throws {
    let created = GitLabCreatedToken(
      record: GitLabAccessToken(
        id: 1, name: "ci", scopes: ["api"], userID: 2, createdAt: Date(timeIntervalSince1970: 0)),
      token: SecretValue(secret))
    let connection = try GitLabConnection(
      baseURL: "https://gitlab.example.com", token: SecretValue(secret), clientVersion: "1")
    let request = GitLabRequest(
      method: .get, url: URL(string: "https://gitlab.example.com/api/v4/user")!, route: "/user",
      token: SecretValue(secret))
    let variable = GitLabVariable(key: "TOKEN", value: SecretValue(secret))
    let settings = VariableSettings(value: SecretValue(secret))
    let client = GitLabClient(connection: connection, transport: FakeTransport([]))
      .authenticating(with: SecretValue(secret + "-other"))
    for value in [created, connection, request, variable, settings, client] as [Any] {
      for text in renderings(value) {
        XCTAssertFalse(text.contains(secret), "\(type(of: value)): \(text)")
      }
    }
    var dumped = ""
    dump(created, to: &dumped)
    XCTAssertTrue(dumped.contains("token: (sensitive value)"), dumped)
  }

  func testDecodingKeepsTheValueForReveal() throws {
    let decoded = try JSONDecoder().decode([SecretValue].self, from: Data("[\"\(secret)\"]".utf8))
    XCTAssertEqual(decoded.map { $0.reveal() }, [secret])
  }
}
