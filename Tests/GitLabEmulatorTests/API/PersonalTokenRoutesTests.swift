import XCTest

@testable import GitLabEmulator

/// Personal access tokens (§1, §2): fields, expiry, list filters, revoke, rotate, reuse detection.
final class PersonalTokenRoutesTests: APITestCase {
  func testCreateReturnsTheSecretOnceWithExactFields() {
    let alice = createUser("alice")
    let created = send("POST", "/api/v4/users/\(alice)/personal_access_tokens",
      form: "name=ci&scopes[]=api&scopes[]=read_user&description=for+CI")
    expect(created, 201)
    XCTAssertEqual(keys(created.json), [
      "id", "name", "revoked", "created_at", "description", "scopes", "user_id", "last_used_at",
      "active", "expires_at", "expired", "granular", "token",
    ])
    XCTAssertEqual(created.json?["scopes"], .array([.string("api"), .string("read_user")]))
    XCTAssertEqual(created.json?["description"], .string("for CI"))
    XCTAssertEqual(created.json?["created_at"], .string(APITestCase.start))
    XCTAssertEqual(created.json?["expires_at"], .string("2027-11-24"), "default: today + 365 days")
    XCTAssertEqual(created.json?["last_used_at"], .null)
    XCTAssertTrue(created.json?["token"]?.stringValue?.hasPrefix("glpat-") ?? false)
    let id = created.json?["id"]?.intValue ?? 0
    let shown = send("GET", "/api/v4/personal_access_tokens/\(id)").json
    XCTAssertNil(shown?["token"], "the secret is never readable again")
    XCTAssertEqual(shown?["last_used_ips"], .array([]))
  }

