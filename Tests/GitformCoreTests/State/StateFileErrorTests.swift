import XCTest
@testable import GitformCore

final class StateFileErrorTests: XCTestCase {
  private func error(decoding text: String) -> StateError? {
    do {
      _ = try StateFile.decode(Array(text.utf8), path: "gitform.tfstate", readerVersion: "0.1.0")
      return nil
    } catch {
      return error
    }
  }

  func testEmptyAndBlankFiles() {
    for text in ["", " \n\t\r\n"] {
      let failure = error(decoding: text)
      XCTAssertEqual(failure?.code, .emptyFile)
      XCTAssertEqual(
        failure?.description,
        """
        Failed to load state

        The state file "gitform.tfstate" is empty, and an empty file is not a valid state. If a \
        backup exists, restore it from "gitform.tfstate.backup"; if nothing is managed here yet, \
        delete the empty file. gitform has not changed it.
        """)
    }
  }

  func testCorruptJSONNamesThePosition() {
    let failure = error(decoding: "{\n  \"version\": 4,\n  \"serial\": \n")
    XCTAssertEqual(failure?.code, .corruptFile)
    XCTAssertEqual(
      failure?.detail,
      """
      The state file "gitform.tfstate" is not valid JSON (line 4, column 1: unexpected end of \
      input). Restore it from "gitform.tfstate.backup" or repair it by hand. gitform has not \
      changed it.
      """)
  }

  func testForeignJSON() {
    XCTAssertEqual(
      error(decoding: #"{"name": "package.json"}"#)?.detail,
      """
      The file "gitform.tfstate" is JSON but not a gitform state file: it has no "version" field. \
      Check the -state path. gitform has not changed it.
      """)
    XCTAssertEqual(error(decoding: "[1, 2]")?.code, .foreignFile)
    XCTAssertTrue(error(decoding: "[1, 2]")?.detail.contains("its top level is a JSON array, not an object") ?? false)
    XCTAssertTrue(error(decoding: #"{"version": "4"}"#)?.detail.contains(#"its "version" field is a string, not an integer"#) ?? false)
  }

  func testNewerVersionIsRefused() {
    let failure = error(decoding: #"{"version": 5, "terraform_version": "9.0.0", "serial": 1}"#)
    XCTAssertEqual(failure?.code, .unsupportedVersion)
    XCTAssertEqual(failure?.summary, "Unsupported state file format")
    XCTAssertEqual(
      failure?.detail,
      """
      The state file "gitform.tfstate" uses format version 5, which is not supported by gitform \
      0.1.0. This state file was created by version 9.0.0; upgrade gitform to use it. gitform \
      has not changed it.
      """)
  }

  func testOlderVersionIsRefused() {
    let failure = error(decoding: #"{"version": 3, "serial": 1}"#)
    XCTAssertEqual(failure?.code, .unsupportedVersion)
    XCTAssertTrue(failure?.detail.hasPrefix(#"The state file "gitform.tfstate" uses format version 3; gitform reads only version 4."#) ?? false)
  }

  func testMalformedFieldsAreNamed() {
    let header = #""version": 4, "terraform_version": "0.1.0", "serial": 1, "lineage": "x""#
    let instance = #""mode": "managed", "type": "t", "name": "n", "provider": "p""#
    let cases: [(String, String)] = [
      (#"{"version": 4, "serial": 1, "lineage": "x"}"#, "terraform_version must be a string"),
      (#"{"version": 4, "terraform_version": "0", "serial": -1, "lineage": "x"}"#, "serial must be a non-negative integer"),
      (#"{"version": 4, "terraform_version": "0", "serial": 1.5, "lineage": "x"}"#, "serial must be a non-negative integer"),
      (#"{"version": 4, "terraform_version": "0", "serial": 1, "lineage": ""}"#, "lineage must be a non-empty string"),
      ("{\(header), \"outputs\": []}", "outputs must be an object"),
      ("{\(header), \"outputs\": {\"o\": {\"value\": 1}}}", "outputs.o.type is missing"),
      ("{\(header), \"resources\": {}}", "resources must be an array"),
      ("{\(header), \"resources\": [{\"mode\": \"x\"}]}", #"resources[0].mode must be "managed" or "data""#),
      ("{\(header), \"resources\": [{\"module\": \"user_token.a\"}]}", "resources[0].module must name a module instance, as in module.team"),
      ("{\(header), \"resources\": [{\(instance), \"each\": \"set\"}]}", #"resources[0].each must be "list" or "map""#),
      ("{\(header), \"resources\": [{\(instance)}, {\(instance)}]}", "resources[1] repeats the resource t.n"),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"index_key\": 1.5}]}]}",
       "resources[0].instances[0].index_key must be an integer or a string"),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"schema_version\": \"1\"}]}]}",
       "resources[0].instances[0].schema_version must be a non-negative integer"),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"attributes\": []}]}]}",
       "resources[0].instances[0].attributes must be an object"),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"status\": \"gone\"}]}]}",
       #"resources[0].instances[0].status must be "tainted" when present"#),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"attributes_flat\": {}}]}]}",
       "resources[0].instances[0].attributes_flat is the legacy flat format; rewrite the state with Terraform 1.x first"),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"sensitive_attributes\": [[{\"type\": \"x\"}]]}]}]}",
       #"resources[0].instances[0].sensitive_attributes[0][0] must be {"type": "get_attr", "value": NAME} or {"type": "index", "value": KEY}"#),
      ("{\(header), \"resources\": [{\(instance), \"instances\": [{\"dependencies\": [1]}]}]}",
       "resources[0].instances[0].dependencies[0] must be a string"),
    ]
    for (text, message) in cases {
      let failure = error(decoding: text)
      XCTAssertEqual(failure?.code, .invalidContent, text)
      XCTAssertEqual(
        failure?.detail,
        "The state file \"gitform.tfstate\" is not a valid version 4 state: \(message). Restore it from "
          + "\"gitform.tfstate.backup\" or repair it by hand. gitform has not changed it.", text)
    }
  }
}
