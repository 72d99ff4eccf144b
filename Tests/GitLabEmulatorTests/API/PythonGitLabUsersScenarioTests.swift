import Foundation
import XCTest

@testable import GitLabEmulator

/// python-gitlab's `users`, `user.keys` and `user.emails` managers against the emulator
/// (issue 12), replayed from a recording so that no test runs python.
///
/// How it was recorded: python-gitlab 8.6.0 (with requests 2.x) ran
/// `python-gitlab-users-scenario.py` (beside this file; its header says how to re-record)
/// through a recording proxy against `gitlab-emulator -now 2026-11-24T08:00:00Z`. The script
/// drives the managers as a user does — `gl.auth()`, `gl.users.create/get/list/delete`,
/// `user.save()`, `block/unblock/deactivate/activate`, `user.keys.create/list/get`,
/// `key.delete()`, `user.emails.create/list`, `email.delete()` — and checks what python-gitlab
/// made of every answer. Below are its 34 requests in order, byte for byte: every request
/// carried `Content-Type: application/json` (bodies or not), `Accept: */*`,
/// `User-Agent: python-gitlab/8.6.0` and the root token in `PRIVATE-TOKEN`; booleans in
/// query strings are Python's `True`. Each step asserts what python-gitlab reads from the
/// answer: the status (which it maps to `GitlabCreateError`, `GitlabGetError`…), the fields
/// of the objects it builds, the bare `true` of the moderation routes, `error_message` (the
/// body's `message`), and for lists `X-Total`/`X-Total-Pages`/`X-Per-Page`/`X-Next-Page` and
/// the `Link` whose `rel="next"` URL it requests next (and refuses unless it is on its own
/// base URL).
final class PythonGitLabUsersScenarioTests: APITestCase {
  static let pythonGitLabHeaders = [
    "Content-Type": "application/json", "Accept": "*/*", "User-Agent": "python-gitlab/8.6.0",
  ]

  /// The keys of `SSHPublicKeyTests` without their comments; the script sends them with one.
  private let ed25519 = String(SSHPublicKeyTests.ed25519.dropLast(" alice@laptop".count))
  private let ecdsa = String(SSHPublicKeyTests.ecdsa384.dropLast(" y".count))

  /// Sends one recorded request exactly as python-gitlab did and checks its status.
  @discardableResult
  private func replay(
    _ method: String, _ path: String, _ body: String? = nil, status: Int,
    file: StaticString = #filePath, line: UInt = #line
  ) -> Response {
    let response = send(method, path, json: body, headers: Self.pythonGitLabHeaders)
    XCTAssertEqual(response.status, status, "\(method) \(path): \(response.text)", file: file, line: line)
    return response
  }

  private var base: String { emulator.rootURL.absoluteString }

  /// The pagination headers python-gitlab's `GitlabList` reads, and the `Link` it follows.
  private func assertPage(
    _ response: Response, page: Int, perPage: Int, total: Int, next: String?, prev: Int?,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let totalPages = max((total + perPage - 1) / perPage, 1)
    XCTAssertEqual(response.header("X-Page"), "\(page)", file: file, line: line)
    XCTAssertEqual(response.header("X-Per-Page"), "\(perPage)", file: file, line: line)
    XCTAssertEqual(response.header("X-Total"), "\(total)", file: file, line: line)
    XCTAssertEqual(response.header("X-Total-Pages"), "\(totalPages)", file: file, line: line)
    XCTAssertEqual(response.header("X-Next-Page"), next == nil ? "" : "\(page + 1)", file: file, line: line)
    XCTAssertEqual(response.header("X-Prev-Page"), prev.map(String.init) ?? "", file: file, line: line)
    let link = response.header("Link") ?? ""
    let nextLink = link.components(separatedBy: ", ").first { $0.hasSuffix("rel=\"next\"") }
    XCTAssertEqual(nextLink, next.map { "<\(base)\($0)>; rel=\"next\"" }, link, file: file, line: line)
  }

  private func strings(_ response: Response, _ field: String) -> [String] {
    (response.json?.arrayValue ?? []).compactMap { $0[field]?.stringValue }
  }

  private func ints(_ response: Response, _ field: String) -> [Int] {
    (response.json?.arrayValue ?? []).compactMap { $0[field]?.intValue }
  }

  /// The whole recording in order (each part continues where the one before stopped).
  func testPythonGitLabsRecordedSequence() {
    usersManager()
    moderation()
    keysManager()
    emailsManager()
    errorsAndDeletion()
  }