  func testCreateValidation() {
    let alice = createUser("alice")
    let path = "/api/v4/users/\(alice)/personal_access_tokens"
    expect(send("POST", path, json: "{}"), 400, #"{"error":"name is missing, scopes is missing"}"#)
    expect(send("POST", path, json: #"{"name":"x","scopes":["bogus"]}"#), 400,
      #"{"error":"scopes does not have a valid value"}"#)
    expect(send("POST", path, json: #"{"name":"x","scopes":["api"],"expires_at":"tomorrow"}"#), 400,
      #"{"error":"expires_at is invalid"}"#)
    expect(send("POST", path, json: #"{"name":"x","scopes":["api"],"expires_at":"2027-11-25"}"#), 422,
      #"{"message":"Expires at must be before 2027-11-24"}"#)
    expect(send("POST", path, json: #"{"name":"","scopes":["sudo"]}"#), 422,
      #"{"message":"Name can't be blank and Sudo can only be enabled for administrators"}"#)
    expect(send("POST", "/api/v4/users/99/personal_access_tokens", json: #"{"name":"x","scopes":["api"]}"#),
      404, #"{"message":"404 User Not Found"}"#)
    // A comma-separated scope string is accepted too; a past date gives an expired token.
    let past = send("POST", path, json: #"{"name":"x","scopes":"api,read_api","expires_at":"2026-11-24"}"#)
    XCTAssertEqual(past.json?["scopes"], .array([.string("api"), .string("read_api")]))
    XCTAssertEqual(past.json?["active"], .bool(false))
    XCTAssertEqual(past.json?["expired"], .bool(true))
  }

  func testListFiltersAndVisibility() {
    let alice = userWithToken("alice")
    let old = createToken(for: alice.id, name: "old-one")
    expect(send("DELETE", "/api/v4/personal_access_tokens/\(old.id)"), 204)
    _ = send("POST", "/api/v4/users/\(alice.id)/impersonation_tokens",
      json: #"{"name":"imp","scopes":["api"],"expires_at":"2027-01-01"}"#)
    let mine = send("GET", "/api/v4/personal_access_tokens", token: alice.token).json?.arrayValue
    XCTAssertEqual(mine?.map { $0["name"] }, [.string("t"), .string("old-one")],
      "own non-impersonation tokens, id ascending, revoked included")
    func names(_ query: String) -> [JSONValue]? {
      send("GET", "/api/v4/personal_access_tokens?\(query)").json?.arrayValue?.map { $0["name"] ?? .null }
    }
    XCTAssertEqual(names("user_id=\(alice.id)&revoked=true"), [.string("old-one")])
    XCTAssertEqual(names("user_id=\(alice.id)&state=active"), [.string("t"), .string("imp")])
    XCTAssertEqual(names("user_id=\(alice.id)&search=OLD"), [.string("old-one")])
    XCTAssertEqual(names("user_id=\(alice.id)&sort=name_desc"), [.string("t"), .string("old-one"), .string("imp")])
    XCTAssertEqual(names("user_id=\(alice.id)&expires_before=2027-06-01"), [.string("imp")])
    XCTAssertEqual(names("user_id=\(alice.id)&created_after=2026-11-25T00:00:00Z"), [])
    expect(send("GET", "/api/v4/personal_access_tokens?state=old"), 400,
      #"{"error":"state does not have a valid value"}"#)
    expect(send("GET", "/api/v4/personal_access_tokens?revoked=maybe"), 400, #"{"error":"revoked is invalid"}"#)
    expect(send("GET", "/api/v4/personal_access_tokens?user_id=999"), 404, #"{"message":"404 Not Found"}"#)
    expect(send("GET", "/api/v4/personal_access_tokens?user_id=1", token: alice.token), 401)
  }

  func testGetHidesForeignTokens() {
    let alice = userWithToken("alice")
    expect(send("GET", "/api/v4/personal_access_tokens/1", token: alice.token), 401,
      #"{"message":"401 Unauthorized"}"#)
    expect(send("GET", "/api/v4/personal_access_tokens/999"), 404, #"{"message":"404 Not Found"}"#)
    expect(send("GET", "/api/v4/personal_access_tokens/abc"), 400, #"{"error":"id is invalid"}"#)
  }

  func testSelfShowsTheCallerAndRecordsUse() {
    let alice = userWithToken("alice")
    let me = send("GET", "/api/v4/personal_access_tokens/self", token: alice.token).json
    XCTAssertEqual(me?["user_id"]?.intValue, alice.id)
    XCTAssertEqual(me?["last_used_at"], .string(APITestCase.start))
    XCTAssertEqual(me?["last_used_ips"], .array([.string("127.0.0.1")]))
    expect(send("DELETE", "/api/v4/personal_access_tokens/self", token: alice.token), 204)
    expect(send("GET", "/api/v4/personal_access_tokens/self", token: alice.token), 401)
  }

  func testRevokeIsIdempotentAndGuarded() {
    let alice = userWithToken("alice")
    let other = createToken(for: 1)
    expect(send("DELETE", "/api/v4/personal_access_tokens/\(other.id)", token: alice.token), 400,
      #"{"message":"400 Bad request - Not permitted to revoke"}"#)
    expect(send("DELETE", "/api/v4/personal_access_tokens/999"), 404, #"{"message":"404 Not found"}"#)
    expect(send("DELETE", "/api/v4/personal_access_tokens/\(other.id)"), 204)
    expect(send("DELETE", "/api/v4/personal_access_tokens/\(other.id)"), 204)
    let shown = send("GET", "/api/v4/personal_access_tokens/\(other.id)").json
    XCTAssertEqual(shown?["revoked"], .bool(true))
    XCTAssertEqual(shown?["active"], .bool(false))
  }

  func testRotateIssuesASuccessorAndRevokesTheOld() {
    let alice = userWithToken("alice")
    let token = createToken(for: alice.id, scopes: ["api", "read_user"], name: "deploy")
    let rotated = send("POST", "/api/v4/personal_access_tokens/\(token.id)/rotate")
    expect(rotated, 200)
    XCTAssertNotEqual(rotated.json?["id"]?.intValue, token.id)
    XCTAssertEqual(rotated.json?["name"], .string("deploy"))
    XCTAssertEqual(rotated.json?["scopes"], .array([.string("api"), .string("read_user")]))
    XCTAssertEqual(rotated.json?["expires_at"], .string("2026-12-01"), "default: today + 7 days")
    let secret = rotated.json?["token"]?.stringValue ?? ""
    XCTAssertNotEqual(secret, token.token)
    expect(send("GET", "/api/v4/user", token: secret), 200)
    XCTAssertEqual(send("GET", "/api/v4/personal_access_tokens/\(token.id)").json?["revoked"], .bool(true))
    expect(send("POST", "/api/v4/personal_access_tokens/\(token.id)/rotate"), 400,
      #"{"message":"400 Bad request - Token already revoked"}"#)
    let newID = rotated.json?["id"]?.intValue ?? 0
    expect(send("POST", "/api/v4/personal_access_tokens/\(newID)/rotate", json: #"{"expires_at":"2028-01-01"}"#),
      400, #"{"message":"400 Bad request - Expires at must be before 2027-11-24"}"#)
    XCTAssertEqual(send("POST", "/api/v4/personal_access_tokens/\(newID)/rotate",
      json: #"{"expires_at":"2027-03-01"}"#).json?["expires_at"], .string("2027-03-01"))
    // Denied: non-admins get 401, admins 404.
    expect(send("POST", "/api/v4/personal_access_tokens/1/rotate", token: alice.token), 401)
    expect(send("POST", "/api/v4/personal_access_tokens/999/rotate"), 404, #"{"message":"404 Not Found"}"#)
  }

  func testSelfRotateNeedsApiOrSelfRotate() {
    let alice = createUser("alice")
    let limited = createToken(for: alice, scopes: ["read_api"])
    expect(send("POST", "/api/v4/personal_access_tokens/self/rotate", token: limited.token), 403)
    let rotating = createToken(for: alice, scopes: ["self_rotate"])
    let rotated = send("POST", "/api/v4/personal_access_tokens/self/rotate", token: rotating.token)
    expect(rotated, 200)
    XCTAssertEqual(rotated.json?["scopes"], .array([.string("self_rotate")]))
    expect(send("GET", "/api/v4/personal_access_tokens/self", token: rotating.token), 401)
  }

  func testReusingARotatedTokenRevokesTheWholeFamily() {
    let alice = createUser("alice")
    let first = createToken(for: alice)
    let second = send("POST", "/api/v4/personal_access_tokens/self/rotate", token: first.token)
    let secondSecret = second.json?["token"]?.stringValue ?? ""
    let third = send("POST", "/api/v4/personal_access_tokens/self/rotate", token: secondSecret)
    let thirdSecret = third.json?["token"]?.stringValue ?? ""
    let thirdID = third.json?["id"]?.intValue ?? 0
    // Using a revoked token anywhere else just fails...
    expect(send("GET", "/api/v4/user", token: first.token), 401)
    expect(send("GET", "/api/v4/user", token: thirdSecret), 200)
    // ...but on a rotate route it revokes every active descendant, then fails.
    expect(send("POST", "/api/v4/personal_access_tokens/self/rotate", token: first.token), 401,
      #"{"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}"#)
    expect(send("GET", "/api/v4/user", token: thirdSecret), 401)
    XCTAssertEqual(send("GET", "/api/v4/personal_access_tokens/\(thirdID)").json?["revoked"], .bool(true))
  }

  func testAnExpiredOldTokenDoesNotTriggerReuseDetection() {
    let alice = createUser("alice")
    let first = createToken(for: alice, expiresAt: "2026-11-26")
    let second = send("POST", "/api/v4/personal_access_tokens/self/rotate", token: first.token,
      json: #"{"expires_at":"2027-01-01"}"#)
    advanceClock(days: 3)
    expect(send("POST", "/api/v4/personal_access_tokens/self/rotate", token: first.token), 401)
    expect(send("GET", "/api/v4/user", token: second.json?["token"]?.stringValue), 200)
  }

  func testSelfServiceCreationIsLimitedToTwoScopes() {
    let alice = userWithToken("alice")
    expect(send("POST", "/api/v4/user/personal_access_tokens", token: alice.token,
      json: #"{"name":"x","scopes":["api"]}"#), 400, #"{"error":"scopes does not have a valid value"}"#)
    let created = send("POST", "/api/v4/user/personal_access_tokens", token: alice.token,
      json: #"{"name":"rotator","scopes":["self_rotate"]}"#)
    expect(created, 201)
    XCTAssertEqual(created.json?["user_id"]?.intValue, alice.id)
    XCTAssertEqual(created.json?["expires_at"], .string("2027-11-24"))
  }
}
