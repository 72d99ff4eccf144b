import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

@testable import GitLabEmulator

/// The `/-/emulator/` control routes of DESIGN.md: stats, clock, faults.
final class EmulatorControlTests: APITestCase {
  func testControlRoutesNeedTheRootToken() {
    let alice = userWithToken("alice")
    expect(send("GET", "/-/emulator/stats", token: alice.token), 401, #"{"message":"401 Unauthorized"}"#)
    expect(send("GET", "/-/emulator/stats", token: nil), 401)
    expect(send("GET", "/-/emulator/nothing"), 404, #"{"error":"404 Not Found"}"#)
  }

  func testStatsCountApiRequestsByRouteTemplate() {
    expect(send("DELETE", "/-/emulator/stats"), 204)
    send("GET", "/api/v4/users/1")
    send("GET", "/api/v4/users/1")
    send("GET", "/api/v4/user")
    send("GET", "/api/v4/nowhere")
    send("GET", "/-/emulator/clock")
    expect(send("GET", "/-/emulator/stats"), 200,
      #"{"total":4,"routes":{"GET (no route)":1,"GET /api/v4/user":1,"GET /api/v4/users/:id":2}}"#)
    expect(send("DELETE", "/-/emulator/stats"), 204)
    expect(send("GET", "/-/emulator/stats"), 200, #"{"total":0,"routes":{}}"#)
  }

  func testClockCanBeReadSetAndAdvanced() {
    expect(send("GET", "/-/emulator/clock"), 200, #"{"now":"\#(APITestCase.start)"}"#)
    expect(send("POST", "/-/emulator/clock", json: #"{"advance_seconds":90.5}"#), 200,
      #"{"now":"2026-11-24T08:01:30.500Z"}"#)
    expect(send("POST", "/-/emulator/clock", json: #"{"now":"2027-01-02T03:04:05Z"}"#), 200,
      #"{"now":"2027-01-02T03:04:05.000Z"}"#)
    XCTAssertEqual(createTokenExpiry(), "2028-01-02", "defaults follow the emulator clock")
    expect(send("POST", "/-/emulator/clock", json: #"{"now":"yesterday"}"#), 400)
    expect(send("POST", "/-/emulator/clock", json: "{}"), 400)
    expect(send("POST", "/-/emulator/clock", json: #"{"advance_seconds":1e300}"#), 400,
      #"{"message":"advance_seconds must keep the clock between 1970 and 9999"}"#)
  }

  private func createTokenExpiry() -> String? {
    send("POST", "/api/v4/users/1/personal_access_tokens", json: #"{"name":"x","scopes":["api"]}"#)
      .json?["expires_at"]?.stringValue
  }

  func testStatusFaultsFailTheNextMatchingRequests() {
    expect(send("POST", "/-/emulator/faults",
      json: #"{"method":"GET","path":"/api/v4/users/:id","times":2,"status":503}"#), 201,
      #"{"method":"GET","path":"/api/v4/users/:id","times":2,"status":503}"#)
    send("GET", "/api/v4/user")  // another route is untouched
    expect(send("GET", "/api/v4/users/1"), 503, #"{"message":"503 Service Unavailable"}"#)
    expect(send("GET", "/api/v4/users/1"), 503)
    expect(send("GET", "/api/v4/users/1"), 200)
  }

  func testFaultsAreValidatedAndClearable() {
    expect(send("POST", "/-/emulator/faults", json: #"{"method":"GET","path":"/api/v4/nope","status":500}"#),
      400, #"{"message":"no route GET /api/v4/nope"}"#)
    expect(send("POST", "/-/emulator/faults", json: #"{"method":"GET","path":"/api/v4/user"}"#), 400)
    expect(send("POST", "/-/emulator/faults",
      json: #"{"method":"GET","path":"/api/v4/user","status":500,"delay_ms":5}"#), 400)
    expect(send("POST", "/-/emulator/faults", json: #"{"method":"GET","path":"/api/v4/user","status":500}"#), 201)
    expect(send("DELETE", "/-/emulator/faults"), 204)
    expect(send("GET", "/api/v4/user"), 200)
  }

  func testDelayFault() {
    send("POST", "/-/emulator/faults", json: #"{"method":"GET","path":"/api/v4/user","delay_ms":150}"#)
    let started = Date()
    expect(send("GET", "/api/v4/user"), 200)
    XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.15)
  }

  func testDropAfterCommitMakesTheChangeButLosesTheResponse() {
    send("POST", "/-/emulator/faults",
      json: #"{"method":"POST","path":"/api/v4/users/:user_id/personal_access_tokens","drop_after_commit":true}"#)
    // A fresh session, so the client cannot silently retry on a reused connection.
    let fresh = URLSession(configuration: .ephemeral)
    defer { fresh.invalidateAndCancel() }
    let lost = send("POST", "/api/v4/users/1/personal_access_tokens",
      json: #"{"name":"lost","scopes":["api"]}"#, session: fresh)
    XCTAssertEqual(lost.status, 0)
    XCTAssertNotNil(lost.error)
    let names = send("GET", "/api/v4/personal_access_tokens?search=lost").json?.arrayValue
    XCTAssertEqual(names?.map { $0["name"] }, [.string("lost")], "the change was committed")
  }

  func testReplaceBodyMakesTheChangeButAnswersWithAnotherBody() {
    expect(
      send("POST", "/-/emulator/faults",
        json: #"{"method":"POST","path":"/api/v4/users","replace_body":"<html>Bad Gateway</html>","content_type":"text/html"}"#),
      201)
    let mangled = send("POST", "/api/v4/users",
      json: #"{"username":"mangled","name":"M","email":"m@example.com","password":"correct-horse-battery"}"#)
    XCTAssertEqual(mangled.status, 201, "GitLab's own status")
    XCTAssertEqual(mangled.text, "<html>Bad Gateway</html>")
    XCTAssertEqual(mangled.header("Content-Type"), "text/html")
    let found = send("GET", "/api/v4/users?username=mangled").json?.arrayValue
    XCTAssertEqual(found?.count, 1, "the change was committed")
    // Used up: the next answer is GitLab's again.
    expect(send("GET", "/api/v4/users?username=mangled"), 200)
    expect(send("POST", "/-/emulator/faults",
      json: #"{"method":"GET","path":"/api/v4/user","replace_body":"{}","delay_ms":5}"#), 400)
  }
}
