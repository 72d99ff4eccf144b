import XCTest

@testable import GitformCore

/// `project_variable.value` is always sensitive, as the Terraform provider has it: no plan,
/// drift note, `show`, `state show` or `show -json` prints it — imported, literal, or changed
/// outside gitform (issue 9, item 5).
final class VariableValueSensitivityTests: XCTestCase {
  private var scene: InProcessCLI!
  private var fixture: EmulatorFixture { scene.fixture }

  private let legacy = "s3cr3t-legacy-value"
  private let literal = "new-literal-value-1234"
  private let outside = "changed-outside-5678"

  override func setUpWithError() throws {
    scene = try InProcessCLI("varvalue")
    _ = try fixture.createProject("app", inGroup: try fixture.createGroup("team"))
  }

  override func tearDownWithError() throws {
    scene?.finish()
  }

  /// Runs the command exactly as given: `-no-color` is part of some runs and not of others.
  private func run(_ arguments: [String]) -> CommandRun {
    scene.workspace.run(arguments)
  }

  private func write(masked: Bool) throws {
    try scene.write(
      """
      resource "project_variable" "v" {
        project = "team/app"
        key     = "LEGACY"
        value   = "\(literal)"
        masked  = \(masked)
      }

      """)
  }

  func testAVariableValueIsNeverPrinted() throws {
    let made = try fixture.raw(
      .post, "/api/v4/projects/team%2Fapp/variables", ["key": "LEGACY", "value": legacy, "masked": true])
    XCTAssertEqual(made.status, 201)
    try write(masked: true)
    XCTAssertEqual(run(["import", "-no-color", "project_variable.v", "team/app:LEGACY"]).code, 0)

    let stateShow = run(["state", "show", "project_variable.v"])
    XCTAssertEqual(stateShow.code, 0, stateShow.err)
    XCTAssertTrue(stateShow.out.contains("value             = (sensitive value)"), stateShow.out)
    XCTAssertEqual(run(["show", "-no-color"]).code, 0)
    let json = run(["show", "-json"])
    XCTAssertEqual(json.code, 0, json.err)
    XCTAssertTrue(json.out.contains("\"sensitive_values\":{\"value\":true}"), json.out)

    let plan = run(["plan", "-no-color"])
    XCTAssertEqual(plan.code, 0, plan.err)
    XCTAssertTrue(plan.out.contains("~ value             = (sensitive value)"), plan.out)
    XCTAssertEqual(run(["apply", "-auto-approve", "-no-color"]).code, 0)
    let variable = try fixture.raw(.get, "/api/v4/projects/team%2Fapp/variables/LEGACY")
    XCTAssertEqual(try fixture.field(variable, "value") as? String, literal)

    // Changed outside gitform: the drift note and the plan that undoes it show no value.
    XCTAssertEqual(
      try fixture.raw(.put, "/api/v4/projects/team%2Fapp/variables/LEGACY", ["value": outside]).status, 200)
    let drift = run(["plan", "-no-color"])
    XCTAssertEqual(drift.code, 0, drift.err)
    XCTAssertTrue(drift.out.contains("# project_variable.v has changed"), drift.out)
    XCTAssertTrue(drift.out.contains("~ value             = (sensitive value)"), drift.out)

    for text in scene.transcript {
      for secret in [legacy, literal, outside] {
        XCTAssertFalse(text.contains(secret), "a variable value was printed:\n\(text)")
      }
    }
  }
}
