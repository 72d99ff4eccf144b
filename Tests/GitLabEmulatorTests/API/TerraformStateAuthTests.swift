import XCTest

@testable import GitLabEmulator

/// Terraform-state routes also take Bearer and PRIVATE-TOKEN, and a HEAD gets no body.
final class TerraformStateAuthTests: APITestCase {
  func testBearerAndHead() {
    let base = "/api/v4/projects/\(createProject("infra"))/terraform/state"
    expect(send("POST", "\(base)/s", token: nil, json: #"{"serial":1}"#,
      headers: ["Authorization": "Bearer \(APITestCase.root)"]), 200)
    let head = send("HEAD", "\(base)/s")
    XCTAssertEqual(head.status, 200)
    XCTAssertEqual(head.body.count, 0)
  }
}
