import XCTest

@testable import GitformCore

/// The saved plans' key in the state: written only once there is one, as the last top-level
/// field (Terraform's state reader ignores it), read back exactly, and checked for its form.
final class StatePlanKeyTests: XCTestCase {
  private func decode(_ text: String) throws -> State {
    try StateFile.decode(Array(text.utf8), path: "gitform.tfstate", readerVersion: "0.1.0")
  }

  func testAStateWithoutAKeyKeepsTerraformsExactLayout() {
    let state = State(terraformVersion: "0.1.0", serial: 3, lineage: "0b5a6f1e-7d0a-4f52-9c1b-3b1f2d9a8e11")
    XCTAssertFalse(StateFile.encode(state).contains("gitform_plan_key"))
  }

  func testTheKeyRoundTripsAsTheLastField() throws {
    var state = State(terraformVersion: "0.1.0", serial: 3, lineage: "0b5a6f1e-7d0a-4f52-9c1b-3b1f2d9a8e11")
    state.planKey = State.newPlanKey()
    let text = StateFile.encode(state)
    XCTAssertTrue(text.hasSuffix("  \"check_results\": null,\n  \"gitform_plan_key\": \"\(state.planKey ?? "")\"\n}\n"), text)
    let read = try decode(text)
    XCTAssertEqual(read.planKey, state.planKey)
    XCTAssertEqual(StateFile.encode(read), text)
  }

  func testKeysAreRandom() {
    let keys = Set((0..<20).map { _ in State.newPlanKey() })
    XCTAssertEqual(keys.count, 20)
    XCTAssertTrue(keys.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
  }

  func testAMalformedKeyIsRefused() {
    for bad in ["\"short\"", "42", "null", "\"" + String(repeating: "g", count: 64) + "\""] {
      let text = "{\"version\": 4, \"terraform_version\": \"0.1.0\", \"serial\": 1, \"lineage\": \"l\", \"gitform_plan_key\": \(bad)}"
      XCTAssertThrowsError(try decode(text), bad) { error in
        XCTAssertTrue("\(error)".contains("gitform_plan_key"), "\(error)")
      }
    }
  }
}
