import XCTest

@testable import GitformCore

/// Which objects still carry a token's value: exact copies and sensitive values embedding it,
/// only in objects that depend on the token's resource, never through an ignored attribute —
/// and cheaply enough for thousands of tokens and variables.
final class CarrierIndexTests: XCTestCase {
  private let tokenResource = ResourceAddress(type: "project_token", name: "t")
  private let variableResource = ResourceAddress(type: "project_variable", name: "v")

  private func configuration(ignoringValue: Bool = false) -> Configuration {
    let lifecycle = ignoringValue ? "\n  lifecycle {\n    ignore_changes = [value]\n  }\n" : ""
    let source = """
      resource "project_variable" "v" {
        project = "team/app"
        key     = "T"
        value   = "x"\(lifecycle)
      }

      """
    let (configuration, diagnostics) = ConfigLoader.decode(files: [("main.gf.hcl", Array(source.utf8))], directory: "/tmp")
    XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics)")
    return configuration
  }

  private func token(_ value: String) -> StateObject {
    StateObject(value: Value.object(ResourceAccessToken.project.schema, [
      "project": .string("team/app"), "name": .string("t"), "token": TokenAttributes.secret(SecretValue(value)),
    ]))
  }

  private func variable(_ value: Value, dependsOnToken: Bool = true) -> StateObject {
    StateObject(
      value: Value.object(ProjectVariable().schema, [
        "project": .string("team/app"), "key": .string("T"), "value": value,
      ]), dependencies: dependsOnToken ? [tokenResource] : [])
  }

  private func instance(_ resource: ResourceAddress, _ index: Int? = nil) -> InstanceAddress {
    InstanceAddress(resource: resource, key: index.map { .int($0) })
  }

  func testExactAndEmbeddedCopiesInDependentsCarryTheToken() {
    let old = "glpat-old-value-0123456789"
    let doomed = instance(tokenResource)
    for value in [Value.string(old), Value.string("Bearer " + old).marked(sensitive: true)] {
      let index = CarrierIndex(
        objects: [instance(variableResource): variable(value), doomed: token("glpat-new-value-9876543210")],
        deposed: [:], configuration: configuration())
      XCTAssertEqual(index.carrier(of: doomed, token(old).value), instance(variableResource), "\(value)")
    }
  }

  func testNothingElseCounts() {
    let old = "glpat-old-value-0123456789"
    let doomed = instance(tokenResource)
    let cases: [(String, [InstanceAddress: StateObject], Configuration)] = [
      ("updated to the new value", [instance(variableResource): variable(.string("glpat-new-value-9876543210"))], configuration()),
      ("not a dependent", [instance(variableResource): variable(.string(old), dependsOnToken: false)], configuration()),
      ("value ignored", [instance(variableResource): variable(.string(old))], configuration(ignoringValue: true)),
      ("the token itself", [doomed: token(old)], configuration()),
      // An embedding that is not sensitive is not looked into (only exact copies are).
      ("plain embedding", [instance(variableResource): variable(.string("Bearer " + old))], configuration()),
    ]
    for (name, objects, configuration) in cases {
      let index = CarrierIndex(objects: objects, deposed: [:], configuration: configuration)
      XCTAssertNil(index.carrier(of: doomed, token(old).value), name)
    }
    // A token without a value (imported) has nothing to carry.
    let index = CarrierIndex(
      objects: [instance(variableResource): variable(.string(old))], deposed: [:], configuration: configuration())
    XCTAssertNil(index.carrier(of: doomed, token(old).value.setting("token", .null(.string))))
  }

  func testThousandsOfTokensAndVariablesAreCheckedQuickly() {
    var objects: [InstanceAddress: StateObject] = [:]
    var deposed: [DeposedKey: StateObject] = [:]
    let count = 5_000
    for index in 0..<count {
      let fresh = "glpat-new-\(index)-abcdefghijklmnop"
      objects[instance(tokenResource, index)] = token(fresh)
      deposed[DeposedKey(address: instance(tokenResource, index), key: "0000000\(index % 10)")] =
        token("glpat-old-\(index)-abcdefghijklmnop")
      // Every variable updated but the last, which still carries its old token.
      let carried = index == count - 1 ? "glpat-old-\(index)-abcdefghijklmnop" : fresh
      objects[instance(variableResource, index)] = variable(Value.string(carried).marked(sensitive: true))
    }
    let start = Date()
    let index = CarrierIndex(objects: objects, deposed: deposed, configuration: configuration())
    var carried: [InstanceAddress] = []
    for (key, object) in deposed {
      if index.carrier(of: key.address, object.value) != nil { carried.append(key.address) }
    }
    XCTAssertEqual(carried, [instance(tokenResource, count - 1)])
    XCTAssertLessThan(Date().timeIntervalSince(start), 10, "5,000 lookups over 10,000 objects")
  }
}
