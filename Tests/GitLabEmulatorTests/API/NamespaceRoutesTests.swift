import XCTest

@testable import GitLabEmulator

/// Projects, groups and members (§0.5).
final class NamespaceRoutesTests: APITestCase {
  func testGroupsSubgroupsAndProjectsByIdOrEncodedPath() {
    let group = createGroup("infra")
    let sub = createGroup("platform.team", parent: group)
    let project = createProject("web app", namespace: sub)
    let shown = send("GET", "/api/v4/projects/infra%2Fplatform%2Eteam%2Fweb-app")
    expect(shown, 200)
    XCTAssertEqual(shown.json?["id"]?.intValue, project)
    XCTAssertEqual(shown.json?["path_with_namespace"], .string("infra/platform.team/web-app"))
    XCTAssertEqual(shown.json?["namespace"]?["full_path"], .string("infra/platform.team"))
    XCTAssertEqual(send("GET", "/api/v4/projects/INFRA%2Fplatform.team%2FWEB-APP").json?["id"]?.intValue,
      project, "case-insensitive second try")
    XCTAssertEqual(send("GET", "/api/v4/projects/\(project)").json?["name"], .string("web app"))
    expect(send("GET", "/api/v4/projects/web-app"), 404, #"{"message":"404 Project Not Found"}"#)
    expect(send("GET", "/api/v4/projects/999"), 404, #"{"message":"404 Project Not Found"}"#)
    let subgroup = send("GET", "/api/v4/groups/infra%2Fplatform.team").json
    XCTAssertEqual(subgroup?["id"]?.intValue, sub)
    XCTAssertEqual(subgroup?["parent_id"]?.intValue, group)
    XCTAssertEqual(subgroup?["full_path"], .string("infra/platform.team"))
    expect(send("GET", "/api/v4/groups/nope"), 404, #"{"message":"404 Group Not Found"}"#)
  }

  func testValidationErrors() {
    expect(send("POST", "/api/v4/groups", json: "{}"), 400, #"{"error":"name is missing, path is missing"}"#)
    expect(send("POST", "/api/v4/projects", json: "{}"), 400,
      #"{"error":"name, path are missing, at least one parameter must be provided"}"#)
    createGroup("infra")
    expect(send("POST", "/api/v4/groups", json: #"{"name":"I","path":"infra"}"#), 400,
      #"{"message":{"path":["has already been taken"]}}"#)
    createProject("app")
    expect(send("POST", "/api/v4/projects", json: #"{"name":"app"}"#), 400,
      #"{"message":{"path":["has already been taken"]}}"#)
  }

  func testPrivateResourcesAreNotFoundForOutsiders() {
    let alice = userWithToken("alice")
    let project = createProject("secret")
    let group = createGroup("team")
    expect(send("GET", "/api/v4/projects/\(project)", token: alice.token), 404,
      #"{"message":"404 Project Not Found"}"#)
    expect(send("GET", "/api/v4/groups/\(group)", token: alice.token), 404,
      #"{"message":"404 Group Not Found"}"#)
    addMember(alice.id, to: "groups/\(group)", level: 10)
    expect(send("GET", "/api/v4/groups/\(group)", token: alice.token), 200)
  }

  func testMembersAndInheritedAccess() {
    let alice = userWithToken("alice")
    let group = createGroup("team")
    let project = createProject("app", namespace: group)
    let added = send("POST", "/api/v4/projects/\(project)/members",
      json: #"{"user_id":\#(alice.id),"access_level":30}"#)
    expect(added, 201)
    XCTAssertEqual(added.json?["access_level"], .int(30))
    XCTAssertEqual(added.json?["username"], .string("alice"))
    expect(send("POST", "/api/v4/projects/\(project)/members",
      json: #"{"user_id":\#(alice.id),"access_level":30}"#), 409, #"{"message":"Member already exists"}"#)
    expect(send("POST", "/api/v4/projects/\(project)/members",
      json: #"{"user_id":\#(alice.id),"access_level":60}"#), 400,
      #"{"error":"access_level does not have a valid value"}"#)
    expect(send("POST", "/api/v4/projects/\(project)/members",
      json: #"{"user_id":999,"access_level":30}"#), 404, #"{"message":"404 User Not Found"}"#)
    // A Developer cannot add members.
    let bob = createUser("bob")
    expect(send("POST", "/api/v4/projects/\(project)/members", token: alice.token,
      json: #"{"user_id":\#(bob),"access_level":30}"#), 403, #"{"message":"403 Forbidden"}"#)
    let members = send("GET", "/api/v4/projects/\(project)/members").json?.arrayValue
    XCTAssertEqual(members?.map { $0["username"] }, [.string("alice")])
    // Group membership is inherited by the group's projects.
    let carol = userWithToken("carol")
    addMember(carol.id, to: "groups/\(group)", level: 40)
    expect(send("GET", "/api/v4/projects/\(project)", token: carol.token), 200)
    XCTAssertEqual(send("GET", "/api/v4/projects", token: carol.token).json?.arrayValue?.count, 1)
  }

  func testPersonalProjectsBelongToTheirCreator() {
    let alice = userWithToken("alice")
    let project = createProject("mine", token: alice.token)
    let shown = send("GET", "/api/v4/projects/alice%2Fmine", token: alice.token)
    XCTAssertEqual(shown.json?["id"]?.intValue, project)
    XCTAssertEqual(shown.json?["namespace"]?["kind"], .string("user"))
  }
}
