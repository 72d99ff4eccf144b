import XCTest

@testable import GitformCore

/// `moved` and `removed` blocks as the configuration decodes them: Terraform's checks of the
/// statements against each other and against the declared resources, in Terraform's words.
final class RefactoringBlockTests: XCTestCase {
  private let resource = """
    resource "project_token" "b" {
      project = "g/p"
      name    = "deploy"
      scopes  = ["read_api"]
    }

    """

  /// Diagnostics as "summary: detail @line" (no line for sourceless ones).
  private func problems(_ source: String) -> [String] {
    let (_, diagnostics) = ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
    return diagnostics.map { "\($0.summary): \($0.detail)" + ($0.subject.map { " @\($0.start.line)" } ?? "") }
  }

  private func decoded(_ source: String) -> Configuration {
    ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp").0
  }

  func testAMoveIsDecodedWithBothEnds() {
    let configuration = decoded(resource + "moved {\n  from = project_token.a\n  to   = project_token.b\n}\n")
    XCTAssertEqual(configuration.moved.map { "\($0.from) -> \($0.to) \($0.from.isInstance)" }, ["project_token.a -> project_token.b false"])
    XCTAssertEqual(problems(resource + "moved {\n  from = project_token.a\n  to   = project_token.b\n}\n"), [])
  }

  func testAnInstanceAtOneEndMakesTheOtherEndTheUnkeyedInstance() {
    let configuration = decoded(resource + "moved {\n  from = project_token.a\n  to   = project_token.b[0]\n}\n")
    let move = configuration.moved[0]
    XCTAssertTrue(move.from.isInstance)
    XCTAssertNil(move.from.key)
    XCTAssertEqual(move.to.description, "project_token.b[0]")
  }

  func testRedundantAmbiguousAndStillDeclaredMovesAreErrorsInTerraformsWords() {
    let source = resource + """
      resource "project_token" "e" {
        project = "g/p"
        name    = "other"
        scopes  = ["read_api"]
      }
      moved {
        from = project_token.a
        to   = project_token.b
      }
      moved {
        from = project_token.a
        to   = project_token.e
      }
      moved {
        from = project_token.b
        to   = project_token.c
      }
      moved {
        from = project_token.x
        to   = project_token.x
      }

      """
    XCTAssertEqual(
      problems(source),
      [
        "Ambiguous move statements: A statement at main.gf.hcl:11,1 declared that project_token.a moved to project_token.b, but this statement instead declares that it moved to project_token.e.\n\nEach resource can move to only one destination resource. @15",
        "Moved object still exists: This statement declares a move from project_token.b, but that resource is still declared at main.gf.hcl:1,1.\n\nChange your configuration so that this resource will be declared as project_token.c instead. @19",
        "Redundant move statement: This statement declares a move from project_token.x to the same address, which is the same as not declaring this move at all. @23",
      ])
  }

  func testTwoSourcesForOneDestinationAreAmbiguous() {
    let source = resource + "moved {\n  from = project_token.a\n  to   = project_token.b\n}\nmoved {\n  from = project_token.c\n  to   = project_token.b\n}\n"
    XCTAssertEqual(
      problems(source),
      [
        "Ambiguous move statements: A statement at main.gf.hcl:6,1 declared that project_token.a moved to project_token.b, but this statement instead declares that project_token.c moved there.\n\nEach resource can have moved from only one source resource. @10"
      ])
  }

  func testAChainIsAllowedAndACycleIsNot() {
    let chain = resource + "moved {\n  from = project_token.a\n  to   = project_token.m\n}\nmoved {\n  from = project_token.m\n  to   = project_token.b\n}\n"
    XCTAssertEqual(problems(chain), [])
    let cycle = resource + "moved {\n  from = project_token.c\n  to   = project_token.d\n}\nmoved {\n  from = project_token.d\n  to   = project_token.c\n}\n"
    XCTAssertEqual(
      problems(cycle),
      [
        "Cyclic dependency in move statements: The following chained move statements form a cycle, and so there is no final location to move objects to:\n  - main.gf.hcl:10,1: project_token.d[*] → project_token.c[*]\n  - main.gf.hcl:6,1: project_token.c[*] → project_token.d[*]\n\nA chain of move statements must end with an address that doesn't appear in any other statements, and which typically also refers to an object still declared in the configuration."
      ])
  }

  func testAMoveToAnotherTypeIsRefused() {
    XCTAssertEqual(
      problems(resource + "moved {\n  from = project_token.a\n  to   = group_token.a\n}\n"),
      ["Resource type mismatch: This statement declares a move from project_token.a to group_token.a, which is a resource of a different type."])
  }

  func testAddressesMustBeStaticManagedResources() {
    XCTAssertEqual(
      problems(resource + "moved {\n  from = project_token.a\n  to   = 3\n}\n"),
      ["Invalid expression: A single static variable reference is required: only attribute access and indexing with constant keys. No calculations, function calls, template expressions, etc are allowed here. @8"])
    XCTAssertEqual(
      problems(resource + "moved {\n  to = project_token.b\n}\n"),
      ["Missing required argument: The argument \"from\" is required, but no definition was found. @6"])
    XCTAssertEqual(
      problems(resource + "moved {\n  from = data.project.a\n  to   = project_token.b\n}\n"),
      ["Invalid address: Data sources have no objects to move: a moved block's address must be a managed resource. @7"])
  }

  func testRemovedBlocks() {
    let forget = decoded("removed {\n  from = project_token.a\n  lifecycle {\n    destroy = false\n  }\n}\n")
    XCTAssertEqual(forget.removed.map { "\($0.from) \($0.destroy)" }, ["project_token.a false"])
    XCTAssertEqual(decoded("removed {\n  from = project_token.a\n}\n").removed.map(\.destroy), [true])
    XCTAssertEqual(
      problems(resource + "removed {\n  from = project_token.b\n}\n"),
      ["Removed resource still exists: This statement declares that project_token.b was removed, but it is still declared in configuration. @1"])
    XCTAssertEqual(
      problems("removed {\n  from = project_token.a[0]\n}\n"),
      ["Resource instance keys not allowed: Resource address must be a resource (e.g. \"test_instance.foo\"), not a resource instance (e.g. \"test_instance.foo[1]\"). @2"])
    XCTAssertEqual(
      problems("removed {\n  from = project_token.a\n  lifecycle {\n    destroy = \"no\"\n  }\n}\n"),
      ["Invalid destroy flag: Unsuitable value: a bool is required. @4"])
  }
}
