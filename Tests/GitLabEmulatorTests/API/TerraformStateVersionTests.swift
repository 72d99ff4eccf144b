import Foundation
import XCTest

@testable import GitLabEmulator

/// State versions: each upload is kept by serial; a job token reads them like the state.
final class TerraformStateVersionTests: APITestCase {
  func testVersionsAreKeptReadAndDeleted() {
    let project = createProject("infra")
    let state = "/api/v4/projects/\(project)/terraform/state/prod"
    expect(send("POST", state, json: #"{"serial":1,"v":"one"}"#), 200)
    expect(send("POST", state, json: #"{"serial":2,"v":"two"}"#), 200)
    let job = send("POST", "/-/emulator/job_tokens", json: #"{"project_id":\#(project),"user_id":1}"#)
      .json?["token"]?.stringValue ?? ""
    let basic = ["Authorization": "Basic " + Data("gitlab-ci-token:\(job)".utf8).base64EncodedString()]
    expect(send("GET", "\(state)/versions/1", token: nil, headers: basic), 200, #"{"serial":1,"v":"one"}"#)
    expect(send("GET", "\(state)/versions/3"), 404, #"{"message":"404 Not Found"}"#)
    expect(send("GET", "\(state)/versions/x"), 400, #"{"error":"serial is invalid"}"#)
    expect(send("DELETE", "\(state)/versions/2", token: nil, headers: basic), 204)
    expect(send("GET", state), 200, #"{"serial":1,"v":"one"}"#)
    expect(send("DELETE", "\(state)/versions/1"), 204)
    expect(send("GET", state), 204)
    expect(send("POST", state, json: #"{"serial":1,"v":"again"}"#), 200)
  }
}
