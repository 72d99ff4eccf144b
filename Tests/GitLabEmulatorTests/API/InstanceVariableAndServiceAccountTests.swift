import Foundation
import XCTest

@testable import GitLabEmulator

/// Instance-level CI/CD variables (admin, no environment scope, globally unique keys) and
/// instance and group service accounts with their tokens.
final class InstanceVariableAndServiceAccountTests: APITestCase {
  func testInstanceVariables() {
    let alice = userWithToken("alice")
    expect(send("GET", "/api/v4/admin/ci/variables", token: alice.token), 403, #"{"message":"403 Forbidden"}"#)
    expect(send("GET", "/api/v4/admin/ci/variables", token: nil), 401)
    let created = send("POST", "/api/v4/admin/ci/variables",
      json: #"{"key":"DEPLOY","value":"s3cr3t-value","masked":true,"environment_scope":"prod","masked_and_hidden":true}"#)
    expect(created, 201)
    XCTAssertEqual(keys(created.json), ["variable_type", "key", "value", "protected", "masked", "raw", "description"])
    XCTAssertEqual(created.json?["masked"], .bool(true))
    expect(send("POST", "/api/v4/admin/ci/variables", json: #"{"key":"DEPLOY","value":"x"}"#), 400,
      #"{"message":{"key":["(DEPLOY) has already been taken"]}}"#)
    expect(send("POST", "/api/v4/admin/ci/variables",
      json: #"{"key":"BIG","value":"\#(String(repeating: "v", count: 10_001))"}"#), 400,
      #"{"message":{"value":["The value of the provided variable exceeds the 10000 character limit"]}}"#)
    let updated = send("PUT", "/api/v4/admin/ci/variables/DEPLOY", json: #"{"value":"n3w-s3cr3t","key":"IGNORED"}"#)
    XCTAssertEqual(updated.json?["key"], .string("DEPLOY"))
    XCTAssertEqual(send("GET", "/api/v4/admin/ci/variables/DEPLOY").json?["value"], .string("n3w-s3cr3t"))
    expect(send("DELETE", "/api/v4/admin/ci/variables/DEPLOY"), 204)
    expect(send("GET", "/api/v4/admin/ci/variables/DEPLOY"), 404, #"{"message":"404 InstanceVariable Not Found"}"#)
    // A group variable of the same key is a different object.
    let group = createGroup("team")
    expect(send("POST", "/api/v4/groups/\(group)/variables", json: #"{"key":"DEPLOY","value":"g"}"#), 201)
    XCTAssertEqual(send("GET", "/api/v4/admin/ci/variables").json?.arrayValue?.count, 0)
  }

  func testInstanceServiceAccountsAndTheirTokens() {
    let created = send("POST", "/api/v4/service_accounts", json: #"{}"#)
    expect(created, 201)
    XCTAssertEqual(keys(created.json), ["id", "username", "name", "email"])
    XCTAssertEqual(created.json?["name"], .string("Service account user"))
    let username = created.json?["username"]?.stringValue ?? ""
    XCTAssertTrue(username.hasPrefix("service_account_"), username)
    XCTAssertEqual(created.json?["email"], .string("\(username)@noreply.127.0.0.1"))
    let id = created.json?["id"]?.intValue ?? 0
    let named = send("POST", "/api/v4/service_accounts", json: #"{"username":"deployer","name":"Deployer"}"#)
    expect(named, 201)
    expect(send("POST", "/api/v4/service_accounts", json: #"{"username":"deployer"}"#), 400,
      #"{"message":"400 Bad request - Username has already been taken"}"#)
    let alice = userWithToken("alice")
    expect(send("POST", "/api/v4/service_accounts", token: alice.token, json: #"{}"#), 403)
    let listed = send("GET", "/api/v4/service_accounts?order_by=username&sort=asc").json?.arrayValue ?? []
    XCTAssertEqual(listed.compactMap { $0["username"]?.stringValue }, ["deployer", username])
    expect(send("PATCH", "/api/v4/service_accounts/\(id)", json: #"{"name":"Renamed"}"#), 200)
    expect(send("PATCH", "/api/v4/service_accounts/\(alice.id)", json: #"{"name":"x"}"#), 404)
    // Tokens are personal access tokens of the account; the user is external.
    let token = createToken(for: id).token
    let me = send("GET", "/api/v4/user", token: token)
    XCTAssertEqual(me.json?["name"], .string("Renamed"))
    XCTAssertEqual(send("GET", "/api/v4/users/\(id)").json?["external"], .bool(true))
    expect(send("DELETE", "/api/v4/users/\(id)"), 204)
    expect(send("GET", "/api/v4/user", token: token), 401)
  }

  func testGroupServiceAccounts() {
    let group = createGroup("team")
    let sub = createGroup("sub", parent: group)
    expect(send("POST", "/api/v4/groups/\(sub)/service_accounts", json: #"{}"#), 400,
      #"{"message":"400 Bad request - User does not have permission to create a service account in this namespace."}"#)
    let created = send("POST", "/api/v4/groups/\(group)/service_accounts", json: #"{"name":"CI"}"#)
    expect(created, 201)
    let id = created.json?["id"]?.intValue ?? 0
    XCTAssertTrue(created.json?["username"]?.stringValue?.hasPrefix("service_account_group_\(group)_") == true)
    let owner = userWithToken("owner")
    addMember(owner.id, to: "groups/\(group)", level: 50)
    expect(send("POST", "/api/v4/groups/\(group)/service_accounts", token: owner.token, json: #"{}"#), 400)
    expect(send("GET", "/api/v4/groups/\(group)/service_accounts", token: owner.token), 403)
    XCTAssertEqual(send("GET", "/api/v4/groups/\(group)/service_accounts").json?.arrayValue?.count, 1)
    let base = "/api/v4/groups/\(group)/service_accounts/\(id)/personal_access_tokens"
    let token = send("POST", base, json: #"{"name":"deploy","scopes":["api"]}"#)
    expect(token, 201)
    let tokenID = token.json?["id"]?.intValue ?? 0
    XCTAssertNotNil(token.json?["token"]?.stringValue)
    XCTAssertEqual(send("GET", base).json?.arrayValue?.count, 1)
    let rotated = send("POST", "\(base)/\(tokenID)/rotate", json: #"{}"#)
    expect(rotated, 200)
    expect(send("POST", "\(base)/1/rotate", json: #"{}"#), 404, #"{"message":"404 Not Found"}"#)
    let newID = rotated.json?["id"]?.intValue ?? 0
    expect(send("DELETE", "\(base)/\(newID)"), 204)
    expect(send("DELETE", "\(base)/99999"), 404, #"{"message":"404 Personal Access Token Not Found"}"#)
    let human = createUser("human")
    expect(send("DELETE", "/api/v4/groups/\(group)/service_accounts/\(human)"), 404,
      #"{"message":"404 User Not Found"}"#)
    expect(send("DELETE", "/api/v4/groups/\(group)/service_accounts/\(id)"), 204)
    expect(send("GET", "/api/v4/users/\(id)"), 404)
  }

  func testAUserCreatedWithoutSkipConfirmationIsUnconfirmed() {
    let created = send("POST", "/api/v4/users",
      json: #"{"username":"u","name":"U","email":"u@example.com","password":"secret-password"}"#)
    XCTAssertEqual(created.json?["confirmed_at"], .null)
    let emails = send("GET", "/api/v4/users/\(created.json?["id"]?.intValue ?? 0)/emails")
    XCTAssertEqual(emails.json?.arrayValue?.first?["confirmed_at"], .null)
  }
}
