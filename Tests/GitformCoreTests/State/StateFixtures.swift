@testable import GitformCore

/// States used across the State tests.
enum StateFixtures {
  static let lineage = "eaaeffda-61c4-0619-bb81-a7845c7e437a"

  /// A state touching every field the codec writes.
  static var full: State {
    let bot = ResourceAddress(type: "user_token", name: "bot")
    let variable = ResourceAddress(type: "project_variable", name: "ci")
    let user = ResourceAddress(mode: .data, type: "user", name: "alice")
    return State(
      terraformVersion: "0.1.0", serial: 7, lineage: lineage,
      outputs: [
        "token": OutputState(value: .string("glpat-secret"), type: .string("string"), sensitive: true),
        "ids": OutputState(value: .array([.integer(12), .integer(13)]), type: .array([.string("list"), .string("number")])),
      ],
      resources: [
        ResourceState(
          address: bot, each: .map,
          instances: [
            ResourceInstance(
              indexKey: .string("zed"), attributes: .object([("token", .string("glpat-b")), ("id", .string("1:3"))]),
              sensitiveAttributes: [.attributes("token")]),
            ResourceInstance(
              indexKey: .string("alice"), schemaVersion: 1,
              attributes: .object([
                ("user_id", .integer(1)), ("id", .string("1:2")), ("scopes", .array([.string("api")])),
                ("token", .string("glpat-a")),
              ]),
              sensitiveAttributes: [.attributes("token")], privateData: "eyJ4IjoxfQ==",
              dependencies: ["data.user.alice"], createBeforeDestroy: true),
          ]),
        ResourceState(
          address: variable, each: .list,
          instances: [
            ResourceInstance(
              indexKey: .int(1), status: .tainted, attributes: .object([("key", .string("B"))]),
              dependencies: ["user_token.bot", "data.user.alice", "user_token.bot"]),
            ResourceInstance(
              indexKey: .int(0), attributes: .object([("key", .string("A")), ("value", .string("glpat-a"))]),
              sensitiveAttributes: [AttributePath([.attribute("value")])]),
          ]),
        ResourceState(
          address: user,
          instances: [ResourceInstance(attributes: .object([("id", .integer(1)), ("username", .string("alice"))]))]),
      ])
  }

  /// `full` as gitform writes it: Terraform's key order, sorted maps, 2-space indent.
  static let fullText = """
    {
      "version": 4,
      "terraform_version": "0.1.0",
      "serial": 7,
      "lineage": "eaaeffda-61c4-0619-bb81-a7845c7e437a",
      "outputs": {
        "ids": {
          "value": [
            12,
            13
          ],
          "type": [
            "list",
            "number"
          ]
        },
        "token": {
          "value": "glpat-secret",
          "type": "string",
          "sensitive": true
        }
      },
      "resources": [
        {
          "mode": "data",
          "type": "user",
          "name": "alice",
          "provider": "provider[\\"gitform.dev/builtin/gitlab\\"]",
          "instances": [
            {
              "schema_version": 0,
              "attributes": {
                "id": 1,
                "username": "alice"
              },
              "sensitive_attributes": []
            }
          ]
        },
        {
          "mode": "managed",
          "type": "project_variable",
          "name": "ci",
          "each": "list",
          "provider": "provider[\\"gitform.dev/builtin/gitlab\\"]",
          "instances": [
            {
              "index_key": 0,
              "schema_version": 0,
              "attributes": {
                "key": "A",
                "value": "glpat-a"
              },
              "sensitive_attributes": [
                [
                  {
                    "type": "get_attr",
                    "value": "value"
                  }
                ]
              ]
            },
            {
              "index_key": 1,
              "status": "tainted",
              "schema_version": 0,
              "attributes": {
                "key": "B"
              },
              "sensitive_attributes": [],
              "dependencies": [
                "data.user.alice",
                "user_token.bot"
              ]
            }
          ]
        },
        {
          "mode": "managed",
          "type": "user_token",
          "name": "bot",
          "each": "map",
          "provider": "provider[\\"gitform.dev/builtin/gitlab\\"]",
          "instances": [
            {
              "index_key": "alice",
              "schema_version": 1,
              "attributes": {
                "id": "1:2",
                "scopes": [
                  "api"
                ],
                "token": "glpat-a",
                "user_id": 1
              },
              "sensitive_attributes": [
                [
                  {
                    "type": "get_attr",
                    "value": "token"
                  }
                ]
              ],
              "private": "eyJ4IjoxfQ==",
              "dependencies": [
                "data.user.alice"
              ],
              "create_before_destroy": true
            },
            {
              "index_key": "zed",
              "schema_version": 0,
              "attributes": {
                "id": "1:3",
                "token": "glpat-b"
              },
              "sensitive_attributes": [
                [
                  {
                    "type": "get_attr",
                    "value": "token"
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
}
