import Foundation
import XCTest

@testable import GitformCore

/// GitLab answers read with the core's one JSON parser: every problem names its place and
/// never quotes the data, in the words Foundation's decoder used before.
final class GitLabJSONReaderTests: XCTestCase {
  private func problem<T: GitLabDecodable>(_ type: T.Type, _ body: String) -> String? {
    do {
      _ = try GitLabJSON.decode(type, from: Data(body.utf8))
      return nil
    } catch {
      return error.description
    }
  }

  private let group = #"{"id":1,"name":"G","path":"g","full_path":"top/g"}"#

  func testProblemsNameTheirPlace() {
    XCTAssertEqual(problem([GitLabGroup].self, "[\(group),{\"name\":\"x\"}]"), #"field "id" is missing in field [1]"#)
    XCTAssertEqual(
      problem(GitLabGroup.self, #"{"id":null,"name":"G","path":"g","full_path":"top/g"}"#), "field id is null")
    XCTAssertEqual(
      problem([GitLabGroup].self, #"[{"id":1,"name":"G","path":7,"full_path":"top/g"}]"#),
      "field [0].path is not a string")
    XCTAssertEqual(problem([GitLabGroup].self, group), "the answer is not a list")
    XCTAssertEqual(problem(GitLabGroup.self, "[\(group)]"), "the answer is not an object")
    XCTAssertEqual(problem(GitLabGroup.self, "null"), "the answer is null")
    for notJSON in ["", "{", "<html>502 Bad Gateway</html>", "{\"id\":1,}", "[1] [2]"] {
      XCTAssertEqual(problem(GitLabGroup.self, notJSON), "it is not JSON", notJSON)
    }
  }

  func testTokenFieldsAndTheirProblems() {
    let token =
      #"{"id":5,"name":"t","scopes":["api",7],"user_id":2,"active":true,"revoked":false,"created_at":"2026-06-01T12:00:00Z"}"#
    XCTAssertEqual(problem(GitLabAccessToken.self, token), "field scopes[1] is not a string")
    let badDate = token.replacingOccurrences(of: #"["api",7]"#, with: #"["api"]"#)
      .replacingOccurrences(of: "2026-06-01T12:00:00Z", with: "June 1st")
    XCTAssertEqual(problem(GitLabAccessToken.self, badDate), "field created_at is invalid (expected an ISO 8601 timestamp)")
    // A token value where a number belongs is reported without being quoted.
    let secret = #"{"id":"glpat-leaked-value","token":"glpat-leaked-value"}"#
    XCTAssertEqual(problem(GitLabCreatedToken.self, secret), "field id is not a number")
  }

  func testNumbersAreExactAndWholeNumbersInAnyFormAreInts() throws {
    let big = try GitLabJSON.decode(
      GitLabGroup.self, from: Data(#"{"id":9007199254740993,"name":"G","path":"g","full_path":"g"}"#.utf8))
    XCTAssertEqual(big.id, 9_007_199_254_740_993)
    let written = try GitLabJSON.decode(
      GitLabGroup.self, from: Data(#"{"id":4.2e1,"name":"G","path":"g","full_path":"g"}"#.utf8))
    XCTAssertEqual(written.id, 42)
    XCTAssertEqual(
      problem(GitLabGroup.self, #"{"id":1.5,"name":"G","path":"g","full_path":"g"}"#),
      "field id is invalid (not a whole number that fits in Int)")
  }

  func testOptionalFieldsMissingOrNullAndTheLastOfDuplicateKeys() throws {
    let variable = try GitLabJSON.decode(
      GitLabVariable.self, from: Data(#"{"key":"A","key":"B","value":null,"description":null}"#.utf8))
    XCTAssertEqual(variable, GitLabVariable(key: "B", value: nil))
    XCTAssertEqual(
      problem(GitLabVariable.self, #"{"key":"A","variable_type":"secret"}"#),
      "field variable_type is invalid (not one of env_var, file)")
    let notes = try GitLabJSON.decode(
      [GitLabClient.MergeRequestNote].self,
      from: Data(#"[{"id":3,"body":"plan","system":false,"author":{"id":1}}]"#.utf8))
    XCTAssertEqual(notes, [GitLabClient.MergeRequestNote(id: 3, body: "plan", system: false)])
  }
}
