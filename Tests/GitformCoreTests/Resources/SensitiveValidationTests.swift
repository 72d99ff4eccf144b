import Foundation
import XCTest

@testable import GitformCore

/// Validation messages built from configured values describe a sensitive value as
/// `(sensitive value)` and never quote it (QA item 2); plain values are still quoted.
final class SensitiveValidationTests: XCTestCase {
  private let secret = "glpat-Secret.Value"

  private func details(_ type: any ResourceType, _ values: [String: Value], _ names: [String]) -> [String] {
    type.validate(Value.object(type.schema, values), ranges: TokenTypeTestCase.ranges(names)).map(\.detail)
  }

  func testVariableKeyAndTypeAreDescribedWhenSensitive() {
    let names = ["project", "key", "value", "variable_type"]
    XCTAssertEqual(
      details(
        ProjectVariable(),
        [
          "project": .string("team/app"), "key": Value.string(secret).marked(sensitive: true),
          "value": .string("x"), "variable_type": Value.string(secret).marked(sensitive: true),
        ], names),
      [
        "(sensitive value) is not a valid key: use only A-Z, a-z, 0-9 and _, 1 to 255 characters.",
        "variable_type must be \"env_var\" or \"file\", not (sensitive value).",
      ])
    XCTAssertEqual(
      details(
        ProjectVariable(),
        ["project": .string("team/app"), "key": .string("a-b"), "value": .string("x"), "variable_type": .string("env")],
        names),
      [
        "\"a-b\" is not a valid key: use only A-Z, a-z, 0-9 and _, 1 to 255 characters.",
        "variable_type must be \"env_var\" or \"file\", not \"env\".",
      ])
  }

  func testProjectPathIsDescribedWhenSensitive() {
    XCTAssertEqual(
      ProjectData().validate(
        Value.object(ProjectData().schema, ["path": Value.string(secret).marked(sensitive: true)]),
        ranges: TokenTypeTestCase.ranges(["id", "path"])
      ).map(\.detail),
      ["(sensitive value) is not a full path: GitLab finds a project by \"namespace/project\"."])
  }

  func testSensitiveScopeIsDescribedWithoutASuggestion() {
    let scopes = Value.list([.string("read_api"), Value.string("read_apii").marked(sensitive: true)], elementType: .string)
    let found = details(
      UserToken(),
      ["user_id": .number(2), "name": .string("n"), "scopes": scopes, "expires_at": .string("2027-01-01")],
      ["user_id", "name", "scopes", "expires_at"])
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found[0].hasPrefix("(sensitive value) is not a scope of a "), found[0])
    XCTAssertTrue(found[0].contains(" Valid scopes: "), found[0])
    XCTAssertFalse(found.joined().contains("read_apii"))
    XCTAssertFalse(found.joined().contains("Did you mean"))

    let plain = details(
      UserToken(),
      ["user_id": .number(2), "name": .string("n"), "scopes": .stringSet(["read_apii"]), "expires_at": .string("2027-01-01")],
      ["user_id", "name", "scopes", "expires_at"])
    XCTAssertEqual(plain.count, 1)
    XCTAssertTrue(plain[0].hasPrefix("\"read_apii\" is not a scope of a "), plain[0])
    XCTAssertTrue(plain[0].hasSuffix(" Did you mean \"read_api\"?"), plain[0])
  }

  func testPastExpiryOfASensitiveDateIsNotShown() throws {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let expiry = try XCTUnwrap(CalendarDate("2020-01-02"))
    let planned = Value.object([
      "validate_past_expiration_date": .true, "expires_at": Value.string("2020-01-02").marked(sensitive: true),
    ])
    XCTAssertThrowsError(try PastExpirationError.check(planned, expiry: expiry, now: now)) { error in
      let text = (error as? PastExpirationError)?.description ?? ""
      XCTAssertTrue(text.hasPrefix("Expiry date (sensitive value) must be in the future."), text)
      XCTAssertFalse(text.contains("2020-01-02"), text)
    }
    let plain = planned.setting("expires_at", .string("2020-01-02"))
    XCTAssertThrowsError(try PastExpirationError.check(plain, expiry: expiry, now: now)) { error in
      XCTAssertTrue(((error as? PastExpirationError)?.description ?? "").hasPrefix("Expiry date 2020-01-02 must be"))
    }
  }
}
