import XCTest

@testable import GitLabEmulator

/// Project and group access tokens (§4): bots, access levels, permissions, rotation.
final class ResourceTokenRoutesTests: APITestCase {
  func testCreateMakesABotMemberAndReturnsTheSecret() {
    let project = createProject("app")
    let created = send("POST", "/api/v4/projects/\(project)/access_tokens",
      form: "name=deployer&scopes[]=read_api&scopes[]=read_repository")
    expect(created, 201)
    XCTAssertEqual(created.json?["access_level"], .int(40), "default Maintainer")
    XCTAssertEqual(created.json?["resource_type"], .string("project"))
    XCTAssertEqual(created.json?["resource_id"]?.intValue, project)
    XCTAssertEqual(created.json?["expires_at"], .string("2027-11-24"))
    let botID = created.json?["user_id"]?.intValue ?? 0
    let bot = send("GET", "/api/v4/users/\(botID)").json
    let username = bot?["username"]?.stringValue ?? ""
    XCTAssertTrue(username.hasPrefix("project_\(project)_bot_"), username)
    XCTAssertEqual(username.count, "project_\(project)_bot_".count + 32)
    XCTAssertEqual(bot?["bot"], .bool(true))
    XCTAssertEqual(bot?["name"], .string("deployer"))
    let members = send("GET", "/api/v4/projects/\(project)/members").json?.arrayValue
    XCTAssertEqual(members?.first?["access_level"], .int(40))
    // The bot token works on its project.
    let secret = created.json?["token"]?.stringValue
    expect(send("GET", "/api/v4/projects/\(project)", token: secret), 200)
  }

