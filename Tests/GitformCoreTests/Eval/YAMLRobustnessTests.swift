import XCTest

@testable import GitformCore

/// `yamldecode` on hostile and broken input: an error or a value, never a crash or a hang.
final class YAMLRobustnessTests: XCTestCase {
  private func decode(_ source: String) -> Result<Value, YAMLError> {
    YAMLDecoder.decode(source)
  }

  func testEveryPrefixOfADocumentDecodesOrFails() {
    let document = """
      # tokens
      defaults: &defaults
        level: 30
        scopes: [read_api, "write_repository"]
      bots:
        - name: 'deploy bot'
          <<: *defaults
          note: |
            keep
              this
        - {name: ci, level: 40}
      folded: >-
        one
        two
      "quoted key": "a\\tb"
      ? explicit
      : value
      """
    let scalars = Array(document.unicodeScalars)
    for end in 0...scalars.count {
      var prefix = String.UnicodeScalarView()
      prefix.append(contentsOf: scalars[0..<end])
      _ = decode(String(prefix))
    }
    guard case .success(let value) = decode(document) else { return XCTFail("whole document") }
    XCTAssertEqual(
      value.attributes?["bots"]?.elements?.first?.attributes?["level"], .number(30))
    XCTAssertEqual(
      value.attributes?["bots"]?.elements?.first?.attributes?["note"], .string("keep\n  this\n"))
    XCTAssertEqual(value.attributes?["folded"], .string("one two"))
  }

  func testDeepNestingIsRefusedNotRecursedInto() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    guard case .failure(let error) = decode(deep) else { return XCTFail("expected a failure") }
    XCTAssertEqual(error.message, "the document nests deeper than 500 levels")
    let blocks = (0..<2_000).map { String(repeating: " ", count: $0) + "- " }.joined(
      separator: "\n")
    guard case .failure = decode(blocks) else { return XCTFail("expected a failure") }
  }

  func testAliasExpansionIsBounded() {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1..<9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      lines.append("a\(level): &a\(level) [\(refs)]")
    }
    guard case .failure(let error) = decode(lines.joined(separator: "\n")) else {
      return XCTFail("expected a failure")
    }
    XCTAssertEqual(error.message, "the document's aliases expand to more than 1000000 nodes")
  }

  func testGarbageBytesFail() {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("ab:- \n\t[]{},'\"|>&*!#?%@`\\~.0".unicodeScalars)
    for _ in 0..<300 {
      var text = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 0..<40, using: &generator) {
        text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
      }
      _ = decode(String(text))
    }
  }
}
