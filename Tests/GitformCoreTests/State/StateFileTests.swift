import XCTest
@testable import GitformCore

final class StateFileTests: XCTestCase {
  func testEncodesInTerraformsLayout() {
    XCTAssertEqual(StateFile.encode(StateFixtures.full), StateFixtures.fullText)
  }

  func testEmptyStateLayout() {
    let state = State(terraformVersion: "0.1.0", serial: 0, lineage: StateFixtures.lineage)
    XCTAssertEqual(
      StateFile.encode(state),
      """
      {
        "version": 4,
        "terraform_version": "0.1.0",
        "serial": 0,
        "lineage": "eaaeffda-61c4-0619-bb81-a7845c7e437a",
        "outputs": {},
        "resources": [],
        "check_results": null
      }

      """)
  }

  func testRoundTripIsByteIdentical() throws {
    let bytes = Array(StateFixtures.fullText.utf8)
    let state = try StateFile.decode(bytes, path: "s", readerVersion: "0.1.0")
    XCTAssertEqual(StateFile.encodeBytes(state), bytes)
    XCTAssertEqual(state.normalized(), StateFixtures.full.normalized())
  }

  func testReadsTerraformWrittenStateAndRewritesItIdentically() throws {
    let text = """
      {
        "version": 4,
        "terraform_version": "1.11.4",
        "serial": 3,
        "lineage": "eaaeffda-61c4-0619-bb81-a7845c7e437a",
        "outputs": {
          "token_id": {
            "value": "09753c7d-5932-6baf-f1b5-620e1681441e",
            "type": "string"
          }
        },
        "resources": [
          {
            "mode": "managed",
            "type": "terraform_data",
            "name": "token",
            "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "id": "09753c7d-5932-6baf-f1b5-620e1681441e",
                  "input": {
                    "value": {
                      "name": "ci-token",
                      "secret": "s3cr3t"
                    },
                    "type": [
                      "object",
                      {
                        "name": "string",
                        "secret": "string"
                      }
                    ]
                  },
                  "triggers_replace": null
                },
                "sensitive_attributes": [
                  [
                    {
                      "type": "get_attr",
                      "value": "input"
                    },
                    {
                      "type": "get_attr",
                      "value": "secret"
                    }
                  ]
                ]
              }
            ]
          }
        ],
        "check_results": null
      }

      """
    let state = try StateFile.decode(Array(text.utf8), path: "terraform.tfstate", readerVersion: "0.1.0")
    XCTAssertEqual(state.serial, 3)
    XCTAssertEqual(state.terraformVersion, "1.11.4")
    XCTAssertEqual(state.resources.first?.provider, #"provider["terraform.io/builtin/terraform"]"#)
    XCTAssertEqual(state.resources.first?.instances.first?.sensitiveAttributes.first?.description, "input.secret")
    XCTAssertEqual(StateFile.encode(state), text)
  }

  /// A state Terraform 1.11 wrote for modules (a `count` call, a `for_each` call and a root
  /// resource depending on a module's resource): read with its module instances and written
  /// back byte for byte, dependencies in Terraform's keyless form.
  func testReadsTerraformWrittenModuleStateAndRewritesItIdentically() throws {
    let text = """
      {
        "version": 4,
        "terraform_version": "1.11.4",
        "serial": 4,
        "lineage": "6355c72a-3c84-ef01-b376-05f29db51b16",
        "outputs": {},
        "resources": [
          {
            "mode": "managed",
            "type": "terraform_data",
            "name": "z",
            "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "id": "b5facd66-09e6-1257-76bb-ad1bf649377f",
                  "input": {
                    "value": "796d151a-fe5a-0013-b1bc-c6f9580bdf0d",
                    "type": "string"
                  },
                  "output": {
                    "value": "796d151a-fe5a-0013-b1bc-c6f9580bdf0d",
                    "type": "string"
                  },
                  "triggers_replace": null
                },
                "sensitive_attributes": [],
                "dependencies": [
                  "module.a.terraform_data.t"
                ]
              }
            ]
          },
          {
            "module": "module.a[0]",
            "mode": "managed",
            "type": "terraform_data",
            "name": "t",
            "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "id": "796d151a-fe5a-0013-b1bc-c6f9580bdf0d",
                  "input": {
                    "value": "t",
                    "type": "string"
                  },
                  "output": {
                    "value": "t",
                    "type": "string"
                  },
                  "triggers_replace": null
                },
                "sensitive_attributes": []
              }
            ]
          },
          {
            "module": "module.b[\\"x\\"]",
            "mode": "managed",
            "type": "terraform_data",
            "name": "t",
            "provider": "provider[\\"terraform.io/builtin/terraform\\"]",
            "instances": [
              {
                "schema_version": 0,
                "attributes": {
                  "id": "76ccd756-6df8-4b2c-93d9-9934d455faea",
                  "input": {
                    "value": "t",
                    "type": "string"
                  },
                  "output": {
                    "value": "t",
                    "type": "string"
                  },
                  "triggers_replace": null
                },
                "sensitive_attributes": []
              }
            ]
          }
        ],
        "check_results": null
      }

      """
    let state = try StateFile.decode(Array(text.utf8), path: "terraform.tfstate", readerVersion: "0.1.0")
    XCTAssertEqual(
      state.resources.map(\.address.description),
      ["terraform_data.z", "module.a[0].terraform_data.t", #"module.b["x"].terraform_data.t"#])
    XCTAssertEqual(state.resources[1].address.module, [ModuleStep(name: "a", key: .int(0))])
    XCTAssertEqual(state.resources[0].instances.first?.dependencies, ["module.a.terraform_data.t"])
    XCTAssertEqual(StateFile.encode(state), text)
    var shuffled = state
    shuffled.resources.reverse()
    XCTAssertEqual(StateFile.encode(shuffled), text, "resources are written in Terraform's order whatever their order in memory")
  }

  func testLargeIntegersStayExact() throws {
    var state = State(terraformVersion: "0.1.0", serial: UInt64.max - 1, lineage: StateFixtures.lineage)
    state.outputs["big"] = OutputState(value: .number("123456789012345678901234567890"), type: .string("number"))
    let decoded = try StateFile.decode(StateFile.encodeBytes(state), path: "s", readerVersion: "0.1.0")
    XCTAssertEqual(decoded.serial, UInt64.max - 1)
    XCTAssertEqual(decoded.outputs["big"]?.value, .number("123456789012345678901234567890"))
  }

  func testNormalizationOrdersResourcesAndInstances() {
    let address = ResourceAddress(type: "t", name: "n")
    let state = State(
      terraformVersion: "0", lineage: StateFixtures.lineage,
      resources: [
        ResourceState(
          address: address,
          instances: [
            ResourceInstance(indexKey: .string("a")), ResourceInstance(indexKey: .int(10)),
            ResourceInstance(indexKey: .int(2), deposed: "0000000b"), ResourceInstance(indexKey: .int(2)),
            ResourceInstance(indexKey: nil), ResourceInstance(indexKey: .int(2), deposed: "0000000a"),
          ]),
        ResourceState(address: ResourceAddress(mode: .data, type: "z", name: "a")),
        ResourceState(address: ResourceAddress(type: "a", name: "b")),
      ])
    let normal = state.normalized()
    XCTAssertEqual(normal.resources.map(\.address.description), ["data.z.a", "a.b", "t.n"])
    XCTAssertEqual(
      normal.resources[2].instances.map { "\($0.indexKey?.description ?? "-")/\($0.deposed ?? "")" },
      ["-/", "[2]/", "[2]/0000000a", "[2]/0000000b", "[10]/", "[\"a\"]/"])
  }
}
