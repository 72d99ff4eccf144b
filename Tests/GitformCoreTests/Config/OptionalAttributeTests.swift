import XCTest

@testable import GitformCore

/// `optional(TYPE)` and `optional(TYPE, DEFAULT)` in variable type constraints: Terraform 1.3's
/// defaulting (checked against `terraform console` while writing) and HCL's messages.
final class OptionalAttributeTests: XCTestCase {
  private func load(_ source: String) -> (Configuration, [Diagnostic]) {
    ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
  }

  /// The variable `v` of `type`, given `value` with -var (nil: its default).
  private func resolve(type: String, default defaultText: String? = nil, value: String? = nil) -> (String?, [String]) {
    var source = "variable \"v\" {\n  type = \(type)\n"
    if let defaultText { source += "  default = \(defaultText)\n" }
    source += "}\n"
    let (configuration, problems) = load(source)
    if problems.hasErrors { return (nil, problems.map { "\($0.summary): \($0.detail)" }) }
    let (values, diagnostics) = VariableValues.resolve(
      configuration, arguments: value.map { [.assignment("v=\($0)")] } ?? [], environment: [:],
      context: EvalContext(mode: .plan))
    return (values["v"]?.description, diagnostics.map { "\($0.summary): \($0.detail)" })
  }

  func testMissingOptionalAttributesAreNullOrTheirDefault() {
    let (value, problems) = resolve(
      type: "object({ name = string, level = optional(string), scopes = optional(list(string), [\"read_api\"]) })",
      value: "{ name = \"x\" }")
    XCTAssertEqual(problems, [])
    XCTAssertEqual(value, "{level = tostring(null), name = \"x\", scopes = tolist([\"read_api\"])}")
  }

  func testANullAttributeTakesTheDefaultAndAGivenOneWins() {
    let type = "object({ days = optional(number, 30) })"
    XCTAssertEqual(resolve(type: type, value: "{ days = null }").0, "{days = 30}")
    XCTAssertEqual(resolve(type: type, value: "{ days = 7 }").0, "{days = 7}")
    XCTAssertEqual(resolve(type: type, value: "{ days = \"7\" }").0, "{days = 7}")
  }

  func testNestedDefaultsInMapsAndListsOfObjectsAndInADefaultObject() {
    let type = """
      map(object({
          name    = string
          expires = optional(object({ days = optional(number, 30), warn = optional(bool) }), {})
          rules   = optional(list(object({ level = optional(string, "developer") })), [])
        }))
      """
    let (value, problems) = resolve(
      type: type,
      default: "{ a = { name = \"x\" }, b = { name = \"y\", expires = { warn = true }, rules = [{}, { level = \"owner\" }] } }")
    XCTAssertEqual(problems, [])
    XCTAssertEqual(
      value,
      "tomap({\"a\" = {expires = {days = 30, warn = tobool(null)}, name = \"x\", rules = tolist([])}, "
        + "\"b\" = {expires = {days = 30, warn = true}, name = \"y\", rules = tolist([{level = \"developer\"}, {level = \"owner\"}])}})")
  }

  func testARequiredAttributeIsStillRequired() {
    let (value, problems) = resolve(
      type: "object({ name = string, level = optional(string) })", value: "{ level = \"owner\" }")
    XCTAssertNil(value)
    XCTAssertEqual(
      problems,
      ["Invalid value for input variable: Unsuitable value for var.v set using -var=\"v=...\": attribute \"name\" is required."])
  }

  func testANullObjectStaysNull() {
    XCTAssertEqual(resolve(type: "object({ days = optional(number, 30) })", value: "null").0, "null")
  }

  func testTypeSpecificationErrorsInHCLsWords() {
    func problems(_ type: String) -> [String] {
      load("variable \"v\" {\n  type = \(type)\n}\n").1.map { "\($0.summary): \($0.detail)" }
    }
    XCTAssertEqual(
      problems("optional(string)"),
      ["Invalid type specification: Keyword \"optional\" is valid only as a modifier for object type attributes."])
    XCTAssertEqual(
      problems("list(optional(string))"),
      ["Invalid type specification: Keyword \"optional\" is valid only as a modifier for object type attributes."])
    XCTAssertEqual(
      problems("object({ a = optional() })"),
      ["Invalid type specification: Optional attribute modifier requires the attribute type as its argument."])
    XCTAssertEqual(
      problems("object({ a = optional(string, \"a\", \"b\") })"),
      ["Invalid type specification: Optional attribute modifier expects at most two arguments: the attribute type, and a default value."])
    XCTAssertEqual(
      problems("object({ a = optional(number, \"x\") })"),
      ["Invalid default value for optional attribute: This default value is not compatible with the attribute's type constraint: a number is required."])
    XCTAssertEqual(
      problems("frob(string)"), ["Invalid type specification: Keyword \"frob\" is not a valid type constructor."])
  }
}
