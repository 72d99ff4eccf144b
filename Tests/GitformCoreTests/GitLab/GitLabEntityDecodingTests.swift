import XCTest

@testable import GitformCore

/// GitLab's JSON, as reference/gitlab-api.md quotes it, into gitform's value types.
final class GitLabEntityDecodingTests: XCTestCase {
  private func decode<T: GitLabDecodable>(_ type: T.Type, _ json: String) throws -> T {
    try GitLabJSON.decode(type, from: Data(json.utf8))
  }

  func testAResourceAccessTokenWithTheNewestFields() throws {
    let token = try decode(
      GitLabCreatedToken.self,
      #"""
      {"id":42,"name":"deploy","revoked":false,"created_at":"2020-10-14T11:58:53.526Z",
       "description":null,"scopes":["api","read_api"],"user_id":57,"last_used_at":null,
       "active":true,"expires_at":"2021-01-01","expired":false,"granular":false,
       "access_level":40,"resource_type":"project","resource_id":7,"token":"glpat-abc"}
      """#)
    XCTAssertEqual(
      token.record,
      GitLabAccessToken(
        id: 42, name: "deploy", description: nil, scopes: ["api", "read_api"], userID: 57,
        active: true, revoked: false, expired: false, expiresAt: CalendarDate("2021-01-01"),
        createdAt: Date(timeIntervalSince1970: 1_602_676_733.526), lastUsedAt: nil,
        accessLevel: 40, impersonation: nil))
    XCTAssertEqual(token.token.reveal(), "glpat-abc")
  }

  func testAnOlderGitLabsTokenWithoutExpiryOrNewerFields() throws {
    let token = try decode(
      GitLabAccessToken.self,
      #"{"id":1,"name":"old","revoked":true,"created_at":"2019-01-01T00:00:00Z","scopes":["api"],"user_id":2,"active":false,"expires_at":null,"impersonation":true,"last_used_at":"2019-02-01T10:00:00.5+01:00"}"#
    )
    XCTAssertNil(token.expiresAt)
    XCTAssertNil(token.expired)
    XCTAssertNil(token.description)
    XCTAssertEqual(token.impersonation, true)
    XCTAssertEqual(token.lastUsedAt, Date(timeIntervalSince1970: 1_549_011_600.5))
  }

  func testATokenRecordWithoutRequiredFieldsIsRejected() {
    XCTAssertThrowsError(try decode(GitLabAccessToken.self, #"{"id":1,"name":"x"}"#))
    XCTAssertThrowsError(try decode(GitLabCreatedToken.self, tokenJSON(id: 1)))  // no token
  }

  func testTimestamps() {
    let parse = GitLabJSON.parseTimestamp
    XCTAssertEqual(parse("1970-01-01T00:00:00Z"), Date(timeIntervalSince1970: 0))
    XCTAssertEqual(parse("1970-01-01T01:00:00+01:00"), Date(timeIntervalSince1970: 0))
    XCTAssertEqual(parse("1970-01-01T00:00:00-0130"), Date(timeIntervalSince1970: 5400))
    XCTAssertEqual(parse("2026-06-01 12:00:00.25Z"), Date(timeIntervalSince1970: 1_780_315_200.25))
    for bad in [
      "", "2026-06-01", "2026-06-01T12:00:00", "2026-06-01T25:00:00Z", "2026-06-01T12:00:00.Z",
      "2026-06-01T12:00:00Zjunk", "2026-06-01T12:00:00+1", "2026-02-30T00:00:00Z",
    ] {
      XCTAssertNil(parse(bad), bad)
    }
  }

  func testUsersWithAndWithoutTheAdminFlag() throws {
    let admin = try decode(
      GitLabUser.self,
      #"{"id":1,"username":"root","name":"Administrator","state":"active","is_admin":true,"bot":false}"#
    )
    XCTAssertTrue(admin.isAdmin)
    let basic = try decode(
      GitLabUser.self,
      #"{"id":9,"username":"project_7_bot_abc","name":"deploy","state":"active","bot":true}"#)
    XCTAssertFalse(basic.isAdmin)
    XCTAssertTrue(basic.isBot)
  }

  func testVariablesWithDefaultsForFieldsOlderGitLabsLeaveOut() throws {
    let old = try decode(
      GitLabVariable.self, #"{"key":"A","value":"v","protected":false,"masked":false}"#)
    XCTAssertEqual(old, GitLabVariable(key: "A", value: SecretValue("v")))
    let file = try decode(
      GitLabVariable.self,
      #"{"variable_type":"file","key":"B","value":null,"hidden":true,"protected":true,"masked":true,"raw":true,"environment_scope":"prod","description":"d"}"#
    )
    XCTAssertEqual(
      file,
      GitLabVariable(
        key: "B", value: nil, variableType: .file, protected: true, masked: true, hidden: true,
        raw: true, environmentScope: "prod", description: "d"))
    XCTAssertThrowsError(try decode(GitLabVariable.self, #"{"key":"C","variable_type":"secret"}"#))
  }

  func testReferencesAndAccessLevels() {
    XCTAssertEqual(GitLabReference("123"), .id(123))
    XCTAssertEqual(GitLabReference("group/123"), .path("group/123"))
    XCTAssertEqual(GitLabReference("-5"), .path("-5"))
    XCTAssertEqual(GitLabReference(""), .path(""))
    XCTAssertEqual(GitLabReference("99999999999999999999999"), .path("99999999999999999999999"))
    XCTAssertEqual(GitLabReference.path("a/b.c d").pathSegment, "a%2Fb%2Ec%20d")
    XCTAssertEqual(GitLabAccessLevel(name: "maintainer"), .maintainer)
    XCTAssertEqual(GitLabAccessLevel(name: "no one"), .noAccess)
    XCTAssertNil(GitLabAccessLevel(name: "master"))
    XCTAssertEqual(
      GitLabAccessLevel.allCases.filter(\.isAssignableToToken).map(\.rawValue),
      [10, 15, 20, 30, 40, 50])
  }
}
