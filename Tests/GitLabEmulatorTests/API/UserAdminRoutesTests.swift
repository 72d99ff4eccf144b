import Foundation
import XCTest

@testable import GitLabEmulator

/// `PUT`/`DELETE /users/:id`, moderation with its bare-literal bodies, and what a blocked,
/// deactivated or deleted user's tokens do.
final class UserAdminRoutesTests: APITestCase {
  func testUpdateChecksTakenNamesAndHoldsAnEmailChangeForReconfirmation() {
    let alice = createUser("alice")
    createUser("bob")
    expect(send("PUT", "/api/v4/users/\(alice)", json: #"{"email":"BOB@example.com"}"#), 409,
      #"{"message":"Email has already been taken"}"#)
    expect(send("PUT", "/api/v4/users/\(alice)", json: #"{"username":"Bob"}"#), 409,
      #"{"message":"Username has already been taken"}"#)
    expect(send("PUT", "/api/v4/users/\(alice)", json: #"{"projects_limit":-1}"#), 400,
      #"{"message":{"projects_limit":["must be greater than or equal to 0"]}}"#)
    expect(send("PUT", "/api/v4/users/999", json: #"{"name":"x"}"#), 404, #"{"message":"404 User Not Found"}"#)
    let held = send("PUT", "/api/v4/users/\(alice)", json: #"{"email":"new@example.com","note":"bot","external":true}"#)
    expect(held, 200)
    XCTAssertEqual(held.json?["email"], .string("alice@example.com"), "unconfirmed until reconfirmed")
    XCTAssertEqual(held.json?["note"], .string("bot"))
    XCTAssertEqual(held.json?["external"], .bool(true))
    let changed = send("PUT", "/api/v4/users/\(alice)",
      json: #"{"email":"new@example.com","skip_reconfirmation":true,"username":"alicia"}"#)
    XCTAssertEqual(changed.json?["email"], .string("new@example.com"))
    XCTAssertEqual(changed.json?["username"], .string("alicia"))
    XCTAssertEqual(send("GET", "/api/v4/users?username=alicia").json?.arrayValue?.count, 1)
    // The old primary stays as a confirmed secondary address.
    let emails = send("GET", "/api/v4/users/\(alice)/emails").json?.arrayValue ?? []
    XCTAssertEqual(emails.compactMap { $0["email"]?.stringValue }, ["new@example.com", "alice@example.com"])
    let bob = userWithToken("carol")
    expect(send("PUT", "/api/v4/users/\(alice)", token: bob.token, json: #"{"name":"x"}"#), 403)
  }

  func testModerationFollowsGitLabsStateTable() {
    let user = userWithToken("dana")
    let id = user.id
    expect(send("POST", "/api/v4/users/\(id)/unblock"), 201, "false")
    expect(send("POST", "/api/v4/users/\(id)/activate"), 201, "true")
    expect(send("POST", "/api/v4/users/\(id)/block"), 201, "true")
    expect(send("POST", "/api/v4/users/\(id)/block"), 201, "null")
    expect(send("GET", "/api/v4/user", token: user.token), 403,
      #"{"message":"403 Forbidden - Your account has been blocked."}"#)
    // Blocked users' tokens are still listed, and not revoked.
    let tokens = send("GET", "/api/v4/personal_access_tokens?user_id=\(id)").json?.arrayValue ?? []
    XCTAssertEqual(tokens.first?["revoked"], .bool(false))
    expect(send("POST", "/api/v4/users/\(id)/deactivate"), 403,
      #"{"message":"Error occurred. A blocked user cannot be deactivated"}"#)
    expect(send("POST", "/api/v4/users/\(id)/activate"), 403,
      #"{"message":"Error occurred. A blocked user must be unblocked to be activated"}"#)
    expect(send("POST", "/api/v4/users/\(id)/unblock"), 201, "true")
    expect(send("GET", "/api/v4/user", token: user.token), 200)
    // The token was used today: not dormant, so it cannot be deactivated.
    expect(send("POST", "/api/v4/users/\(id)/deactivate"), 403,
      #"{"message":"The user you are trying to deactivate has been active in the past 90 days and cannot be deactivated"}"#)
    advanceClock(days: 91)
    expect(send("POST", "/api/v4/users/\(id)/deactivate"), 201, "true")
    expect(send("POST", "/api/v4/users/\(id)/deactivate"), 201, "null")
    expect(send("GET", "/api/v4/user", token: user.token), 403,
      #"{"message":"403 Forbidden - Your account has been deactivated by your administrator. Please log back in to reactivate your account."}"#)
    expect(send("POST", "/api/v4/users/\(id)/unblock"), 403,
      #"{"message":"403 Forbidden - Deactivated users cannot be unblocked by the API"}"#)
    expect(send("POST", "/api/v4/users/\(id)/activate"), 201, "true")
    expect(send("POST", "/api/v4/users/1/block"), 403,
      #"{"message":"403 Forbidden - The API initiating user cannot be blocked by the API"}"#)
    expect(send("POST", "/api/v4/users/\(id)/block", token: user.token), 403)
  }

  func testDeletingAUserDeletesItsTokensKeysAndProjectsButNotASoleOwnersGroups() {
    let erin = userWithToken("erin")
    let group = createGroup("erins", token: erin.token)
    expect(send("DELETE", "/api/v4/users/\(erin.id)"), 409,
      #"{"message":"User cannot be removed while is the sole-owner of a group"}"#)
    expect(send("GET", "/api/v4/user", token: erin.token), 200)
    createProject("own", token: erin.token)
    expect(send("DELETE", "/api/v4/users/\(erin.id)?hard_delete=true"), 204)
    expect(send("GET", "/api/v4/users/\(erin.id)"), 404)
    expect(send("GET", "/api/v4/user", token: erin.token), 401)
    expect(send("GET", "/api/v4/groups/\(group)"), 404)
    expect(send("GET", "/api/v4/projects/erin%2Fown"), 404)
    XCTAssertEqual(send("GET", "/api/v4/personal_access_tokens").json?.arrayValue?.count, 1, "root's only")
  }

  func testActivitiesListRecentlyActiveUsersOldestFirst() {
    let frank = userWithToken("frank")
    advanceClock(days: 2)
    let gina = userWithToken("gina")
    expect(send("GET", "/api/v4/user", token: gina.token), 200)
    expect(send("GET", "/api/v4/user", token: frank.token), 200)
    let rows = send("GET", "/api/v4/user/activities", token: frank.token).json?.arrayValue ?? []
    XCTAssertEqual(rows.compactMap { $0["username"]?.stringValue }, ["root", "frank", "gina"])
    XCTAssertEqual(rows.first?["last_activity_on"], .string("2026-11-26"))
    XCTAssertEqual(keys(rows.first), ["username", "last_activity_on", "last_activity_at"])
    let later = send("GET", "/api/v4/user/activities?from=2026-11-27", token: frank.token)
    XCTAssertEqual(later.json?.arrayValue?.count, 0)
    expect(send("GET", "/api/v4/user/activities", token: nil), 401)
  }

  func testANonNumericUserIdMatchesNoRoute() {
    for (method, path) in [("GET", "/api/v4/users/1ASDF"), ("PUT", "/api/v4/users/ASDF"),
      ("DELETE", "/api/v4/users/ASDF"), ("POST", "/api/v4/users/ASDF/unblock"),
      ("GET", "/api/v4/users/ASDF/emails")]
    {
      expect(send(method, path, json: method == "GET" ? nil : "{}"), 404, #"{"error":"404 Not Found"}"#)
    }
  }
}
