import XCTest

@testable import GitLabEmulator

/// GitLab-managed Terraform state (§7): state bytes, serials, locks, Basic auth.
final class TerraformStateRoutesTests: APITestCase {
  var base = ""
  let lockInfo = #"{"ID":"lock-1","Operation":"OperationTypeApply","Info":"","Who":"me@host","Version":"1.11.0","Created":"2026-11-24T08:00:00Z","Path":""}"#

  override func setUpWithError() throws {
    try super.setUpWithError()
    base = "/api/v4/projects/\(createProject("infra"))/terraform/state"
  }

  var basic: [String: String] {
    ["Authorization": "Basic " + Data("terraform:\(APITestCase.root)".utf8).base64EncodedString()]
  }

  func testStateRoundTripWithBasicAuth() {
    expect(send("GET", "\(base)/prod", token: nil, headers: basic), 404, #"{"message":"404 Not found"}"#)
    let state = #"{"version":4,"serial":1,"lineage":"abc","resources":[]}"#
    expect(send("POST", "\(base)/prod", token: nil, json: state, headers: basic), 200, "")
    let read = send("GET", "\(base)/prod", token: nil, headers: basic)
    expect(read, 200, state)
    expect(send("POST", "\(base)/prod", json: state), 422, #"{"message":"422 Unprocessable Entity"}"#)
    expect(send("POST", "\(base)/prod", json: #"{"version":4}"#), 422, #"{"message":"No serial in payload"}"#)
    expect(send("POST", "\(base)/prod", json: "not json"), 422, #"{"message":"invalid JSON"}"#)
    expect(send("POST", "\(base)/prod", json: ""), 204)
    expect(send("DELETE", "\(base)/prod"), 200, "")
    expect(send("GET", "\(base)/prod"), 404)
    let wrong = ["Authorization": "Basic " + Data("x:glpat-wrong".utf8).base64EncodedString()]
    expect(send("GET", "\(base)/prod", token: nil, headers: wrong), 401)
  }

  func testEncodedNamesAndRawSlashes() {
    let state = #"{"serial":1}"#
    expect(send("POST", "\(base)/env%2Fprod.tfstate", json: state), 200)
    expect(send("GET", "\(base)/env%2Fprod.tfstate"), 200, state)
    expect(send("GET", "\(base)/env/prod.tfstate"), 404, #"{"error":"404 Not Found"}"#)
  }

  func testLockingConflictsAndUnlock() {
    let locked = send("POST", "\(base)/prod/lock", json: lockInfo)
    expect(locked, 200,
      #"{"Operation":"OperationTypeApply","Info":"","Version":"1.11.0","Path":"","ID":"lock-1","Who":"root","Created":"\#(APITestCase.start)"}"#)
    expect(send("GET", "\(base)/prod"), 204, "")
    let other = lockInfo.replacingOccurrences(of: "lock-1", with: "lock-2")
      .replacingOccurrences(of: "OperationTypeApply", with: "OperationTypePlan")
    expect(send("POST", "\(base)/prod/lock", json: other), 409,
      #"{"Operation":"OperationTypePlan","Info":"","Version":"1.11.0","Path":"","ID":"lock-1","Who":"root","Created":"\#(APITestCase.start)"}"#)
    expect(send("POST", "\(base)/prod/lock", json: lockInfo), 409)  // even with the same ID
    // Writes must carry the holder's ID.
    expect(send("POST", "\(base)/prod", json: #"{"serial":1}"#), 500, #"{"message":"500 Internal Server Error"}"#)
    expect(send("POST", "\(base)/prod?ID=lock-2", json: #"{"serial":1}"#), 500)
    expect(send("POST", "\(base)/prod?ID=lock-1", json: #"{"serial":1}"#), 200)
    expect(send("DELETE", "\(base)/prod"), 200, "")
    expect(send("GET", "\(base)/prod"), 200)  // a locked state is not deleted
    expect(send("DELETE", "\(base)/prod/lock", json: other), 409, "409")
    expect(send("DELETE", "\(base)/prod/lock", json: lockInfo), 200, "200")
    expect(send("POST", "\(base)/prod/lock", json: other), 200)
    expect(send("DELETE", "\(base)/prod/lock"), 200, "200")
    expect(send("DELETE", "\(base)/other/lock"), 404)
  }

  func testLockParametersAreRequired() {
    expect(send("POST", "\(base)/prod/lock", json: #"{"ID":"x"}"#), 400,
      #"{"error":"Operation is missing, Info is missing, Who is missing, Version is missing, Created is missing, Path is missing"}"#)
  }

  func testDevelopersReadButCannotWrite() {
    let project = base.split(separator: "/")[3]
    let developer = userWithToken("dev")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    expect(send("POST", "\(base)/prod", json: #"{"serial":1}"#), 200)
    expect(send("GET", "\(base)/prod", token: developer.token), 200)
    expect(send("POST", "\(base)/prod", token: developer.token, json: #"{"serial":2}"#), 403,
      #"{"message":"403 Forbidden"}"#)
    expect(send("POST", "\(base)/prod/lock", token: developer.token, json: lockInfo), 403)
    let reporter = userWithToken("rep")
    addMember(reporter.id, to: "projects/\(project)", level: 20)
    expect(send("GET", "\(base)/prod", token: reporter.token), 403)
  }
}
