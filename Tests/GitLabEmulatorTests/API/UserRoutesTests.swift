import XCTest

@testable import GitLabEmulator

/// `/users` and `/user` (§5).
final class UserRoutesTests: APITestCase {
  func testCurrentUserShowsIsAdminOnlyToAdmins() {
    let root = send("GET", "/api/v4/user").json
    XCTAssertEqual(root?["username"], .string("root"))
    XCTAssertEqual(root?["is_admin"], .bool(true))
    let alice = userWithToken("alice")
    let me = send("GET", "/api/v4/user", token: alice.token).json
    XCTAssertEqual(me?["id"]?.intValue, alice.id)
    XCTAssertEqual(me?["email"], .string("alice@example.com"))
    XCTAssertNil(me?["is_admin"], "UserPublic has no is_admin key at all")
  }

  func testCreateUserReturnsTheAdminEntityAndRefusesDuplicates() {
    let created = send("POST", "/api/v4/users",
      json: #"{"username":"bob","name":"Bob","email":"bob@example.com","password":"secret-password"}"#)
    expect(created, 201)
    XCTAssertEqual(created.json?["id"], .int(2))
    XCTAssertEqual(created.json?["is_admin"], .bool(false))
    XCTAssertEqual(created.json?["state"], .string("active"))
    XCTAssertEqual(created.json?["created_at"], .string(APITestCase.start))
    XCTAssertEqual(created.json?["web_url"], .string("\(emulator.rootURL.absoluteString)/bob"))
    expect(send("POST", "/api/v4/users",
      json: #"{"username":"BOB","name":"B","email":"b2@example.com","password":"secret-password"}"#),
      409, #"{"message":"Username has already been taken"}"#)
    expect(send("POST", "/api/v4/users",
      json: #"{"username":"bob2","name":"B","email":"bob@example.com","password":"secret-password"}"#),
      409, #"{"message":"Email has already been taken"}"#)
    expect(send("POST", "/api/v4/users", json: #"{"password":"x"}"#), 400,
      #"{"error":"email is missing, name is missing, username is missing"}"#)
  }

  func testListFiltersByUsernameStateAndPaginates() {
    let alice = createUser("alice")
    createUser("bob")
    expect(send("POST", "/api/v4/users/\(alice)/block"), 201, "true")
    let byName = send("GET", "/api/v4/users?username=ALICE").json?.arrayValue
    XCTAssertEqual(byName?.map { $0["id"] }, [.int(alice)])
    XCTAssertEqual(send("GET", "/api/v4/users?username=nobody").text, "[]")
    XCTAssertEqual(send("GET", "/api/v4/users?blocked=true").json?.arrayValue?.map { $0["username"] },
      [.string("alice")])
    XCTAssertEqual(send("GET", "/api/v4/users?active=true").json?.arrayValue?.map { $0["username"] },
      [.string("bob"), .string("root")], "newest first")
    let page = send("GET", "/api/v4/users?per_page=2&sort=asc")
    XCTAssertEqual(page.header("X-Total"), "3")
    XCTAssertEqual(page.json?.arrayValue?.map { $0["id"] }, [.int(1), .int(2)])
  }

  func testNonAdminsSeeBasicUsersAndAnonymousNeedsUsername() {
    let alice = userWithToken("alice")
    let listed = send("GET", "/api/v4/users?username=root", token: alice.token).json?.arrayValue?.first
    XCTAssertEqual(keys(listed), ["id", "username", "name", "state", "locked", "avatar_url", "web_url"])
    expect(send("GET", "/api/v4/users", token: nil), 403,
      #"{"message":"403 Forbidden - Not authorized to access /api/v4/users"}"#)
    XCTAssertEqual(send("GET", "/api/v4/users?username=root", token: nil).json?.arrayValue?.count, 1)
  }

  func testGetUserById() {
    let alice = userWithToken("alice")
    let profile = send("GET", "/api/v4/users/1", token: alice.token).json
    XCTAssertEqual(profile?["username"], .string("root"))
    XCTAssertEqual(profile?["bot"], .bool(false))
    XCTAssertNil(profile?["is_admin"])
    XCTAssertEqual(send("GET", "/api/v4/users/\(alice.id)").json?["is_admin"], .bool(false))
    expect(send("GET", "/api/v4/users/999"), 404, #"{"message":"404 User Not Found"}"#)
    expect(send("GET", "/api/v4/users/1", token: nil), 403,
      #"{"message":"403 Forbidden - Not authorized!"}"#)
  }

  func testBlockUnknownUser() {
    expect(send("POST", "/api/v4/users/77/block"), 404, #"{"message":"404 User Not Found"}"#)
  }

  func testListFiltersAndAdminOnlyOrdering() {
    let zed = createUser("zed")
    advanceClock(days: 1)
    let amy = createUser("amy")
    expect(send("PUT", "/api/v4/users/\(zed)", json: #"{"external":true}"#), 200)
    let names: (String, String?) -> [String] = { query, token in
      let response = token.map { self.send("GET", "/api/v4/users?\(query)", token: $0) }
        ?? self.send("GET", "/api/v4/users?\(query)")
      return (response.json?.arrayValue ?? []).compactMap { $0["username"]?.stringValue }
    }
    XCTAssertEqual(names("external=true", nil), ["zed"])
    XCTAssertEqual(names("exclude_external=true", nil), ["amy", "root"])
    XCTAssertEqual(names("order_by=username&sort=asc", nil), ["amy", "root", "zed"])
    XCTAssertEqual(names("created_after=2026-11-25T00:00:00Z", nil), ["amy"])
    XCTAssertEqual(names("created_before=2026-11-24T12:00:00Z&sort=asc", nil), ["root", "zed"])
    let token = createToken(for: amy).token
    XCTAssertEqual(names("order_by=username&sort=asc&created_after=2026-11-25T00:00:00Z", token),
      ["amy", "zed", "root"], "ordering and dates are admin-only: ignored, newest first")
    expect(send("GET", "/api/v4/users?order_by=email", token: token), 400,
      #"{"error":"order_by does not have a valid value"}"#)
  }
}
