import XCTest

@testable import GitLabEmulator

/// Impersonation tokens (§3).
final class ImpersonationTokenRoutesTests: APITestCase {
  func testCreateListGetRevoke() {
    let alice = createUser("alice")
    let base = "/api/v4/users/\(alice)/impersonation_tokens"
    let created = send("POST", base, json: #"{"name":"imp","scopes":["api"],"expires_at":"2027-01-01"}"#)
    expect(created, 201)
    XCTAssertEqual(created.json?["impersonation"], .bool(true))
    XCTAssertTrue(created.json?["token"]?.stringValue?.hasPrefix("glpat-") ?? false)
    let id = created.json?["id"]?.intValue ?? 0
    let secret = created.json?["token"]?.stringValue
    XCTAssertEqual(send("GET", "/api/v4/user", token: secret).json?["username"], .string("alice"))
    let shown = send("GET", "\(base)/\(id)").json
    XCTAssertNil(shown?["token"])
    XCTAssertEqual(keys(shown).last, "impersonation")
    createToken(for: alice)  // a personal token is not listed here
    XCTAssertEqual(send("GET", base).json?.arrayValue?.map { $0["id"] }, [.int(id)])
    expect(send("DELETE", "\(base)/\(id)"), 204)
    expect(send("DELETE", "\(base)/\(id)"), 204)
    XCTAssertEqual(send("GET", "\(base)?state=active").text, "[]")
    XCTAssertEqual(send("GET", "\(base)?state=inactive").json?.arrayValue?.count, 1)
    XCTAssertEqual(send("GET", "\(base)/\(id)").json?["revoked"], .bool(true))
    expect(send("GET", "\(base)?state=bogus"), 400, #"{"error":"state does not have a valid value"}"#)
  }

  func testErrors() {
    let alice = createUser("alice")
    let base = "/api/v4/users/\(alice)/impersonation_tokens"
    expect(send("POST", base, json: #"{"name":"imp","scopes":["api"]}"#), 400,
      #"{"message":{"expires_at":["can't be blank"]}}"#)
    expect(send("POST", base, json: #"{"name":"imp","expires_at":"2027-01-01"}"#), 400,
      #"{"message":{"scopes":["can't be blank"]}}"#)
    expect(send("POST", base, json: #"{"name":"imp","scopes":["nope"],"expires_at":"2027-01-01"}"#), 400,
      #"{"message":{"scopes":["can only contain available scopes"]}}"#)
    expect(send("POST", base, json: #"{"name":"imp","scopes":["api"],"expires_at":"2030-01-01"}"#), 400,
      #"{"message":{"expires_at":["must be before 2027-11-24"]}}"#)
    expect(send("GET", "\(base)/1"), 404, #"{"message":"404 Impersonation Token Not Found"}"#)
    expect(send("GET", "/api/v4/users/99/impersonation_tokens"), 404, #"{"message":"404 User Not Found"}"#)
  }

  func testNonAdminsCannotRevokeTheirOwnImpersonationToken() {
    let alice = createUser("alice")
    let created = send("POST", "/api/v4/users/\(alice)/impersonation_tokens",
      json: #"{"name":"imp","scopes":["api"],"expires_at":"2027-01-01"}"#)
    let secret = created.json?["token"]?.stringValue
    expect(send("DELETE", "/api/v4/personal_access_tokens/self", token: secret), 400,
      #"{"message":"400 Bad request - Not permitted to revoke"}"#)
  }
}
