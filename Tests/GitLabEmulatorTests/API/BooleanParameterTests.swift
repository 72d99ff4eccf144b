import Foundation
import XCTest

@testable import GitLabEmulator

/// Grape's `Boolean` takes exactly dry-types' `Params::Bool` spellings: python-gitlab's
/// `True` in a query string works, a spelling outside the list is `"<name> is invalid"`.
final class BooleanParameterTests: APITestCase {
  private func flag(_ text: String) throws -> Bool? {
    try Parameters(query: "flag=\(text)", body: Data(), contentType: nil, includeBody: false)
      .bool("flag")
  }

  func testEverySpellingOfDryTypesAndNoOther() throws {
    for text in ["1", "on", "On", "ON", "t", "true", "True", "TRUE", "T", "y", "yes", "Yes", "YES", "Y"] {
      XCTAssertEqual(try flag(text), true, text)
    }
    for text in ["0", "off", "Off", "OFF", "f", "false", "False", "FALSE", "F", "n", "no", "No", "NO", "N"] {
      XCTAssertEqual(try flag(text), false, text)
    }
    for text in ["tRUE", "yES", "oN", "2", "truthy"] {
      XCTAssertThrowsError(try flag(text), text)
    }
    // Grape treats an empty value of any non-String type as absent.
    XCTAssertNil(try flag(""))
    XCTAssertNil(try Parameters(query: "n=", body: Data(), contentType: nil, includeBody: false).int("n"))
  }

  func testPythonsTrueFiltersAndAMisspelledFlagIsRefused() {
    createUser("alice")
    let blockedID = createUser("bob")
    expect(send("POST", "/api/v4/users/\(blockedID)/block"), 201, "true")
    let blocked = send("GET", "/api/v4/users?blocked=True")
    XCTAssertEqual(blocked.json?.arrayValue?.compactMap { $0["username"]?.stringValue }, ["bob"])
    let all = send("GET", "/api/v4/users?blocked=Off")
    XCTAssertEqual(all.json?.arrayValue?.count, 3, "root, alice and bob")
    expect(send("GET", "/api/v4/users?blocked=tRUE"), 400, #"{"error":"blocked is invalid"}"#)
    XCTAssertEqual(send("GET", "/api/v4/users?blocked=").json?.arrayValue?.count, 3, "empty is no filter")
  }
}