  func testGroupTokensAndValidation() {
    let group = createGroup("team")
    let base = "/api/v4/groups/\(group)/access_tokens"
    let created = send("POST", base, json: #"{"name":"g","scopes":["api"],"access_level":50}"#)
    expect(created, 201)
    XCTAssertEqual(created.json?["resource_type"], .string("group"))
    let bot = send("GET", "/api/v4/users/\(created.json?["user_id"]?.intValue ?? 0)").json
    XCTAssertTrue(bot?["username"]?.stringValue?.hasPrefix("group_\(group)_bot_") ?? false)
    expect(send("POST", base, json: #"{"name":"g","scopes":["read_user"]}"#), 400,
      #"{"error":"scopes does not have a valid value"}"#)
    expect(send("POST", base, json: #"{"name":"g","scopes":["api"],"access_level":60}"#), 400,
      #"{"error":"access_level does not have a valid value"}"#)
    expect(send("POST", base, json: #"{"scopes":["api"]}"#), 400, #"{"error":"name is missing"}"#)
    expect(send("POST", base, json: #"{"name":"g","scopes":["api"],"expires_at":"2028-01-01"}"#), 400,
      #"{"message":"400 Bad request - Expires at must be before 2027-11-24"}"#)
    expect(send("GET", "/api/v4/groups/999/access_tokens"), 404, #"{"message":"404 Group Not Found"}"#)
  }

  func testPermissionRules() {
    let group = createGroup("team")
    let project = createProject("app", namespace: group)
    let developer = userWithToken("dev")
    let maintainer = userWithToken("maint")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    addMember(maintainer.id, to: "projects/\(project)", level: 40)
    addMember(maintainer.id, to: "groups/\(group)", level: 40)
    let projectBase = "/api/v4/projects/\(project)/access_tokens"
    expect(send("GET", projectBase, token: developer.token), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("POST", projectBase, token: developer.token, json: #"{"name":"x","scopes":["api"]}"#), 400,
      #"{"message":"400 Bad request - User does not have permission to create project access token"}"#)
    expect(send("POST", projectBase, token: maintainer.token,
      json: #"{"name":"x","scopes":["api"],"access_level":50}"#), 400,
      #"{"message":"400 Bad request - Could not provision owner access to project access token"}"#)
    expect(send("POST", projectBase, token: maintainer.token, json: #"{"name":"x","scopes":["api"]}"#), 201)
    // A group Maintainer is not enough for group tokens.
    expect(send("GET", "/api/v4/groups/\(group)/access_tokens", token: maintainer.token), 401)
    expect(send("POST", "/api/v4/groups/\(group)/access_tokens", token: maintainer.token,
      json: #"{"name":"x","scopes":["api"]}"#), 400,
      #"{"message":"400 Bad request - User does not have permission to create group access token"}"#)
    // Bots cannot create tokens.
    let bot = send("POST", projectBase, json: #"{"name":"bot","scopes":["api"]}"#).json?["token"]?.stringValue
    expect(send("POST", projectBase, token: bot, json: #"{"name":"x","scopes":["api"]}"#), 400)
  }

  func testRevokedAndExpiredTokensAreStillListed() {
    let project = createProject("app")
    let base = "/api/v4/projects/\(project)/access_tokens"
    let first = send("POST", base, json: #"{"name":"a","scopes":["api"],"expires_at":"2026-11-25"}"#)
    let second = send("POST", base, json: #"{"name":"b","scopes":["api"]}"#)
    let secondID = second.json?["id"]?.intValue ?? 0
    expect(send("DELETE", "\(base)/\(secondID)"), 204)
    expect(send("DELETE", "\(base)/\(secondID)"), 204)
    advanceClock(days: 2)
    let listed = send("GET", base).json?.arrayValue
    XCTAssertEqual(listed?.map { $0["name"] }, [.string("a"), .string("b")])
    XCTAssertEqual(listed?.map { $0["expired"] }, [.bool(true), .bool(false)])
    XCTAssertEqual(listed?.map { $0["revoked"] }, [.bool(false), .bool(true)])
    XCTAssertEqual(send("GET", "\(base)?state=active").text, "[]")
    XCTAssertEqual(send("GET", "\(base)/\(first.json?["id"]?.intValue ?? 0)").json?["active"], .bool(false))
    expect(send("GET", "\(base)/1"), 404, #"{"message":"404 project Access Token Not Found"}"#)
    expect(send("DELETE", "\(base)/1"), 404, #"{"message":"404 project Access Token Not Found"}"#)
  }

  func testRevokeWithoutRightsNamesBothUsers() {
    let project = createProject("app")
    let developer = userWithToken("dev")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    let token = send("POST", "/api/v4/projects/\(project)/access_tokens", json: #"{"name":"Deploy bot","scopes":["api"]}"#)
    expect(send("DELETE", "/api/v4/projects/\(project)/access_tokens/\(token.json?["id"]?.intValue ?? 0)",
      token: developer.token), 400, #"{"message":"400 Bad request - Dev cannot delete Deploy bot"}"#)
  }

  func testRotateAndSelfRotate() {
    let project = createProject("app")
    let base = "/api/v4/projects/\(project)/access_tokens"
    let created = send("POST", base, json: #"{"name":"a","scopes":["api"],"access_level":30}"#)
    let id = created.json?["id"]?.intValue ?? 0
    let rotated = send("POST", "\(base)/\(id)/rotate")
    expect(rotated, 200)
    XCTAssertEqual(rotated.json?["user_id"], created.json?["user_id"], "same bot")
    XCTAssertEqual(rotated.json?["access_level"], .int(30))
    XCTAssertEqual(rotated.json?["expires_at"], .string("2026-12-01"))
    let secret = rotated.json?["token"]?.stringValue
    let again = send("POST", "\(base)/self/rotate", token: secret)
    expect(again, 200)
    XCTAssertEqual(again.json?["resource_id"]?.intValue, project)
    // A human's token on self/rotate: 405; another project's bot: 401.
    expect(send("POST", "\(base)/self/rotate"), 405, #"{"message":"405 Method Not Allowed"}"#)
    let other = createProject("other")
    let otherBot = send("POST", "/api/v4/projects/\(other)/access_tokens", json: #"{"name":"o","scopes":["api"]}"#)
    addMember(otherBot.json?["user_id"]?.intValue ?? 0, to: "projects/\(project)", level: 10)
    expect(send("POST", "\(base)/self/rotate", token: otherBot.json?["token"]?.stringValue), 401)
    // Reuse of the revoked predecessor on a rotate route revokes the current token.
    let current = again.json?["token"]?.stringValue
    expect(send("POST", "\(base)/self/rotate", token: secret), 401)
    expect(send("GET", "/api/v4/projects/\(project)", token: current), 401)
    // Denied rotation: non-admins 401, admins 404.
    let developer = userWithToken("dev")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    expect(send("POST", "\(base)/\(id)/rotate", token: developer.token), 401)
    expect(send("POST", "\(base)/999/rotate"), 404, #"{"message":"404 Not Found"}"#)
  }

  func testMaintainerCannotRotateAnOwnerLevelToken() {
    let project = createProject("app")
    let maintainer = userWithToken("maint")
    addMember(maintainer.id, to: "projects/\(project)", level: 40)
    let owner = send("POST", "/api/v4/projects/\(project)/access_tokens",
      json: #"{"name":"o","scopes":["api"],"access_level":50}"#)
    expect(send("POST", "/api/v4/projects/\(project)/access_tokens/\(owner.json?["id"]?.intValue ?? 0)/rotate",
      token: maintainer.token), 400,
      #"{"message":"400 Bad request - Not eligible to rotate token with access level higher than the user"}"#)
  }
}
