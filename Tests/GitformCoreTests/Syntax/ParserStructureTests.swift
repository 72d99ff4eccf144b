import XCTest

@testable import GitformCore

/// Bodies, attributes and blocks: shapes, ranges and the structural error messages.
final class ParserStructureTests: XCTestCase {
  private let rangeText = SyntaxTestSupport.rangeText

  func testEmptyAndCommentOnlyFiles() {
    for source in ["", "\n\n", "# hash\n", "// slash", "/* multi\nline */\n"] {
      let (file, diagnostics) = SyntaxTestSupport.parse(source)
      XCTAssertEqual(diagnostics, [], source)
      XCTAssertEqual(file.body.items, [], source)
      XCTAssertEqual(file.range.end.byte, source.utf8.count)
    }
  }

  func testAttributesAndBlocksInSourceOrder() {
    let source = """
      a = 1 # trailing comment
      resource "user_token" bot {
        name = "x"

        nested {
          deep "one" "two" {}
        }
      }
      b = 2
      empty {}
      oneline { c = 3 }

      """
    let (file, diagnostics) = SyntaxTestSupport.parse(source)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(
      file.body.dump(),
      """
      a = 1
      resource "user_token" bot {
        name = tmpl["x"]
        nested {
          deep "one" "two" {
          }
        }
      }
      b = 2
      empty {
      }
      oneline {
        c = 3
      }

      """)
    let block = file.body.blocks[0]
    XCTAssertEqual(block.labels.map(\.isQuoted), [true, false])
    XCTAssertEqual(block.headerText, #"resource "user_token" "bot""#)
    XCTAssertEqual(rangeText(block.range), "2:1-8:2@25-107")
    XCTAssertEqual(rangeText(block.typeRange), "2:1-2:9@25-33")
    XCTAssertEqual(rangeText(block.labels[0].range), "2:10-2:22@34-46")
    XCTAssertEqual(rangeText(block.openBraceRange), "2:27-2:28@51-52")
    XCTAssertEqual(rangeText(block.definitionRange), "2:1-2:28@25-52")
    XCTAssertEqual(rangeText(block.body.range), "2:27-8:2@51-107")
    let attribute = file.body.attributes[0]
    XCTAssertEqual(rangeText(attribute.range), "1:1-1:6@0-5")
    XCTAssertEqual(rangeText(attribute.nameRange), "1:1-1:2@0-1")
    XCTAssertEqual(rangeText(attribute.equalsRange), "1:3-1:4@2-3")
    XCTAssertEqual(rangeText(attribute.expression.range), "1:5-1:6@4-5")
  }

  func testQuotedLabelEscapesAreDecoded() {
    let (file, diagnostics) = SyntaxTestSupport.parse("b \"a\\\"b\\u00e9\" {}\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(file.body.blocks.first?.labels.first?.value, "a\"bé")
  }

  func testCRLFSource() {
    let (file, diagnostics) = SyntaxTestSupport.parse("a = 1\r\nb {\r\n  c = \"x\"\r\n}\r\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(file.body.dump(), "a = 1\nb {\n  c = tmpl[\"x\"]\n}\n")
  }

  func testFinalNewlineIsOptional() {
    let (file, diagnostics) = SyntaxTestSupport.parse("a = 1\nb {}")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(file.body.items.count, 2)
  }

  func testTwoAttributesOnOneLine() {
    // specsuite structure/attributes/singleline_bad
    let (_, diagnostics) = SyntaxTestSupport.parse(#"a = "a value", b = "b value""#)
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unexpected comma after argument @ 1:14-1:15@13-14"])
    XCTAssertEqual(
      diagnostics.first?.detail,
      "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline."
    )
  }

  func testOneLineBlockMistakes() {
    // specsuite structure/blocks/single_oneline_invalid
    let source = """
      a { b = "foo", c = "bar" }
      a { b = "foo"
      }
      a { b = "foo"
      c = "bar" }
      a { b = "foo"
      c = "bar"
      }
      a { d {} }

      """
    let (_, diagnostics) = SyntaxTestSupport.parse(source)
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics),
      [
        "Invalid single-argument block definition @ 1:14-1:15@13-14",
        "Invalid single-argument block definition @ 2:14-3:1@40-41",
        "Invalid single-argument block definition @ 4:14-5:1@56-57",
        "Invalid single-argument block definition @ 6:14-7:1@82-83",
        "Argument definition required @ 9:5-9:8@99-102",
      ])
  }

  func testUnclosedOneLineBlock() {
    // specsuite structure/blocks/single_unclosed
    let (_, diagnostics) = SyntaxTestSupport.parse("a {")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Unclosed configuration block @ 1:3-1:4@2-3"])
  }

  func testBlockHeaderMistakes() {
    let (_, equals) = SyntaxTestSupport.parse("a = {\n}\nb \"x\" = {\n}\n")
    XCTAssertEqual(SyntaxTestSupport.summaries(equals), ["Invalid block definition @ 3:7-3:8@14-15"])
    let (_, newline) = SyntaxTestSupport.parse("b \"x\"\n{\n}\n")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(newline), ["Invalid block definition @ 1:6-2:1@5-6"])
    XCTAssertEqual(
      newline.first?.detail,
      "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header."
    )
  }

  func testQuotedArgumentName() {
    let (_, diagnostics) = SyntaxTestSupport.parse("\"a\" = 1\n")
    XCTAssertEqual(SyntaxTestSupport.summaries(diagnostics), ["Invalid argument name @ 1:1-1:2@0-1"])
  }

  func testTemplateInLabelIsRejected() {
    let (file, diagnostics) = SyntaxTestSupport.parse("b \"x${y}\" {}\n")
    XCTAssertEqual(SyntaxTestSupport.summaries(diagnostics), ["Invalid string literal @ 1:5-1:7@4-6"])
    XCTAssertEqual(file.body.blocks.first?.labels.first?.value, "x${ ... }")
  }

  func testMissingNewlineAfterBlock() {
    let (_, diagnostics) = SyntaxTestSupport.parse("a {} b {}\n")
    XCTAssertEqual(
      SyntaxTestSupport.summaries(diagnostics), ["Missing newline after block definition @ 1:6-1:7@5-6"])
  }

  func testDeeplyNestedBlocksAreReportedNotRecursed() {
    let depth = 5_000
    let source = String(repeating: "a {\n", count: depth) + String(repeating: "}\n", count: depth)
    let (_, diagnostics) = SyntaxTestSupport.parse(source)
    XCTAssertEqual(diagnostics.map(\.summary), ["Configuration nested too deeply"])
  }
}
