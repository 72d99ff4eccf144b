import XCTest

@testable import GitLabEmulator

/// CI/CD variables (§6): fields, scopes, masked and hidden rules, errors.
final class VariableRoutesTests: APITestCase {
  var base = ""

  override func setUpWithError() throws {
    try super.setUpWithError()
    base = "/api/v4/projects/\(createProject("app"))/variables"
  }

  func testCreateReadUpdateDelete() {
    let created = send("POST", base, form: "key=+TOKEN+&value=s3cret&description=deploy")
    expect(created, 201,
      #"{"variable_type":"env_var","key":"TOKEN","value":"s3cret","hidden":false,"protected":false,"masked":false,"raw":false,"environment_scope":"*","description":"deploy"}"#)
    XCTAssertEqual(send("GET", "\(base)/TOKEN").json?["value"], .string("s3cret"))
    let updated = send("PUT", "\(base)/TOKEN", json: #"{"value":"n3w-value","protected":true,"key":"IGNORED"}"#)
    expect(updated, 200)
    XCTAssertEqual(updated.json?["key"], .string("TOKEN"))
    XCTAssertEqual(updated.json?["protected"], .bool(true))
    XCTAssertEqual(send("GET", base).json?.arrayValue?.count, 1)
    expect(send("DELETE", "\(base)/TOKEN"), 204, "")
    expect(send("GET", "\(base)/TOKEN"), 404, #"{"message":"404 Variable Not Found"}"#)
  }

  func testEnvironmentScopesAndFilter() {
    expect(send("POST", base, json: #"{"key":"K","value":"prod","environment_scope":"production"}"#), 201)
    expect(send("POST", base, json: #"{"key":"K","value":"stage","environment_scope":"staging"}"#), 201)
    expect(send("POST", base, json: #"{"key":"K","value":"again","environment_scope":"staging"}"#), 400,
      #"{"message":{"key":["(K) has already been taken"]}}"#)
    expect(send("GET", "\(base)/K"), 409,
      #"{"message":"There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"}"#)
    XCTAssertEqual(send("GET", "\(base)/K?filter%5Benvironment_scope%5D=staging").json?["value"], .string("stage"))
    XCTAssertEqual(send("PUT", "\(base)/K", json: #"{"value":"p2","filter":{"environment_scope":"production"}}"#)
      .json?["value"], .string("p2"))
    expect(send("DELETE", "\(base)/K?filter[environment_scope]=production"), 204)
    XCTAssertEqual(send("GET", "\(base)/K").json?["environment_scope"], .string("staging"))
  }

  func testValidation() {
    expect(send("POST", base, json: "{}"), 400, #"{"error":"key is missing, value is missing"}"#)
    expect(send("POST", base, json: #"{"key":"BAD-KEY","value":"v"}"#), 400,
      #"{"message":{"key":["can contain only letters, digits and '_'."]}}"#)
    expect(send("POST", base, json: #"{"key":"K","value":"v","variable_type":"yaml"}"#), 400,
      #"{"error":"variable_type does not have a valid value"}"#)
    expect(send("POST", base, json: #"{"key":"K","value":"v","environment_scope":"a|b"}"#), 400,
      #"{"message":{"environment_scope":["can contain only letters, digits, '-', '_', '/', '$', '{', '}', '.', '*' and spaces"]}}"#)
  }

  func testMaskedValues() {
    expect(send("POST", base, json: #"{"key":"SHORT","value":"1234567","masked":true}"#), 400,
      #"{"message":{"value":["is invalid"]}}"#)
    expect(send("POST", base, json: #"{"key":"SPACE","value":"with space inside","masked":true}"#), 400)
    expect(send("POST", base, json: #"{"key":"BANG","value":"abcdefgh!","masked":true}"#), 400)
    expect(send("POST", base, json: #"{"key":"BANG","value":"abcdefgh!","masked":true,"raw":true}"#), 201)
    expect(send("POST", base, json: #"{"key":"TOKEN","value":"glpat-abc_DEF-123","masked":true}"#), 201)
    expect(send("PUT", "\(base)/TOKEN", json: #"{"value":"short"}"#), 400, #"{"message":{"value":["is invalid"]}}"#)
  }

  func testHiddenVariablesNeverShowTheirValue() {
    let created = send("POST", base, json: #"{"key":"SECRET","value":"glpat-abcdefgh1234","masked_and_hidden":true}"#)
    expect(created, 201)
    XCTAssertEqual(created.json?["value"], .null)
    XCTAssertEqual(created.json?["hidden"], .bool(true))
    XCTAssertEqual(created.json?["masked"], .bool(true))
    XCTAssertEqual(send("GET", "\(base)/SECRET").json?["value"], .null)
    XCTAssertEqual(send("GET", base).json?.arrayValue?.first?["value"], .null)
    expect(send("PUT", "\(base)/SECRET", json: #"{"masked":false}"#), 400,
      #"{"message":{"base":["The visibility setting cannot be changed for masked and hidden variables."]}}"#)
    expect(send("PUT", "\(base)/SECRET", json: #"{"value":"glpat-zyxwvuts9876"}"#), 200)
  }

  func testPermissions() {
    let project = base.split(separator: "/")[3]
    let developer = userWithToken("dev")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    expect(send("GET", base, token: developer.token), 403, #"{"message":"403 Forbidden"}"#)
    let outsider = userWithToken("out")
    expect(send("GET", base, token: outsider.token), 404, #"{"message":"404 Project Not Found"}"#)
  }

  func testGroupVariables() {
    let group = createGroup("team")
    let groupBase = "/api/v4/groups/\(group)/variables"
    expect(send("POST", groupBase, json: #"{"key":"G","value":"one"}"#), 201)
    expect(send("GET", "\(groupBase)/NOPE"), 404, #"{"message":"404 GroupVariable Not Found"}"#)
    XCTAssertEqual(send("GET", "\(groupBase)/G").json?["value"], .string("one"))
    let maintainer = userWithToken("maint")
    addMember(maintainer.id, to: "groups/\(group)", level: 40)
    expect(send("GET", groupBase, token: maintainer.token), 403)  // group variables need Owner
  }
}
