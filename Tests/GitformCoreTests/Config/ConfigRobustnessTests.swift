import XCTest

@testable import GitformCore

/// Odd and broken configurations get diagnostics, never a crash or a hang.
final class ConfigRobustnessTests: XCTestCase {
  private let snippets = [
    "resource \"project_variable\" \"v\" {\n  count = \"abc\"\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n",
    "resource \"project_variable\" \"v\" {\n  for_each = 5\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n",
    "resource \"project_variable\" \"v\" {\n  for_each = [\"a\"]\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n",
    "resource \"project_variable\" \"v\" {\n  depends_on = \"x\"\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n",
    "resource \"project_variable\" \"v\" {\n  lifecycle {\n    ignore_changes = 5\n    unknown = true\n  }\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n}\n",
    "provider \"other\" {}\nprovider \"gitlab\" {\n  tokn = \"x\"\n}\n",
    "resource \"user_token\" \"t\" {\n  user_id = 1\n  name = \"t\"\n  scopes = [\"api\"]\n  rotation_configuration {\n    expiration_days = 0\n  }\n  rotation_configuration {}\n}\n",
    "variable \"v\" {\n  type = foo(string)\n  default = [1]\n}\nvariable \"v\" {}\n",
    "import {\n  to = 5\n  id = \"x\"\n}\nimport {}\n",
    "resource \"project_variable\" {}\nresource \"a\" \"b\" \"c\" {}\ndata \"nope\" \"x\" {}\nlocals {\n  a = local.a\n}\n",
    "output \"o\" {}\noutput \"p\" {\n  value = project_variable.nope.value\n}\n",
    "resource \"user_token\" \"t\" {\n  user_id = 1.5\n  name = null\n  scopes = \"api\"\n  expires_at = 20261201\n}\n",
    "resource \"project_variable\" \"v\" {\n  project = \"p\"\n  key = \"K\"\n  value = \"x\"\n  depends_on = [project_variable.v]\n}\n",
  ]

  func testEverySnippetGetsAnErrorAndNoCrash() {
    for snippet in snippets {
      let diagnostics = ValidationWalk.diagnostics(
        files: [("main.gf.hcl", Array(snippet.utf8))], directory: "/tmp", clock: .fixed(Date(timeIntervalSince1970: 0)))
      XCTAssertTrue(diagnostics.hasErrors, "no error for:\n\(snippet)")
      for diagnostic in diagnostics where diagnostic.severity == .error {
        XCTAssertFalse(diagnostic.summary.isEmpty)
      }
    }
  }
}
