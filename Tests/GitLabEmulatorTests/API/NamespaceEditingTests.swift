import Foundation
import XCTest

@testable import GitLabEmulator

/// Renames and transfers: ids stay, tokens and variables keep working, a project's old path
/// redirects (301 for GET, 405 otherwise) until something else takes it, a group's old path
/// is 404.
final class NamespaceEditingTests: APITestCase {
  /// A GET on a raw connection, so a redirect is seen rather than followed.
  private func rawGET(_ path: String) throws -> RawResponse {
    let connection = try RawConnection(port: emulator.port)
    return try connection.readResponseTo(
      "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(emulator.port)\r\n"
        + "PRIVATE-TOKEN: \(APITestCase.root)\r\n\r\n")
  }

  func testRenamingAProjectPathKeepsItsTokensAndVariablesAndRedirectsTheOldPath() throws {
    let team = createGroup("team")
    let project = createProject("app", namespace: team)
    let token = send(
      "POST", "/api/v4/projects/\(project)/access_tokens",
      json: #"{"name":"ci","scopes":["api"],"access_level":40}"#).json?["token"]?.stringValue ?? ""
    expect(send("POST", "/api/v4/projects/\(project)/variables", json: #"{"key":"K","value":"v"}"#), 201)
    let renamed = send("PUT", "/api/v4/projects/team%2Fapp", json: #"{"path":"service","name":"Service"}"#)
    expect(renamed, 200)
    XCTAssertEqual(renamed.json?["id"]?.intValue, project)
    XCTAssertEqual(renamed.json?["path_with_namespace"], .string("team/service"))
    XCTAssertEqual(renamed.json?["name"], .string("Service"))
    // Everything addressed by id still works; the bot's token still authenticates.
    XCTAssertEqual(send("GET", "/api/v4/projects/\(project)/variables/K").json?["value"], .string("v"))
    XCTAssertEqual(send("GET", "/api/v4/projects/\(project)/access_tokens").json?.arrayValue?.count, 1)
    expect(send("GET", "/api/v4/projects/\(project)", token: token), 200)
    expect(send("GET", "/api/v4/projects/team%2Fservice/variables/K"), 200)
    // The old path: GET is a permanent redirect to the numeric id, writes are refused.
    let moved = try rawGET("/api/v4/projects/team%2Fapp/variables/K?x=1")
    XCTAssertEqual(moved.status, 301)
    XCTAssertEqual(moved.header("Content-Type"), "text/plain")
    let location = "\(emulator.rootURL.absoluteString)/api/v4/projects/\(project)/variables/K?x=1"
    XCTAssertEqual(moved.header("Location"), location)
    XCTAssertEqual(moved.bodyText, "This resource has been moved permanently to \(location)")
    expect(send("GET", "/api/v4/projects/team%2Fapp"), 200, nil)  // URLSession follows it
    expect(
      send("PUT", "/api/v4/projects/team%2Fapp/variables/K", json: #"{"value":"w"}"#), 405,
      #"{"message":"Non GET methods are not allowed for moved projects"}"#)
    // Someone who cannot read the project learns nothing from the old path.
    let outsider = userWithToken("outsider")
    expect(send("GET", "/api/v4/projects/team%2Fapp", token: outsider.token), 404,
      #"{"message":"404 Project Not Found"}"#)
    // A new project on the old path takes it over.
    let newcomer = createProject("app", namespace: team)
    XCTAssertEqual(send("GET", "/api/v4/projects/team%2Fapp").json?["id"]?.intValue, newcomer)
  }

  func testProjectRenameRules() {
    let team = createGroup("team")
    let project = createProject("app", namespace: team)
    createProject("web", namespace: team)
    expect(send("PUT", "/api/v4/projects/\(project)", json: #"{"path":"web"}"#), 400,
      #"{"message":{"path":["has already been taken"]}}"#)
    expect(send("PUT", "/api/v4/projects/\(project)", json: #"{"name":"web"}"#), 400,
      #"{"message":{"name":["has already been taken"]}}"#)
    expect(send("PUT", "/api/v4/projects/\(project)", json: #"{"path":"-bad"}"#), 400,
      #"{"message":{"path":["\#(NamespaceEditing.projectPathMessage)"]}}"#)
    expect(send("PUT", "/api/v4/projects/\(project)", json: #"{"visibility":"private"}"#), 400,
      #"{"error":"description, name, path are missing, at least one parameter must be provided"}"#)
    let developer = userWithToken("dev")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    expect(send("PUT", "/api/v4/projects/\(project)", token: developer.token, json: #"{"path":"x"}"#), 403)
    let maintainer = userWithToken("maint")
    addMember(maintainer.id, to: "projects/\(project)", level: 40)
    expect(send("PUT", "/api/v4/projects/\(project)", token: maintainer.token, json: #"{"path":"x"}"#), 200)
    // A change of letter case only is not a move.
    expect(send("PUT", "/api/v4/projects/\(project)", json: #"{"path":"X"}"#), 200)
    expect(send("GET", "/api/v4/projects/team%2Fx"), 200)
  }

  func testTransferringAProject() {
    let team = createGroup("team")
    let other = createGroup("other")
    let project = createProject("app", namespace: team)
    createProject("app", namespace: createGroup("busy"))
    expect(send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{}"#), 400,
      #"{"error":"namespace is missing"}"#)
    expect(send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{"namespace":"nowhere"}"#), 404,
      #"{"message":"404 Namespace Not Found"}"#)
    expect(send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{"namespace":"team"}"#), 400,
      #"{"message":"Failed to transfer project {:new_namespace=>[\"Project is already in this namespace.\"]}"}"#)
    expect(send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{"namespace":"busy"}"#), 400,
      #"{"message":"Failed to transfer project {:new_namespace=>[\"Project with same name or path in target namespace already exists\"]}"}"#)
    let maintainer = userWithToken("maint")
    addMember(maintainer.id, to: "projects/\(project)", level: 40)
    expect(send("PUT", "/api/v4/projects/\(project)/transfer", token: maintainer.token,
      json: #"{"namespace":"other"}"#), 403)
    let moved = send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{"namespace":\#(other)}"#)
    expect(moved, 200)
    XCTAssertEqual(moved.json?["path_with_namespace"], .string("other/app"))
    expect(send("DELETE", "/api/v4/projects/team%2Fapp/variables/K"), 405)
    XCTAssertEqual(send("GET", "/api/v4/projects/other%2Fapp").json?["id"]?.intValue, project)
    // Into root's personal namespace (by username), and never into a bot's.
    let bot = send("POST", "/api/v4/projects/\(project)/access_tokens",
      json: #"{"name":"b","scopes":["api"]}"#).json?["user_id"]?.intValue ?? 0
    let botName = send("GET", "/api/v4/users/\(bot)").json?["username"]?.stringValue ?? ""
    expect(send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{"namespace":"\#(botName)"}"#), 400,
      #"{"message":"Failed to transfer project {:new_namespace=>[\"You don't have permission to transfer projects into that namespace.\"]}"}"#)
    XCTAssertEqual(
      send("PUT", "/api/v4/projects/\(project)/transfer", json: #"{"namespace":"root"}"#)
        .json?["path_with_namespace"], .string("root/app"))
  }

  func testRenamingAGroupMovesItsProjectsButItsOldPathIsGone() throws {
    let team = createGroup("team")
    let sub = createGroup("sub", parent: team)
    let project = createProject("app", namespace: sub)
    expect(send("POST", "/api/v4/groups/\(team)/variables", json: #"{"key":"G","value":"g"}"#), 201)
    let renamed = send("PUT", "/api/v4/groups/team", json: #"{"path":"crew","name":"Crew"}"#)
    expect(renamed, 200)
    XCTAssertEqual(renamed.json?["full_path"], .string("crew"))
    expect(send("GET", "/api/v4/groups/team"), 404, #"{"message":"404 Group Not Found"}"#)
    XCTAssertEqual(send("GET", "/api/v4/groups/crew%2Fsub").json?["id"]?.intValue, sub)
    XCTAssertEqual(send("GET", "/api/v4/groups/\(team)/variables/G").json?["value"], .string("g"))
    XCTAssertEqual(try rawGET("/api/v4/projects/team%2Fsub%2Fapp").status, 301)
    XCTAssertEqual(
      send("GET", "/api/v4/projects/crew%2Fsub%2Fapp").json?["id"]?.intValue, project)
    createGroup("taken")
    expect(send("PUT", "/api/v4/groups/\(team)", json: #"{"path":"taken"}"#), 400,
      #"{"message":{"path":["has already been taken"]}}"#)
    let owner = userWithToken("owner")
    addMember(owner.id, to: "groups/\(team)", level: 40)
    expect(send("PUT", "/api/v4/groups/\(team)", token: owner.token, json: #"{"name":"Mine"}"#), 403)
  }

  func testTransferringAGroup() throws {
    let team = createGroup("team")
    let sub = createGroup("sub", parent: team)
    let other = createGroup("other")
    createProject("app", namespace: sub)
    expect(send("POST", "/api/v4/groups/\(team)/transfer", json: #"{}"#), 400,
      #"{"message":"Transfer failed: Group is already a root group."}"#)
    expect(send("POST", "/api/v4/groups/\(sub)/transfer", json: #"{"group_id":\#(team)}"#), 400,
      #"{"message":"Transfer failed: Group is already associated to the parent group."}"#)
    expect(send("POST", "/api/v4/groups/\(team)/transfer", json: #"{"group_id":\#(sub)}"#), 400,
      #"{"message":"Transfer failed: Cannot transfer group to one of its subgroup."}"#)
    expect(send("POST", "/api/v4/groups/\(team)/transfer", json: #"{"group_id":999}"#), 404,
      #"{"message":"404 Group Not Found"}"#)
    createGroup("sub", parent: other)
    expect(send("POST", "/api/v4/groups/\(sub)/transfer", json: #"{"group_id":\#(other)}"#), 400,
      #"{"message":"Transfer failed: The parent group already has a subgroup or a project with the same path."}"#)
    let moved = send("POST", "/api/v4/groups/\(sub)/transfer", json: #"{"group_id":null}"#)
    expect(moved, 201)
    XCTAssertEqual(moved.json?["full_path"], .string("sub"))
    XCTAssertEqual(moved.json?["parent_id"], .null)
    expect(send("GET", "/api/v4/projects/sub%2Fapp"), 200)
    XCTAssertEqual(try rawGET("/api/v4/projects/team%2Fsub%2Fapp").status, 301)
  }
}
