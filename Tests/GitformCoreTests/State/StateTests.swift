import XCTest
@testable import GitformCore

final class StateTests: XCTestCase {
  private let tokens = ResourceState(address: ResourceAddress(type: "user_token", name: "bot"), each: .map)
  private let variables = ResourceState(address: ResourceAddress(type: "project_variable", name: "v"))

  private func object(_ key: String, _ id: Int, deposed: String? = nil) -> ResourceInstance {
    ResourceInstance(indexKey: .string(key), deposed: deposed, attributes: .object([("id", .integer(id))]))
  }

  func testUpsertReplacesTheSameObjectAndRemovePrunesEmptyResources() {
    var state = State(terraformVersion: "0")
    state.upsert(object("a", 1), in: tokens)
    state.upsert(object("b", 2), in: tokens)
    state.upsert(object("a", 3), in: tokens)
    state.upsert(ResourceInstance(), in: variables)
    XCTAssertEqual(state.resources.count, 2)
    XCTAssertEqual(state.instance(tokens.address.instance(.string("a")))?.attributes["id"], .integer(3))
    XCTAssertEqual(state.instanceAddresses.map(\.description), ["project_variable.v", #"user_token.bot["a"]"#, #"user_token.bot["b"]"#])

    state.remove(tokens.address.instance(.string("a")))
    state.remove(tokens.address.instance(.string("missing")))
    state.remove(variables.address.instance())
    XCTAssertEqual(state.instanceAddresses.map(\.description), [#"user_token.bot["b"]"#])
    state.remove(tokens.address.instance(.string("b")))
    XCTAssertEqual(state.resources, [])
    XCTAssertTrue(state.isEmpty)
  }

  func testDeposedObjectsLiveBesideTheCurrentOne() {
    var state = State(terraformVersion: "0")
    state.upsert(object("a", 1), in: tokens)
    state.upsert(object("a", 1, deposed: "0000abcd"), in: tokens)
    state.upsert(object("a", 2), in: tokens)
    XCTAssertEqual(state.resource(tokens.address)?.instances.count, 2)
    XCTAssertEqual(state.instance(tokens.address.instance(.string("a")))?.attributes["id"], .integer(2))
    state.remove(tokens.address.instance(.string("a")), deposed: "0000abcd")
    XCTAssertEqual(state.resource(tokens.address)?.instances.map(\.deposed), [nil])
  }

  func testDirectChangesAreSeenByLaterUpserts() {
    var state = State(terraformVersion: "0")
    state.upsert(object("a", 1), in: tokens)
    state.upsert(ResourceInstance(), in: variables)
    // Changes that bypass upsert/remove must not leave a stale position behind.
    state.resources[0].instances.removeAll()
    state.resources.swapAt(0, 1)
    state.upsert(object("a", 5), in: tokens)
    state.upsert(ResourceInstance(attributes: .object([("key", .string("K"))])), in: variables)
    XCTAssertEqual(state.resource(tokens.address)?.instances.count, 1)
    XCTAssertEqual(state.resource(variables.address)?.instances.count, 1)
    XCTAssertEqual(state.instance(variables.address.instance())?.attributes["key"], .string("K"))
    state.resources = []
    state.upsert(object("z", 9), in: tokens)
    XCTAssertEqual(state.instanceAddresses.map(\.description), [#"user_token.bot["z"]"#])
  }

  func testEqualityIgnoresOrderAndUpsertSortsAttributeKeys() {
    var first = State(terraformVersion: "0", lineage: StateFixtures.lineage)
    var second = first
    first.upsert(object("a", 1), in: tokens)
    first.upsert(object("b", 2), in: tokens)
    second.upsert(object("b", 2), in: tokens)
    second.upsert(object("a", 1), in: tokens)
    XCTAssertEqual(first, second)
    second.upsert(object("a", 7), in: tokens)
    XCTAssertNotEqual(first, second)

    var unsorted = ResourceInstance()
    unsorted.attributes = .object([("z", .null), ("a", .object([("y", .null), ("b", .null)]))])
    first.upsert(unsorted, in: variables)
    XCTAssertEqual(
      JSONWriter.compact(first.instance(variables.address.instance())?.attributes ?? .null), #"{"a":{"b":null,"y":null},"z":null}"#)
  }

  func testResourcesByAddress() {
    var state = State(terraformVersion: "0")
    state.upsert(object("a", 1), in: tokens)
    XCTAssertEqual(state.resourcesByAddress[tokens.address]?.instances.count, 1)
    XCTAssertNil(state.resourcesByAddress[variables.address])
  }
}

extension StateTests {
  func testReplacementFollowsTerraformsImportRules() throws {
    var existing = State(terraformVersion: "0", serial: 5, lineage: StateFixtures.lineage)
    let unrelated = State(terraformVersion: "0", serial: 9, lineage: "00000000-0000-0000-0000-000000000000")
    try existing.checkReplacement(by: unrelated, path: "s")  // an empty state may be replaced by anything
    existing.upsert(object("a", 1), in: tokens)
    func message(_ incoming: State) -> String? {
      do {
        try existing.checkReplacement(by: incoming, path: "gitform.tfstate")
        return nil
      } catch {
        return error.detail
      }
    }
    XCTAssertEqual(
      message(unrelated),
      #"cannot import state with lineage "00000000-0000-0000-0000-000000000000" over unrelated state with lineage "eaaeffda-61c4-0619-bb81-a7845c7e437a". "gitform.tfstate" has not been changed."#)
    var older = existing
    older.serial = 4
    XCTAssertEqual(
      message(older), #"cannot import state with serial 4 over newer state with serial 5. "gitform.tfstate" has not been changed."#)
    var sameSerial = existing
    sameSerial.upsert(object("b", 2), in: tokens)
    XCTAssertEqual(
      message(sameSerial),
      #"cannot overwrite existing state with serial 5 with a different state that has the same serial. "gitform.tfstate" has not been changed."#)
    XCTAssertNil(message(existing))
    var newer = sameSerial
    newer.serial = 6
    XCTAssertNil(message(newer))
  }
}
