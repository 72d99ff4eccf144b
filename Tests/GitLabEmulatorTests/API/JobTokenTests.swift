import Foundation
import XCTest

@testable import GitLabEmulator

/// CI job tokens: started and finished through the control route, accepted on the
/// Terraform-state routes only as Basic `gitlab-ci-token:<token>` (or Bearer), on merge
/// request and note reads, and never on note writes or merge request creation.
final class JobTokenTests: APITestCase {
  private var project = 0
  private var developer = (id: 0, token: "")
  private var maintainer = (id: 0, token: "")

  override func setUpWithError() throws {
    try super.setUpWithError()
    project = createProject("infra")
    developer = userWithToken("dev")
    maintainer = userWithToken("maint")
    addMember(developer.id, to: "projects/\(project)", level: 30)
    addMember(maintainer.id, to: "projects/\(project)", level: 40)
  }

  private func startJob(project: Int, user: Int) -> String {
    let response = send("POST", "/-/emulator/job_tokens", json: #"{"project_id":\#(project),"user_id":\#(user)}"#)
    XCTAssertEqual(response.status, 201, response.text)
    return response.json?["token"]?.stringValue ?? ""
  }

  private func basic(_ user: String, _ password: String) -> [String: String] {
    ["Authorization": "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()]
  }

  func testStateRoutesTakeAJobTokenOnlyAsGitlabCiTokenBasicAuth() {
    let job = startJob(project: project, user: maintainer.id)
    XCTAssertTrue(job.hasPrefix("glcbt-"), job)
    let state = "/api/v4/projects/\(project)/terraform/state/prod"
    expect(send("POST", state, token: nil, json: #"{"serial":1}"#, headers: basic("gitlab-ci-token", job)), 200)
    expect(send("GET", state, token: nil, headers: basic("gitlab-ci-token", job)), 200, #"{"serial":1}"#)
    expect(send("GET", state, token: nil, headers: ["Authorization": "Bearer \(job)"]), 200)
    // Any other way of sending it is not a job token here.
    expect(send("GET", state, token: nil, headers: basic("terraform", job)), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("GET", state, token: nil, headers: ["JOB-TOKEN": job]), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("GET", state + "?job_token=\(job)", token: nil), 401)
    expect(send("GET", state, token: job), 401, #"{"message":"401 Unauthorized"}"#)
    // The job acts as its user, with that user's role: a Developer's job may read, not lock.
    let developerJob = startJob(project: project, user: developer.id)
    expect(send("GET", state, token: nil, headers: basic("gitlab-ci-token", developerJob)), 200)
    expect(send("POST", state + "/lock", token: nil,
      json: #"{"ID":"1","Operation":"x","Info":"","Who":"w","Version":"1","Created":"c","Path":""}"#,
      headers: basic("gitlab-ci-token", developerJob)), 403)
    // Another project is off limits, whatever the user's role there.
    let other = createProject("other")
    addMember(maintainer.id, to: "projects/\(other)", level: 40)
    expect(send("GET", "/api/v4/projects/\(other)/terraform/state/prod", token: nil,
      headers: basic("gitlab-ci-token", job)), 403,
      #"{"message":"403 Forbidden - Authentication by CI/CD job token not allowed from infra to other."}"#)
    // A finished job's token stops working.
    expect(send("DELETE", "/-/emulator/job_tokens/\(job)"), 204)
    expect(send("GET", state, token: nil, headers: basic("gitlab-ci-token", job)), 401)
    expect(send("DELETE", "/-/emulator/job_tokens", json: #"{"token":"glcbt-64_nope"}"#), 404)
    expect(send("POST", "/-/emulator/job_tokens", json: #"{"project_id":999,"user_id":1}"#), 400)
    expect(send("POST", "/-/emulator/job_tokens", token: maintainer.token,
      json: #"{"project_id":\#(project),"user_id":1}"#), 401)
  }

  func testJobTokensReadMergeRequestsAndNotesButNeverWriteNotes() {
    let request = send("POST", "/api/v4/projects/\(project)/merge_requests", token: developer.token,
      json: #"{"title":"Plan","source_branch":"feature","target_branch":"main"}"#)
    expect(request, 201)
    let notes = "/api/v4/projects/\(project)/merge_requests/1/notes"
    let note = send("POST", notes, token: developer.token, json: #"{"body":"plan"}"#)
    expect(note, 201)
    let noteID = note.json?["id"]?.intValue ?? 0
    let job = startJob(project: project, user: developer.id)
    expect(send("GET", notes, token: nil, headers: ["JOB-TOKEN": job]), 200)
    expect(send("GET", "\(notes)/\(noteID)?job_token=\(job)", token: nil), 200)
    expect(send("GET", "/api/v4/projects/\(project)/merge_requests?source_branch=feature", token: nil,
      headers: ["JOB-TOKEN": job]), 200)
    // Writes: the job token is ignored, so the request is anonymous.
    let unauthorized = #"{"message":"401 Unauthorized"}"#
    expect(send("POST", notes, token: nil, json: #"{"body":"x"}"#, headers: ["JOB-TOKEN": job]), 401, unauthorized)
    expect(send("PUT", "\(notes)/\(noteID)", token: nil, json: #"{"body":"x"}"#, headers: ["JOB-TOKEN": job]), 401, unauthorized)
    expect(send("PUT", "\(notes)/\(noteID)", token: job, json: #"{"body":"x"}"#), 401, unauthorized)
    expect(send("POST", notes, token: nil, json: #"{"body":"x"}"#, headers: ["Authorization": "Bearer \(job)"]), 401, unauthorized)
    expect(send("POST", notes, token: nil, json: #"{"body":"x"}"#, headers: basic("gitlab-ci-token", job)), 401, unauthorized)
    expect(send("DELETE", "\(notes)/\(noteID)", token: nil, headers: ["JOB-TOKEN": job]), 401, unauthorized)
    expect(send("POST", "/api/v4/projects/\(project)/merge_requests", token: nil,
      json: #"{"title":"x","source_branch":"a","target_branch":"b"}"#, headers: ["JOB-TOKEN": job]), 401, unauthorized)
  }

  func testGetJobNamesTheUserTheJobActsAs() {
    let job = startJob(project: project, user: developer.id)
    let current = send("GET", "/api/v4/job", token: nil, headers: ["JOB-TOKEN": job])
    expect(current, 200)
    XCTAssertEqual(current.json?["user"]?["username"], .string("dev"))
    XCTAssertEqual(current.json?["status"], .string("running"))
    expect(send("GET", "/api/v4/job"), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("DELETE", "/-/emulator/job_tokens/\(job)"), 204)
    expect(send("GET", "/api/v4/job", token: nil, headers: ["JOB-TOKEN": job]), 401)
  }
}
