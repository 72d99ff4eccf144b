import Foundation
import XCTest

@testable import GitLabEmulator

/// Merge requests and their notes: creation rules, newest-first pagination, and who may edit.
final class MergeRequestNoteTests: APITestCase {
  private var project = 0
  private var developer = (id: 0, token: "")

  override func setUpWithError() throws {
    try super.setUpWithError()
    project = createProject("app", namespace: createGroup("team"))
    developer = userWithToken("dev")
    addMember(developer.id, to: "projects/\(project)", level: 30)
  }

  private var mergeRequests: String { "/api/v4/projects/\(project)/merge_requests" }

  func testCreatingMergeRequests() {
    expect(send("POST", mergeRequests, json: #"{"source_branch":"a","target_branch":"b"}"#), 400,
      #"{"error":"title is missing"}"#)
    let created = send("POST", mergeRequests, token: developer.token,
      json: #"{"title":"Rotate tokens","source_branch":"rotate","target_branch":"main","description":"why"}"#)
    expect(created, 201)
    XCTAssertEqual(created.json?["iid"], .int(1))
    XCTAssertEqual(created.json?["state"], .string("opened"))
    XCTAssertEqual(created.json?["author"]?["username"], .string("dev"))
    XCTAssertEqual(created.json?["references"]?["full"], .string("team/app!1"))
    expect(send("POST", mergeRequests, json: #"{"title":"x","source_branch":"main","target_branch":"main"}"#), 422,
      #"{"message":["You can't use same project/branch for source and target"]}"#)
    expect(send("POST", mergeRequests, json: #"{"title":"x","source_branch":"rotate","target_branch":"main"}"#), 409,
      #"{"message":["Another open merge request already exists for this source branch: !1"]}"#)
    expect(send("POST", mergeRequests, json: #"{"title":"x","source_branch":"a..b","target_branch":"main"}"#), 400,
      #"{"message":{"source_branch":["is invalid"]}}"#)
    let guest = userWithToken("guest")
    addMember(guest.id, to: "projects/\(project)", level: 10)
    expect(send("POST", mergeRequests, token: guest.token, json: #"{"title":"x","source_branch":"g","target_branch":"main"}"#), 403)
    let outsider = userWithToken("outsider")
    expect(send("POST", mergeRequests, token: outsider.token, json: #"{"title":"x","source_branch":"o","target_branch":"main"}"#), 404,
      #"{"message":"404 Project Not Found"}"#)
    XCTAssertEqual(send("GET", "\(mergeRequests)?source_branch=rotate&state=opened").json?.arrayValue?.count, 1)
    expect(send("GET", "\(mergeRequests)/1"), 200)
    expect(send("GET", "\(mergeRequests)/7"), 404, #"{"message":"404 Not found"}"#)
  }

  func testNotesArePagedNewestFirstAndEditedOnlyByAuthorOrMaintainer() {
    expect(send("POST", mergeRequests, json: #"{"title":"t","source_branch":"s","target_branch":"main"}"#), 201)
    let notes = "\(mergeRequests)/1/notes"
    var ids: [Int] = []
    for index in 0..<25 {
      let note = send("POST", notes, token: developer.token, json: #"{"body":"note \#(index)"}"#)
      expect(note, 201)
      ids.append(note.json?["id"]?.intValue ?? 0)
    }
    let first = send("GET", notes)
    XCTAssertEqual(first.json?.arrayValue?.first?["body"], .string("note 24"))
    XCTAssertEqual(first.json?.arrayValue?.count, 20)
    XCTAssertEqual(first.header("X-Total"), "25")
    XCTAssertEqual(first.header("X-Next-Page"), "2")
    let second = send("GET", "\(notes)?page=2")
    XCTAssertEqual(second.json?.arrayValue?.last?["body"], .string("note 0"))
    XCTAssertEqual(send("GET", "\(notes)?sort=asc&per_page=1").json?.arrayValue?.first?["id"], .int(ids[0]))
    expect(send("GET", "\(notes)?sort=sideways"), 400, #"{"error":"sort does not have a valid value"}"#)
    let note = send("GET", "\(notes)/\(ids[0])")
    XCTAssertEqual(keys(note.json), [
      "id", "type", "body", "author", "created_at", "updated_at", "system", "noteable_id",
      "noteable_type", "project_id", "resolvable", "confidential", "internal", "imported",
      "imported_from", "noteable_iid", "commands_changes",
    ])
    XCTAssertEqual(note.json?["noteable_iid"], .int(1))
    // Editing: the author, or a Maintainer; another Developer may not.
    let other = userWithToken("other")
    addMember(other.id, to: "projects/\(project)", level: 30)
    expect(send("PUT", "\(notes)/\(ids[0])", token: other.token, json: #"{"body":"hijack"}"#), 403,
      #"{"message":"403 Forbidden"}"#)
    advanceClock(days: 1)
    let edited = send("PUT", "\(notes)/\(ids[0])", token: developer.token, json: #"{"body":"edited"}"#)
    expect(edited, 200)
    XCTAssertEqual(edited.json?["body"], .string("edited"))
    XCTAssertEqual(edited.json?["updated_at"], .string("2026-11-25T08:00:00.000Z"))
    expect(send("PUT", "\(notes)/\(ids[0])", json: #"{"body":"by root"}"#), 200)
    expect(send("PUT", "\(notes)/\(ids[0])", json: #"{"body":""}"#), 400, #"{"error":"body is empty"}"#)
    XCTAssertEqual(send("GET", "\(notes)?order_by=updated_at&per_page=1").json?.arrayValue?.first?["id"], .int(ids[0]))
    // Bodies: required, not blank, at most 1,000,000 characters.
    expect(send("POST", notes, json: #"{}"#), 400, #"{"error":"body is missing"}"#)
    expect(send("POST", notes, json: #"{"body":""}"#), 400,
      #"{"message":"400 Bad request - Note {:note=>[\"can't be blank\"]}"}"#)
    let long = String(repeating: "x", count: 1_000_001)
    expect(send("POST", notes, json: #"{"body":"\#(long)"}"#), 400,
      #"{"message":"400 Bad request - Note {:note=>[\"is too long (maximum is 1000000 characters)\"]}"}"#)
    expect(send("POST", notes, json: #"{"body":"\#(String(long.dropLast()))"}"#), 201)
    // Unknown merge request, unknown note, note of another merge request, anonymous.
    expect(send("GET", "\(mergeRequests)/9/notes"), 404, #"{"message":"404 Not found"}"#)
    expect(send("GET", "\(mergeRequests)/x/notes"), 400, #"{"error":"noteable_id is invalid"}"#)
    expect(send("GET", "\(notes)/999999"), 404, #"{"message":"404 Not found"}"#)
    expect(send("POST", mergeRequests, json: #"{"title":"t2","source_branch":"s2","target_branch":"main"}"#), 201)
    expect(send("GET", "\(mergeRequests)/2/notes/\(ids[1])"), 404, #"{"message":"404 Not found"}"#)
    expect(send("GET", notes, token: nil), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("DELETE", "\(notes)/\(ids[1])", token: other.token), 403)
    expect(send("DELETE", "\(notes)/\(ids[1])", token: developer.token), 204)
    expect(send("GET", "\(notes)/\(ids[1])"), 404)
  }

  func testSystemNotesAreListedFilteredAndNeverEditable() {
    expect(send("POST", mergeRequests, json: #"{"title":"t","source_branch":"s","target_branch":"main"}"#), 201)
    let notes = "\(mergeRequests)/1/notes"
    expect(send("POST", notes, token: developer.token, json: #"{"body":"<!-- gitform:plan --> plan"}"#), 201)
    let system = send("POST", "/-/emulator/system_notes",
      json: #"{"project_id":\#(project),"merge_request_iid":1,"body":"added 1 commit","user_id":\#(developer.id)}"#)
    expect(system, 201)
    let systemID = system.json?["id"]?.intValue ?? 0
    let all = send("GET", notes).json?.arrayValue ?? []
    XCTAssertEqual(all.map { $0["system"] }, [.bool(true), .bool(false)])
    XCTAssertEqual(send("GET", "\(notes)?activity_filter=only_comments").json?.arrayValue?.count, 1)
    XCTAssertEqual(send("GET", "\(notes)?activity_filter=only_activity").json?.arrayValue?.first?["id"], .int(systemID))
    XCTAssertEqual(send("GET", mergeRequests).json?.arrayValue?.first?["user_notes_count"], .int(1))
    expect(send("PUT", "\(notes)/\(systemID)", token: developer.token, json: #"{"body":"x"}"#), 403)
    expect(send("PUT", "\(notes)/\(systemID)", json: #"{"body":"x"}"#), 403)
    expect(send("POST", "/-/emulator/system_notes", json: #"{"project_id":\#(project),"merge_request_iid":9,"body":"x"}"#), 400)
  }
}
