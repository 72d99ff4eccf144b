import XCTest
@testable import GitformCore

final class ResourceAddressTests: XCTestCase {
  func testParsesEveryFormAndPrintsItBack() throws {
    let cases: [(String, InstanceAddress)] = [
      ("user_token.bot", InstanceAddress(resource: ResourceAddress(type: "user_token", name: "bot"))),
      ("user_token.bot[0]", ResourceAddress(type: "user_token", name: "bot").instance(.int(0))),
      ("user_token.bot[12]", ResourceAddress(type: "user_token", name: "bot").instance(.int(12))),
      (#"user_token.bot["alice"]"#, ResourceAddress(type: "user_token", name: "bot").instance(.string("alice"))),
      (#"user_token.bot["a\"b\\c.d[0]"]"#, ResourceAddress(type: "user_token", name: "bot").instance(.string("a\"b\\c.d[0]"))),
      (#"user_token.bot["a$${b%%{c"]"#, ResourceAddress(type: "user_token", name: "bot").instance(.string("a${b%{c"))),
      (#"user_token.bot["c\u007fd\u0080\U000e0001"]"#, ResourceAddress(type: "user_token", name: "bot").instance(.string("c\u{7F}d\u{80}\u{E0001}"))),
      ("data.user.x", ResourceAddress(mode: .data, type: "user", name: "x").instance()),
      ("data.user.x-1[3]", ResourceAddress(mode: .data, type: "user", name: "x-1").instance(.int(3))),
      (
        #"module.team["a"].project_token.deploy"#,
        ResourceAddress(type: "project_token", name: "deploy", module: [ModuleStep(name: "team", key: .string("a"))]).instance()
      ),
      (
        "module.a[0].module.b.data.user.x[1]",
        ResourceAddress(mode: .data, type: "user", name: "x", module: [ModuleStep(name: "a", key: .int(0)), ModuleStep(name: "b")])
          .instance(.int(1))
      ),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(try InstanceAddress.parse(text), expected, text)
      XCTAssertEqual(expected.description, text)
    }
    XCTAssertEqual(try ResourceAddress.parse("data.group.g").description, "data.group.g")
  }

  func testMalformedAddressesGetClearMessages() {
    let cases: [(String, String)] = [
      ("", #"Invalid address "": expected a resource type at the end."#),
      ("user_token", #"Invalid address "user_token": expected TYPE.NAME, as in user_token.bot."#),
      ("user_token.", #"Invalid address "user_token.": expected a resource name at the end."#),
      ("1x.y", #"Invalid address "1x.y": expected a resource type at "1x.y"."#),
      ("data.user", #"Invalid address "data.user": a data source address needs both a type and a name, as in data.user.alice."#),
      ("module.m", #"Invalid address "module.m": expected a resource address after module.m, as in module.m.user_token.bot."#),
      ("module", #"Invalid address "module": a module address needs the module's name, as in module.team."#),
      ("module.m[0]x", #"Invalid address "module.m[0]x": unexpected "x" after the address."#),
      ("a.b.c", #"Invalid address "a.b.c": too many parts; expected TYPE.NAME or data.TYPE.NAME."#),
      ("a.b[", #"Invalid address "a.b[": an instance key is a number like [0] or a quoted string like ["alice"]."#),
      ("a.b[01]", #"Invalid address "a.b[01]": the instance index 01 is not a valid number."#),
      ("a.b[99999999999999999999]", #"Invalid address "a.b[99999999999999999999]": the instance index 99999999999999999999 is not a valid number."#),
      (#"a.b["x"#, #"Invalid address "a.b[\"x": the instance key's string is not closed with "."#),
      (#"a.b["x"x"#, #"Invalid address "a.b[\"x\"x": expected ] after the instance key."#),
      ("a.b[0] ", #"Invalid address "a.b[0] ": unexpected " " after the address."#),
      ("a.b[0]\u{1B}[2J", #"Invalid address "a.b[0]\x1b[2J": unexpected "\x1b[2J" after the address."#),
      ("a.\u{7F}b", #"Invalid address "a.\x7fb": expected a resource name at "\x7fb"."#),
      (#"a.b["\u12"]"#, #"Invalid address "a.b[\"\\u12\"]": a \u escape in the instance key needs 4 hex digits of a character."#),
      (#"a.b["\Uffffffff"]"#, #"Invalid address "a.b[\"\\Uffffffff\"]": a \U escape in the instance key needs 8 hex digits of a character."#),
      (#"a.b["\q"]"#, #"Invalid address "a.b[\"\\q\"]": unknown escape \q in the instance key."#),
    ]
    for (text, message) in cases {
      XCTAssertThrowsError(try InstanceAddress.parse(text), text) { error in
        XCTAssertEqual((error as? AddressError)?.description, message, text)
      }
    }
    XCTAssertThrowsError(try ResourceAddress.parse("a.b[0]")) { error in
      XCTAssertEqual(
        (error as? AddressError)?.description,
        #"Invalid address "a.b[0]": a resource address must not select an instance; remove the [...] part."#)
    }
  }

  func testAModuleInstanceAloneIsAnAddressOnlyWhereAllowed() throws {
    let team = try InstanceAddress.parse(#"module.team["a"]"#, allowingModule: true)
    XCTAssertTrue(team.resource.isModuleOnly)
    XCTAssertEqual(team.description, #"module.team["a"]"#)
    XCTAssertTrue(ModuleStep.contains(try InstanceAddress.parse("module.team", allowingModule: true).resource.module, team.resource.module))
    XCTAssertFalse(ModuleStep.contains(team.resource.module, [ModuleStep(name: "team", key: .string("b"))]))
    XCTAssertThrowsError(try InstanceAddress.parse(#"module.team["a"]"#))
  }

  /// Terraform's order: the root module's resources first, then shorter module paths, then
  /// step by step by name and key.
  func testModuleResourcesSortAsTerraformPlansThem() throws {
    let texts = [
      "module.b.x.y", #"module.a["x"].x.y"#, "module.a[0].module.c.x.y", "z.y", "module.a[1].x.y", "data.d.d", "module.a[0].x.y",
    ]
    let sorted = try texts.map { try InstanceAddress.parse($0) }.sorted().map(\.description)
    XCTAssertEqual(
      sorted,
      ["data.d.d", "z.y", "module.a[0].x.y", "module.a[1].x.y", #"module.a["x"].x.y"#, "module.b.x.y", "module.a[0].module.c.x.y"])
  }

  func testAStateDependencyTakesTheKeysOfTheModuleInstanceThatReadsIt() throws {
    let dependency = try ResourceAddress.parse("module.team.module.inner.project_token.deploy")
    let reader = try InstanceAddress.parse(#"module.team["a"].module.inner[2].project_variable.v"#).resource.module
    XCTAssertEqual(dependency.resolved(from: reader).description, #"module.team["a"].module.inner[2].project_token.deploy"#)
    XCTAssertEqual(dependency.resolved(from: []).description, "module.team.module.inner.project_token.deploy")
    let other = try ResourceAddress.parse("module.other.project_token.deploy")
    XCTAssertEqual(other.resolved(from: reader).description, "module.other.project_token.deploy")
    XCTAssertEqual(dependency.configAddress, dependency)
    XCTAssertEqual(dependency.resolved(from: reader).configAddress, dependency)
  }

  func testSortingIsStable() throws {
    let texts = [#"b.x["b"]"#, "b.x[10]", "a.z", "data.a.a", "b.x[2]", #"b.x["a"]"#, "b.x", "a.y"]
    let sorted = try texts.map { try InstanceAddress.parse($0) }.sorted().map(\.description)
    XCTAssertEqual(sorted, ["data.a.a", "a.y", "a.z", "b.x", "b.x[2]", "b.x[10]", #"b.x["a"]"#, #"b.x["b"]"#])
  }
}
