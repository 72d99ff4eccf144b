import XCTest

@testable import GitLabEmulator

/// Many clients at once over real HTTP: every request is answered and ids never collide.
final class ConcurrencyTests: APITestCase {
  func testParallelCreatesGetDistinctIds() {
    let alice = createUser("alice")
    let lock = NSLock()
    var ids: [Int] = []
    var statuses: [Int] = []
    DispatchQueue.concurrentPerform(iterations: 64) { index in
      let response = send("POST", "/api/v4/users/\(alice)/personal_access_tokens",
        json: #"{"name":"p\#(index)","scopes":["api"]}"#)
      lock.lock()
      statuses.append(response.status)
      ids.append(response.json?["id"]?.intValue ?? 0)
      lock.unlock()
    }
    XCTAssertEqual(Set(statuses), [201])
    XCTAssertEqual(Set(ids).count, 64)
    let listed = send("GET", "/api/v4/personal_access_tokens?user_id=\(alice)&per_page=100")
    XCTAssertEqual(listed.header("X-Total"), "64")
  }
}
