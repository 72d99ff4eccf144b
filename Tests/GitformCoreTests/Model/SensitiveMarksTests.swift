import Foundation
import XCTest

@testable import GitformCore

/// GitLab's answers carry no marks: after create, update and refresh, an attribute that was
/// sensitive in the planned (or prior) value stays sensitive, an id containing a sensitive
/// attribute's text becomes sensitive, and the state round trip keeps both (QA item 1).
final class SensitiveMarksTests: XCTestCase {
  private let type = ProjectVariable()
  private let key = "K_GLPAT_SECRET"

  private func answer() -> Value {
    Value.object(
      type.schema,
      [
        "project": .string("team/app"), "key": .string(key), "value": .string("x"),
        "id": .string("team/app:\(key):*"), "description": .string("plain"),
      ])
  }

  func testPlannedMarksAreCarriedAndTheIdFollowsTheKey() {
    let planned = answer().setting("key", Value.string(key).marked(sensitive: true)).setting("id", .unknown(.string))
    let applied = SensitiveMarks.apply(type.schema, to: answer(), carrying: planned)
    XCTAssertTrue(applied[attribute: "key"].isSensitive)
    XCTAssertTrue(applied[attribute: "id"].isSensitive)
    XCTAssertFalse(applied[attribute: "description"].isSensitive)
    XCTAssertFalse(applied[attribute: "project"].isSensitive)
    XCTAssertNil(type.displayID(of: applied))
  }

  func testWithoutSensitiveInputsOnlyTheValueIsMarked() {
    let applied = SensitiveMarks.apply(type.schema, to: answer(), carrying: answer())
    // A variable's value is always sensitive, as in the Terraform provider (issue 9, item 5).
    XCTAssertEqual(applied.sortedAttributes?.filter { $0.value.containsSensitive }.map(\.key), ["value"])
    XCTAssertEqual(type.displayID(of: applied), "team/app:\(key):*")
  }

  func testStateRoundTripKeepsDerivedSensitivity() {
    let planned = answer().setting("description", Value.string("copy").marked(sensitive: true))
    let applied = SensitiveMarks.apply(type.schema, to: answer(), carrying: planned)
    let address = InstanceAddress(resource: ResourceAddress(mode: .managed, type: "project_variable", name: "k"), key: nil)
    let instance = StateBridge.instance(address, StateObject(value: applied, dependencies: [], createBeforeDestroy: false, pending: false))
    XCTAssertEqual(instance.sensitiveAttributes.map(\.description), ["description", "value"])
    var state = State(terraformVersion: "1.11.0")
    StateBridge.upsert(address, StateObject(value: applied, dependencies: [], createBeforeDestroy: false, pending: false), each: nil)
      .apply(to: &state)
    let (snapshot, diagnostics) = StateBridge.snapshot(state, schemas: ResourceCatalog.standard.schema(of:))
    XCTAssertEqual(diagnostics, [])
    XCTAssertTrue(snapshot.objects[address]?.value[attribute: "description"].isSensitive == true)
    XCTAssertTrue(snapshot.objects[address]?.value[attribute: "key"].isSensitive == false)
  }
}
