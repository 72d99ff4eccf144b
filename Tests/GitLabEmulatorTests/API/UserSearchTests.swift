import Foundation
import XCTest

@testable import GitLabEmulator

/// `GET /users?search=`: `User.search`'s matching (long words anywhere, short queries whole)
/// and its relevance order, which GitLab keeps unless an administrator asks for an order.
final class UserSearchTests: APITestCase {
  private func usernames(_ query: String, token: String = APITestCase.root) -> [String] {
    let response = send("GET", "/api/v4/users?\(query)", token: token)
    XCTAssertEqual(response.status, 200, response.text)
    return (response.json?.arrayValue ?? []).compactMap { $0["username"]?.stringValue }
  }

  private func rename(_ id: Int, _ name: String) {
    expect(send("PUT", "/api/v4/users/\(id)", json: #"{"name":"\#(name)"}"#), 200)
  }

  func testRelevanceOrderPutsExactUsernameThenExactNameFirstThenByName() {
    let zed = createUser("zed")
    rename(zed, "Ops Zed")
    let ops = createUser("ops")
    rename(ops, "Zulu")
    let anna = createUser("anna")
    rename(anna, "Ops")
    let bob = createUser("bob")
    rename(bob, "Ops Bob")
    // username = query, then name = query, then by name (ids would give bob, anna, ops, zed).
    XCTAssertEqual(usernames("search=ops"), ["ops", "anna", "bob", "zed"])
    XCTAssertEqual(usernames("search=OPS", token: userWithToken("viewer").token),
      ["ops", "anna", "bob", "zed"], "the same order for non-admins")
    // Pages follow the same order.
    XCTAssertEqual(usernames("search=ops&per_page=3&page=2"), ["zed"])
    // An administrator's explicit order wins; a non-admin's is dropped.
    XCTAssertEqual(usernames("search=ops&order_by=id&sort=asc"), ["zed", "ops", "anna", "bob"])
    XCTAssertEqual(usernames("search=ops&sort=desc"), ["bob", "anna", "ops", "zed"])
    XCTAssertEqual(usernames("search=ops&order_by=id&sort=asc", token: userWithToken("other").token),
      ["ops", "anna", "bob", "zed"])
    // Without a search the default stays id descending.
    XCTAssertEqual(Array(usernames("").prefix(4)), ["other", "viewer", "bob", "anna"])
  }

  func testShortQueriesMatchWholeValuesAndLongWordsMustAllMatch() {
    let bo = createUser("bo")
    rename(bo, "Build Operator")
    createUser("bob")
    createUser("lobo")
    // Under three characters: only a whole username or name, case-insensitively.
    XCTAssertEqual(usernames("search=BO"), ["bo"])
    XCTAssertEqual(usernames("search=@bo"), ["bo"], "a leading @ is dropped")
    // Every word of three or more characters must occur in the same column; shorter words
    // are left out.
    XCTAssertEqual(usernames("search=operator%20build"), ["bo"])
    XCTAssertEqual(usernames("search=operator%20lobo"), [])
    XCTAssertEqual(usernames("search=a%20lob"), ["lobo"])
    // A quoted phrase is one term.
    XCTAssertEqual(usernames("search=%22build%20op%22"), ["bo"])
    XCTAssertEqual(usernames("search=%22operator%20build%22"), [])
    // A blank search is no filter at all.
    XCTAssertEqual(usernames("search=%20").count, 4)
  }

  func testSearchTermsSplitAsGitLabSplitsThem() {
    XCTAssertEqual(UserSearch.terms(of: #"one "two three" four"#), ["one", "four", "two three"])
    XCTAssertEqual(UserSearch.terms(of: #"x"quoted" "open"#), [#"x"quoted""#, #""open"#])
    XCTAssertEqual(UserSearch.terms(of: #""" "a""#), [#""""#, "a"])
    XCTAssertEqual(UserSearch.squish("  a \t b  "), "a b")
    XCTAssertNil(UserSearch(" \n"))
    XCTAssertEqual(UserSearch("@Ops Team")?.words, ["ops", "team"])
  }
}
