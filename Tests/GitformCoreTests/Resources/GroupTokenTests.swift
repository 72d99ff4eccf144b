import Foundation
import XCTest

@testable import GitformCore

final class GroupTokenTests: TokenTypeTestCase {
  let type = ResourceAccessToken.group
  var groupID = 0

  override func setUpWithError() throws {
    try super.setUpWithError()
    groupID = try fixture.createGroup("platform")
  }

  private func config(group: String = "platform", name: String = "registry",
    scopes: [String] = ["read_virtual_registry", "read_api"], extra: [String: Value] = [:])
    -> Value
  {
    var values: [String: Value] = [
      "group": .string(group), "name": .string(name), "scopes": .stringSet(scopes),
      "expires_at": .string("2026-09-01"),
    ]
    values.merge(extra) { $1 }
    return planned(type.schema, values)
  }

  private func serverToken(_ tokenID: Int) throws -> [String: Any] {
    try serverObject("/api/v4/groups/\(groupID)/access_tokens/\(tokenID)")
  }

  func testCreateByPathWithTheOwnerRoleAndAVirtualRegistryScope() throws {
    let created = try type.create(
      config(extra: ["access_level": .string("owner")]), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))
    XCTAssertEqual(created.string("id"), "platform:\(tokenID)")
    XCTAssertEqual(created.string("group"), "platform")
    XCTAssertEqual(created.string("access_level"), "owner")
    XCTAssertEqual(created.strings("scopes"), ["read_api", "read_virtual_registry"])
    try assertSecretToken(created)

    let server = try serverToken(tokenID)
    XCTAssertEqual(server["access_level"] as? Int, 50)
    XCTAssertEqual((server["scopes"] as? [String])?.sorted(), ["read_api", "read_virtual_registry"])
    XCTAssertEqual(server["user_id"] as? Int, created.int("user_id"))
  }

  func testRefreshRotateAndRevokeAgainstGitLab() throws {
    let first = try type.create(config(group: String(groupID), name: "a"), context: context)
    let second = try type.create(config(group: String(groupID), name: "b"), context: context)
    XCTAssertEqual(type.refreshKey(of: first), "group_token:\(groupID)")
    try fixture.resetStats()
    let refreshed = try type.readAll([second, first], context: context)
    XCTAssertEqual(refreshed.map { $0?.string("name") }, ["b", "a"])
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/groups/:id/access_tokens"), 1)

    let rotated = try type.update(
      prior: first,
      planned: config(group: String(groupID), name: "a", extra: [
        "expires_at": .null(.string),
        "rotation_configuration": .object([
          "expiration_days": .number(10), "rotate_before_days": .number(2),
        ]),
      ]), context: context)
    XCTAssertEqual(rotated.string("expires_at"), "2026-06-11")
    XCTAssertEqual(rotated.int("user_id"), first.int("user_id"))
    XCTAssertNotEqual(rotated.int("token_id"), first.int("token_id"))
    XCTAssertEqual(try serverToken(try XCTUnwrap(first.int("token_id")))["revoked"] as? Bool, true)

    try type.delete(rotated, context: context)
    XCTAssertEqual(
      try serverToken(try XCTUnwrap(rotated.int("token_id")))["revoked"] as? Bool, true)
    XCTAssertNoThrow(try type.delete(rotated, context: context))
    let gone = try XCTUnwrap(try type.read(rotated, context: context))
    XCTAssertEqual(gone.bool("revoked"), true)
  }

  func testRefreshOf120TokensInTwoGroupsTakesOneRequestPerGroupAndPage() throws {
    let otherID = try fixture.createGroup("other")
    var priors: [Value] = []
    for (index, group) in (Array(repeating: "platform", count: 105)
      + Array(repeating: "other", count: 15)).enumerated()
    {
      let answer = try fixture.raw(
        .post, "/api/v4/groups/\(group)/access_tokens",
        ["name": "t\(index)", "scopes": ["read_api"], "expires_at": "2026-09-01"])
      XCTAssertEqual(answer.status, 201)
      let tokenID = try XCTUnwrap(fixture.field(answer, "id") as? Int)
      priors.append(try type.importObject(id: "\(group):\(tokenID)").get())
    }
    XCTAssertNotEqual(otherID, groupID)
    let batches = Dictionary(grouping: priors) { type.refreshKey(of: $0) ?? "" }
    XCTAssertEqual(batches.keys.sorted(), ["group_token:other", "group_token:platform"])
    try fixture.resetStats()

    var names: [String] = []
    for key in batches.keys.sorted() {
      let batch = try XCTUnwrap(batches[key])
      names += try type.readAll(batch, context: context).map { $0?.string("name") ?? "missing" }
    }

    XCTAssertEqual(names.count, 120)
    XCTAssertFalse(names.contains("missing"))
    XCTAssertEqual(Set(names).count, 120)
    // platform: 105 tokens = 2 pages of 100; other: 1 page.
    XCTAssertEqual(try fixture.requestCount("GET /api/v4/groups/:id/access_tokens"), 3)
    XCTAssertEqual(try serverObject("/-/emulator/stats")["total"] as? Int, 3)
  }

  func testImportAndEquivalentSpellings() throws {
    let created = try type.create(config(), context: context)
    let tokenID = try XCTUnwrap(created.int("token_id"))
    let stub = try type.importObject(id: "\(groupID):\(tokenID)").get()
    XCTAssertEqual(stub.string("group"), String(groupID))
    let imported = try XCTUnwrap(try type.read(stub, context: context))
    XCTAssertEqual(imported.string("name"), "registry")
    XCTAssertTrue(imported[attribute: "token"].isNull)
    XCTAssertTrue(
      type.equivalent("group", configured: .string("platform"), prior: imported, context: context))
    _ = try fixture.createGroup("other")
    XCTAssertFalse(
      type.equivalent("group", configured: .string("other"), prior: imported, context: context))

    guard case .failure(let error) = type.importObject(id: "platform") else {
      return XCTFail("accepted an id without a token id")
    }
    XCTAssertEqual(
      error.message,
      "Unexpected import id \"platform\": expected <group>:<token-id>, for example \"12:345\", "
        + "where <token-id> is a positive integer.")
  }

  func testValidation() {
    let ranges = TokenTypeTestCase.ranges(["group", "name", "scopes", "access_level"])
    XCTAssertEqual(type.validate(config(), ranges: ranges), [])
    let diagnostics = type.validate(
      config(group: "", scopes: ["sudo"], extra: ["access_level": .string("admin")]),
      ranges: ranges)
    XCTAssertEqual(
      diagnostics.map(\.detail),
      [
        "group must name a group by id or full path; it is empty.",
        "\"sudo\" is not a scope of a group access token. Valid scopes: "
          + TokenAttributes.groupScopes.joined(separator: ", ") + ".",
        "\"admin\" is not an access level GitLab gives a token. Valid levels: "
          + "guest, planner, reporter, developer, maintainer, owner.",
      ])
    XCTAssertEqual(diagnostics.first?.subject, ranges.range(of: "group"))
    XCTAssertEqual(
      type.validate(config(scopes: []), ranges: ranges).map(\.detail),
      ["A group access token needs at least one scope."])
    let long = String(repeating: "é", count: 256)
    XCTAssertEqual(
      type.validate(config(extra: ["description": .string(long)]), ranges: ranges).map(\.detail),
      ["description is too long: 256 characters, at most 255."])
    XCTAssertEqual(
      type.validate(
        config(extra: ["description": .string(String(long.dropLast()))]), ranges: ranges), [])
  }
}
