import XCTest

@testable import GitformCore

/// A saved plan's configuration digest covers what the configuration says, not its bytes:
/// comments and layout do not make a plan stale, any change of meaning does (issue 9, item 12).
final class SavedPlanDigestTests: XCTestCase {
  private func digest(_ text: String) -> String {
    var configuration = Configuration(directory: "/tmp")
    configuration.sources = ["main.gf.hcl": Array(text.utf8)]
    return SavedPlan.digest(of: configuration)
  }

  private let original = """
    # The deploy variable.
    resource "project_variable" "a" {
      project = "team/app"
      key     = "A"
      value   = "v" // inline
    }

    """

  func testCommentsAndLayoutDoNotChangeTheDigest() {
    let base = digest(original)
    XCTAssertEqual(digest(original.replacingOccurrences(of: "# The deploy variable.", with: "# Rewritten comment")), base)
    XCTAssertEqual(digest(original.replacingOccurrences(of: "// inline", with: "# other /* words */")), base)
    XCTAssertEqual(digest(original.replacingOccurrences(of: "// inline", with: "")), base)
    XCTAssertEqual(digest(original.replacingOccurrences(of: "project = ", with: "project=")), base)
    XCTAssertEqual(digest("\n\n" + original.replacingOccurrences(of: "\n", with: "\r\n\n") + "/* end */\n"), base)
    XCTAssertEqual(digest(original.replacingOccurrences(of: "key     = \"A\"", with: "key /* the key */ = \"A\"")), base)
  }

  func testEveryChangeOfMeaningChangesTheDigest() {
    let base = digest(original)
    for changed in [
      original.replacingOccurrences(of: "value   = \"v\"", with: "value   = \"v \""),
      original.replacingOccurrences(of: "value   = \"v\"", with: "value   = \"w\""),
      original.replacingOccurrences(of: "\"team/app\"", with: "\"team/ap\""),
      original.replacingOccurrences(of: "key     = \"A\"", with: "key     = \"A\"\n  masked  = true"),
      original.replacingOccurrences(of: "resource \"project_variable\" \"a\"", with: "resource \"project_variable\" \"b\""),
    ] {
      XCTAssertNotEqual(digest(changed), base, changed)
    }
    // A line comment ends its line: removing the newline with it would join two attributes.
    XCTAssertNotEqual(digest("a = 1 # x\nb = 2\n"), digest("a = 1 b = 2\n"))
  }

  /// End to end: a plan saved, then only a comment edited, still applies.
  func testACommentOnlyEditKeepsASavedPlanApplicable() throws {
    let scene = try InProcessCLI("digest")
    defer { scene.finish() }
    _ = try scene.fixture.createProject("app", inGroup: try scene.fixture.createGroup("team"))
    try scene.write(original)
    XCTAssertEqual(scene.run(["plan", "-out=saved.plan"]).code, 0)
    try scene.write(original.replacingOccurrences(of: "# The deploy variable.", with: "# Reviewed in MR !12."))
    let applied = scene.run(["apply", "saved.plan"])
    XCTAssertEqual(applied.code, 0, applied.err)
    XCTAssertTrue(applied.out.contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed."), applied.out)
  }
}
