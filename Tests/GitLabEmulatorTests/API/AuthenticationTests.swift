import XCTest

@testable import GitLabEmulator

/// Token sources and GitLab's exact 401/403 bodies (§0.2).
final class AuthenticationTests: APITestCase {
  func testEveryTokenSourceAuthenticates() {
    expect(send("GET", "/api/v4/user"), 200)
    expect(send("GET", "/api/v4/user", token: nil, headers: ["Authorization": "Bearer \(APITestCase.root)"]), 200)
    expect(send("GET", "/api/v4/user?private_token=\(APITestCase.root)", token: nil), 200)
    // Basic works only on Terraform-state routes.
    let basic = "Basic " + Data("anyone:\(APITestCase.root)".utf8).base64EncodedString()
    expect(send("GET", "/api/v4/user", token: nil, headers: ["Authorization": basic]), 401,
      #"{"message":"401 Unauthorized"}"#)
  }

  func testUnknownAndMissingTokens() {
    expect(send("GET", "/api/v4/user", token: "glpat-nope"), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("GET", "/api/v4/user", token: nil), 401, #"{"message":"401 Unauthorized"}"#)
  }

  func testExpiredAndRevokedTokensGetOAuthStyleBodies() {
    let user = createUser("alice")
    let expiring = createToken(for: user, expiresAt: "2026-11-25")
    expect(send("GET", "/api/v4/user", token: expiring.token), 200)
    advanceClock(days: 1)  // 2026-11-25T08:00Z: past 00:00 UTC of expires_at
    let expired = send("GET", "/api/v4/user", token: expiring.token)
    expect(expired, 401,
      #"{"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."}"#)
    XCTAssertNotNil(expired.header("WWW-Authenticate"))

    let revoked = createToken(for: user)
    expect(send("DELETE", "/api/v4/personal_access_tokens/\(revoked.id)"), 204)
    expect(send("GET", "/api/v4/user", token: revoked.token), 401,
      #"{"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}"#)
  }

  func testExpiryIsCheckedBeforeRevocation() {
    let user = createUser("alice")
    let token = createToken(for: user, expiresAt: "2026-11-25")
    expect(send("DELETE", "/api/v4/personal_access_tokens/\(token.id)"), 204)
    advanceClock(days: 1)
    XCTAssertEqual(send("GET", "/api/v4/user", token: token.token).json?["error_description"]?.stringValue,
      "Token is expired. You can either do re-authorization or token refresh.")
  }

  func testInsufficientScope() {
    let user = createUser("alice")
    let readOnly = createToken(for: user, scopes: ["read_repository"])
    expect(send("GET", "/api/v4/personal_access_tokens", token: readOnly.token), 403,
      #"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token.","scope":"api read_api"}"#)
    let readAPI = createToken(for: user, scopes: ["read_api"])
    expect(send("GET", "/api/v4/personal_access_tokens", token: readAPI.token), 200)
    XCTAssertEqual(send("POST", "/api/v4/projects", token: readAPI.token, json: #"{"name":"x"}"#)
      .json?["scope"]?.stringValue, "api")
    // read_user works on the Users API for GET, and /personal_access_tokens/self takes any scope.
    let readUser = createToken(for: user, scopes: ["read_user"])
    expect(send("GET", "/api/v4/user", token: readUser.token), 200)
    expect(send("GET", "/api/v4/personal_access_tokens/self", token: readOnly.token), 200)
  }

  func testAdminOnlyRoutesRefuseOthers() {
    let alice = userWithToken("alice")
    expect(send("POST", "/api/v4/users/1/personal_access_tokens", token: alice.token,
      json: #"{"name":"x","scopes":["api"]}"#), 403, #"{"message":"403 Forbidden"}"#)
    expect(send("GET", "/api/v4/users/1/impersonation_tokens", token: alice.token), 403,
      #"{"message":"403 Forbidden"}"#)
    expect(send("POST", "/api/v4/users/\(alice.id)/block", token: alice.token), 403)
    expect(send("POST", "/api/v4/users/1/impersonation_tokens", token: nil, json: "{}"), 401)
  }

  func testBlockedUsersAreRefused() {
    let alice = userWithToken("alice")
    expect(send("POST", "/api/v4/users/\(alice.id)/block"), 201, "true")
    expect(send("GET", "/api/v4/user", token: alice.token), 403,
      #"{"message":"403 Forbidden - Your account has been blocked."}"#)
    expect(send("POST", "/api/v4/users/\(alice.id)/unblock"), 201, "true")
    expect(send("GET", "/api/v4/user", token: alice.token), 200)
  }

  func testUnknownRoutesAndTheRoot() {
    let root = send("GET", "/api/v4/")
    expect(root, 404, #"{"error":"404 Not Found"}"#)
    XCTAssertNil(root.header("RateLimit-Limit"))
    expect(send("GET", "/api/v4/nothing/here"), 404, #"{"error":"404 Not Found"}"#)
    expect(send("PATCH", "/api/v4/user"), 404, #"{"error":"404 Not Found"}"#)
    expect(send("GET", "/api/v3/user"), 410,
      #"{"error":"API V3 is no longer supported. Use API V4 instead."}"#)
    let ok = send("GET", "/api/v4/user")
    XCTAssertEqual(ok.header("Content-Type"), "application/json")
    XCTAssertEqual(ok.header("X-Frame-Options"), "SAMEORIGIN")
    XCTAssertEqual(ok.header("X-Content-Type-Options"), "nosniff")
  }

  func testMalformedJSONBodyIsABadRequest() {
    expect(send("POST", "/api/v4/projects", json: #"{"name":"#), 400, #"{"message":"400 Bad request"}"#)
  }
}