  /// Requests 1–12.
  private func usersManager() {
    // 1: gl.auth()
    let me = replay("GET", "/api/v4/user", status: 200)
    XCTAssertEqual(me.json?["username"], .string("root"))
    XCTAssertEqual(me.json?["is_admin"], .bool(true))
    // 2–4: gl.users.create({...}) three times; python-gitlab builds the User from the answer.
    for n in 1...3 {
      let created = replay("POST", "/api/v4/users",
        #"{"email": "bot\#(n)@example.com", "username": "bot\#(n)", "name": "Bot \#(n)", "password": "secret-password-1", "skip_confirmation": true}"#,
        status: 201)
      XCTAssertEqual(created.json?["id"], .int(n + 1), "the recorded paths name this id")
      XCTAssertEqual(created.json?["username"], .string("bot\(n)"))
      XCTAssertEqual(created.json?["state"], .string("active"))
      XCTAssertEqual(created.json?["created_by"]?["username"], .string("root"))
    }
    // 5: gl.users.get(2)
    let fetched = replay("GET", "/api/v4/users/2", status: 200)
    XCTAssertEqual(fetched.json?["email"], .string("bot1@example.com"))
    XCTAssertEqual(fetched.json?["highest_role"], .int(0))
    // 6: user.save() sends only the changed attributes, and takes the answer as the new state.
    let saved = replay("PUT", "/api/v4/users/2",
      #"{"name": "Bot One", "note": "managed by gitform", "projects_limit": 5}"#, status: 200)
    XCTAssertEqual(saved.json?["name"], .string("Bot One"))
    XCTAssertEqual(saved.json?["note"], .string("managed by gitform"))
    XCTAssertEqual(saved.json?["projects_limit"], .int(5))
    // 7: gl.users.list(username="bot1")
    let byName = replay("GET", "/api/v4/users?username=bot1", status: 200)
    XCTAssertEqual(ints(byName, "id"), [2])
    assertPage(byName, page: 1, perPage: 20, total: 1, next: nil, prev: nil)
    // 8: gl.users.list(active=True, get_all=True): one page, so no second request.
    let active = replay("GET", "/api/v4/users?active=True", status: 200)
    XCTAssertEqual(strings(active, "username"), ["bot3", "bot2", "bot1", "root"])
    assertPage(active, page: 1, perPage: 20, total: 4, next: nil, prev: nil)
    // 9–10: gl.users.list(search="bot", per_page=2, get_all=True), then 11–12 the same with
    // iterator=True: both request the first page, then the Link's next URL, in GitLab's
    // relevance order (by name: "Bot 2", "Bot 3", "Bot One").
    for _ in 1...2 {
      let first = replay("GET", "/api/v4/users?search=bot&per_page=2", status: 200)
      XCTAssertEqual(strings(first, "username"), ["bot2", "bot3"])
      assertPage(first, page: 1, perPage: 2, total: 3, next: "/api/v4/users?search=bot&page=2&per_page=2", prev: nil)
      let second = replay("GET", "/api/v4/users?search=bot&page=2&per_page=2", status: 200)
      XCTAssertEqual(strings(second, "username"), ["bot1"])
      assertPage(second, page: 2, perPage: 2, total: 3, next: nil, prev: 1)
    }
  }

  /// Requests 13–17.
  private func moderation() {
    // 13: user.block() posts an empty JSON object; python-gitlab checks for a bare `true`.
    XCTAssertEqual(replay("POST", "/api/v4/users/2/block", "{}", status: 201).text, "true")
    // 14: gl.users.list(blocked=True)
    let blocked = replay("GET", "/api/v4/users?blocked=True", status: 200)
    XCTAssertEqual(ints(blocked, "id"), [2])
    XCTAssertEqual(strings(blocked, "state"), ["blocked"])
    assertPage(blocked, page: 1, perPage: 20, total: 1, next: nil, prev: nil)
    // 15–17: user.unblock(), user.deactivate(), user.activate(): state changes on `true`.
    XCTAssertEqual(replay("POST", "/api/v4/users/2/unblock", "{}", status: 201).text, "true")
    XCTAssertEqual(replay("POST", "/api/v4/users/2/deactivate", "{}", status: 201).text, "true")
    XCTAssertEqual(replay("POST", "/api/v4/users/2/activate", "{}", status: 201).text, "true")
  }

  /// Requests 18–24.
  private func keysManager() {
    // 18–19: user.keys.create({...}); the answer's key carries the owner's name and host.
    let key = replay("POST", "/api/v4/users/2/keys",
      #"{"title": "deploy", "key": "\#(ed25519) alice@laptop", "expires_at": "2027-01-31T00:00:00Z"}"#,
      status: 201)
    XCTAssertEqual(key.json?["id"], .int(5))
    XCTAssertEqual(key.json?["title"], .string("deploy"))
    XCTAssertEqual(key.json?["key"], .string("\(ed25519) Bot One (127.0.0.1)"))
    let signing = replay("POST", "/api/v4/users/2/keys",
      #"{"title": "signing", "key": "\#(ecdsa) y", "usage_type": "signing"}"#, status: 201)
    XCTAssertEqual(signing.json?["id"], .int(6))
    XCTAssertEqual(signing.json?["usage_type"], .string("signing"))
    XCTAssertEqual(signing.json?["expires_at"], .null)
    // 20: user.keys.list()
    let keys = replay("GET", "/api/v4/users/2/keys", status: 200)
    XCTAssertEqual(ints(keys, "id"), [5, 6])
    assertPage(keys, page: 1, perPage: 20, total: 2, next: nil, prev: nil)
    // 21: user.keys.get(5)
    let one = replay("GET", "/api/v4/users/2/keys/5", status: 200)
    XCTAssertEqual(one.json?["expires_at"], .string("2027-01-31T00:00:00.000Z"))
    // 22: the same key for another user: GitlabCreateError(400) with GitLab's message dict.
    let duplicate = replay("POST", "/api/v4/users/3/keys",
      #"{"title": "copy", "key": "\#(ed25519) alice@laptop"}"#, status: 400)
    XCTAssertEqual(duplicate.text, #"{"message":{"fingerprint_sha256":["has already been taken"]}}"#)
    // 23–24: key.delete(), then the list without it.
    XCTAssertEqual(replay("DELETE", "/api/v4/users/2/keys/5", status: 204).text, "")
    XCTAssertEqual(ints(replay("GET", "/api/v4/users/2/keys", status: 200), "id"), [6])
  }

  /// Requests 25–29.
  private func emailsManager() {
    // 25: user.emails.create({...}): downcased, confirmed with skip_confirmation.
    let email = replay("POST", "/api/v4/users/2/emails",
      #"{"email": "Bot1.Alt@Example.com", "skip_confirmation": true}"#, status: 201)
    XCTAssertEqual(email.text, #"{"id":7,"email":"bot1.alt@example.com","confirmed_at":"2026-11-24T08:00:00.000Z"}"#)
    // 26: user.emails.list(): the primary first.
    let emails = replay("GET", "/api/v4/users/2/emails", status: 200)
    XCTAssertEqual(strings(emails, "email"), ["bot1@example.com", "bot1.alt@example.com"])
    assertPage(emails, page: 1, perPage: 20, total: 2, next: nil, prev: nil)
    // 27: a taken address for another user: GitlabCreateError(400).
    let taken = replay("POST", "/api/v4/users/4/emails", #"{"email": "bot1.alt@example.com"}"#, status: 400)
    XCTAssertEqual(taken.text, #"{"message":{"email":["has already been taken"]}}"#)
    // 28–29: email.delete(), then the list without it.
    XCTAssertEqual(replay("DELETE", "/api/v4/users/2/emails/7", status: 204).text, "")
    XCTAssertEqual(strings(replay("GET", "/api/v4/users/2/emails", status: 200), "email"), ["bot1@example.com"])
  }

  /// Requests 30–34.
  private func errorsAndDeletion() {
    // 30: a taken username, case-insensitively: GitlabCreateError(409) with the message string.
    let username = replay("POST", "/api/v4/users",
      #"{"email": "x@example.com", "username": "BOT2", "name": "X", "password": "secret-password-1"}"#,
      status: 409)
    XCTAssertEqual(username.text, #"{"message":"Username has already been taken"}"#)
    // 31–32: user.delete(), then gl.users.get(2): GitlabGetError(404).
    XCTAssertEqual(replay("DELETE", "/api/v4/users/2", status: 204).text, "")
    XCTAssertEqual(replay("GET", "/api/v4/users/2", status: 404).text, #"{"message":"404 User Not Found"}"#)
    // 33–34: gl.users.delete(3, hard_delete=True), then gl.users.list(search="bot", get_all=True).
    XCTAssertEqual(replay("DELETE", "/api/v4/users/3?hard_delete=True", status: 204).text, "")
    let left = replay("GET", "/api/v4/users?search=bot", status: 200)
    XCTAssertEqual(strings(left, "username"), ["bot3"])
    assertPage(left, page: 1, perPage: 20, total: 1, next: nil, prev: nil)
  }
}
