import XCTest
@testable import GitformCore

/// Checks written states, journal lines and lock info against the schemas in `schemas/`, so the
/// published schemas and the writers cannot drift apart.
final class StateSchemaTests: XCTestCase {
  private func checker() throws -> JSONSchemaChecker { try JSONSchemaChecker.load("state.v4.schema.json") }

  func testWrittenStatesConform() throws {
    let checker = try checker()
    let states = [StateFixtures.full, State(terraformVersion: "0.1.0"), StateFixtures.full.normalized()]
    for state in states {
      let written = try JSONParser.parse(StateFile.encode(state))
      XCTAssertEqual(checker.violations(of: written), [])
    }
  }

  func testCheckerCatchesViolations() throws {
    let checker = try checker()
    var document = try JSONParser.parse(StateFixtures.fullText)
    guard case .object(var members) = document else { return XCTFail("not an object") }
    members[2] = (key: "serial", value: .number("-1"))
    members[3] = (key: "lineage", value: .string("not-a-uuid"))
    members.append((key: "extra", value: .null))
    members.removeAll { $0.key == "check_results" }
    document = .object(members)
    XCTAssertEqual(
      checker.violations(of: document),
      [
        "$: missing required \"check_results\"",
        "$: unexpected property \"extra\"",
        "$.serial: -1 is less than 0",
        "$.lineage: \"not-a-uuid\" does not match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
      ])
    let badInstance = try JSONParser.parse(
      #"{"version": 4, "terraform_version": "x", "serial": 1, "lineage": "eaaeffda-61c4-0619-bb81-a7845c7e437a", "outputs": {"o": {"value": 1, "type": 2}}, "resources": [{"mode": "other", "type": "t", "name": "n", "provider": "p", "instances": [{"schema_version": 0, "attributes": {}, "sensitive_attributes": [[{"type": "get_attr", "value": true}]]}]}], "check_results": null}"#)
    XCTAssertEqual(
      checker.violations(of: badInstance),
      [
        "$.outputs.o.type: is number, expected string or array",
        "$.resources[0].mode: \"other\" is not one of [\"managed\",\"data\"]",
        "$.resources[0].provider: \"p\" does not match ^provider\\[\"[^\"]+\"\\](\\.[A-Za-z_][A-Za-z0-9_-]*)?$",
        "$.resources[0].instances[0].sensitive_attributes[0][0].value: is boolean, expected string or integer",
      ])
  }

  func testJournalLinesConform() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let checker = try JSONSchemaChecker.load("journal-line.schema.json")
    let store = StateStore(path: directory.file("gitform.tfstate"), writerVersion: "0.1.0")
    let journal = try store.beginJournal(for: StateFixtures.full)
    let resource = StateFixtures.full.resources[0]
    try journal.append(.upsert(resource: resource, instance: resource.instances[0]))
    try journal.append(.remove(resource.address.instance(.string("zed")), deposed: "0000abcd"))
    try journal.append(.remove(resource.address.instance(), deposed: nil))
    journal.close()
    let text = String(decoding: TemporaryDirectory.bytes(of: journal.path) ?? [], as: UTF8.self)
    let lines = text.split(separator: "\n")
    XCTAssertEqual(lines.count, 4)
    for line in lines {
      XCTAssertEqual(checker.violations(of: try JSONParser.parse(String(line))), [], String(line))
    }
    XCTAssertEqual(
      checker.violations(of: try JSONParser.parse(#"{"op":"remove"}"#)), ["$: matches none of the 3 anyOf schemas"])
  }

  func testLockInfoConforms() throws {
    let checker = try JSONSchemaChecker.load("lock-info.schema.json")
    let info = LockInfo(operation: LockInfo.apply, version: "0.1.0", path: "gitform.tfstate")
    XCTAssertEqual(checker.violations(of: info.json), [])
    var stale = info
    stale.created = "yesterday"
    XCTAssertEqual(checker.violations(of: stale.json).count, 1)
  }
}
