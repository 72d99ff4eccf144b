import XCTest

@testable import GitformCore

final class LexerTests: XCTestCase {
  private func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    Lexer.tokenize(Array(text.utf8), filename: "main.gf.hcl")
  }

  /// "kind:text" per token, newlines shown as \n, end of file omitted.
  private func dump(_ text: String) -> [String] {
    lex(text).tokens.dropLast().map { "\($0.kind):\($0.text.replacingOccurrences(of: "\n", with: "\\n"))" }
  }

  private func rangeText(_ r: SourceRange?) -> String {
    guard let r else { return "-" }
    return "\(r.start.line):\(r.start.column)-\(r.end.line):\(r.end.column)@\(r.start.byte)-\(r.end.byte)"
  }

  func testAttributeTokensWithRanges() {
    let tokens = lex("a = 1\n").tokens
    XCTAssertEqual(tokens.map(\.kind), [.identifier, .equal, .numberLiteral, .newline, .endOfFile])
    XCTAssertEqual(tokens.map { rangeText($0.range) }, [
      "1:1-1:2@0-1", "1:3-1:4@2-3", "1:5-1:6@4-5", "1:6-2:1@5-6", "2:1-2:1@6-6",
    ])
    XCTAssertEqual(tokens.map(\.spacesBefore), [0, 1, 1, 0, 0])
  }

  func testStreamIsLossless() {
    let source = """
      # comment\r
      resource "user_token" "bot" {
      \tname = "x${var.a ~} %%{y} $${z}"  // trailing
        /* multi
           line */ scopes = [for s in var.s : upper(s) if s != ""]
        text = <<-EOT
          a ${b}
          EOT
        n = -1.5e3 >= 2 && !true || a.*.b[*].c
      }
      """
    let (tokens, diagnostics) = lex(source)
    XCTAssertEqual(diagnostics, [])
    var rebuilt: [UInt8] = []
    var offset = 0
    for token in tokens {
      rebuilt += Array(source.utf8)[offset..<(offset + token.spacesBefore)]
      rebuilt += token.bytes
      XCTAssertEqual(token.range.start.byte, offset + token.spacesBefore)
      offset = token.range.end.byte
    }
    XCTAssertEqual(rebuilt, Array(source.utf8))
  }

  func testNumbersFollowHclsyntaxShapes() {
    XCTAssertEqual(dump("1."), ["numberLiteral:1", "dot:."])
    XCTAssertEqual(dump("0.0.1"), ["numberLiteral:0.0.1"])
    XCTAssertEqual(dump("1e"), ["numberLiteral:1", "identifier:e"])
    XCTAssertEqual(dump("1.5e-3+2E+4"), ["numberLiteral:1.5e-3", "plus:+", "numberLiteral:2E+4"])
    XCTAssertEqual(dump(".5"), ["dot:.", "numberLiteral:5"])
  }

  func testOperatorsAndPunctuation() {
    XCTAssertEqual(
      dump("== != <= >= < > && || ! => ... ? : , * / % + - ="),
      [
        "equalOp:==", "notEqual:!=", "lessThanOrEqual:<=", "greaterThanOrEqual:>=", "lessThan:<",
        "greaterThan:>", "and:&&", "or:||", "bang:!", "fatArrow:=>", "ellipsis:...",
        "question:?", "colon::", "comma:,", "star:*", "slash:/", "percent:%", "plus:+", "minus:-",
        "equal:=",
      ])
  }

  func testCommentsKeepTheirNewline() {
    XCTAssertEqual(
      dump("# a\n// b\r\n/* c\nd */x"),
      ["comment:# a\\n", "comment:// b\r\\n", "comment:/* c\\nd */", "identifier:x"])
    XCTAssertEqual(dump("# end"), ["comment:# end"])
  }

  func testCRLFIsOneNewlineToken() {
    let tokens = lex("a = 1\r\nb = 2").tokens
    XCTAssertEqual(tokens[3].kind, .newline)
    XCTAssertEqual(Array(tokens[3].bytes), [0x0D, 0x0A])
    XCTAssertEqual(rangeText(tokens[4].range), "2:1-2:2@7-8")
  }

  func testQuotedTemplateTokens() {
    XCTAssertEqual(
      dump(#""a${b}c%{if x}\"$${d}%%{e}$f""#),
      [
        "openQuote:\"", "quotedLiteral:a", "templateInterp:${", "identifier:b",
        "templateSequenceEnd:}", "quotedLiteral:c", "templateControl:%{", "identifier:if",
        "identifier:x", "templateSequenceEnd:}", #"quotedLiteral:\"$${d}%%{e}$f"#, "closeQuote:\"",
      ])
  }

  func testBracesInsideInterpolationAreCounted() {
    XCTAssertEqual(
      dump(#""${ {a = "}"} ~}x""#),
      [
        "openQuote:\"", "templateInterp:${", "openBrace:{", "identifier:a", "equal:=",
        "openQuote:\"", "quotedLiteral:}", "closeQuote:\"", "closeBrace:}",
        "templateSequenceEnd:~}", "quotedLiteral:x", "closeQuote:\"",
      ])
  }

  func testQuotedNewlineIsReported() {
    let (tokens, diagnostics) = lex("x = \"abc\ny\"\n")
    XCTAssertEqual(tokens[4].kind, .quotedNewline)
    XCTAssertEqual(diagnostics.map(\.summary), ["Invalid multi-line string"])
    XCTAssertEqual(rangeText(diagnostics[0].subject), "1:9-2:1@8-9")
  }

  func testHeredocLinesAndMarker() {
    XCTAssertEqual(
      dump("x = <<EOT\nhello ${a}\n  EOT\n"),
      [
        "identifier:x", "equal:=", "openHeredoc:<<EOT\\n", "stringLiteral:hello ",
        "templateInterp:${", "identifier:a", "templateSequenceEnd:}", "stringLiteral:\\n",
        "closeHeredoc:  EOT", "newline:\\n",
      ])
    // "NOT EOT" and a marker after an interpolation on the same line do not close it.
    XCTAssertEqual(
      dump("<<-EOT\nNOT EOT\n${a}EOT\nEOT"),
      [
        "openHeredoc:<<-EOT\\n", "stringLiteral:NOT EOT\\n", "templateInterp:${", "identifier:a",
        "templateSequenceEnd:}", "stringLiteral:EOT\\n", "stringLiteral:EOT",
      ])
  }

  func testHeredocWithCRLF() {
    XCTAssertEqual(
      dump("<<EOT\r\na\r\nEOT\r\n"),
      ["openHeredoc:<<EOT\r\\n", "stringLiteral:a\r\\n", "closeHeredoc:EOT", "newline:\r\\n"])
  }

  func testLessThanThatIsNotAHeredoc() {
    XCTAssertEqual(dump("a<<b"), ["identifier:a", "lessThan:<", "lessThan:<", "identifier:b"])
  }

  func testIdentifiersAcceptDashesAndUnicode() {
    XCTAssertEqual(dump("_a-b1 é x"), ["identifier:_a-b1", "identifier:é", "identifier:x"])
    let tokens = lex("é = \"ü\" x").tokens
    XCTAssertEqual(rangeText(tokens[0].range), "1:1-1:2@0-2")
    XCTAssertEqual(rangeText(tokens[2].range), "1:5-1:6@5-6")
    XCTAssertEqual(rangeText(tokens[3].range), "1:6-1:7@6-8")
    XCTAssertEqual(rangeText(tokens[5].range), "1:9-1:10@10-11")
  }

  func testTabsAreWhitespace() {
    let tokens = lex("\ta\t=\t1").tokens
    XCTAssertEqual(tokens.map(\.spacesBefore), [1, 1, 1, 0])
    XCTAssertEqual(rangeText(tokens[0].range), "1:2-1:3@1-2")
  }

  func testInvalidCharactersGetSpecificMessages() {
    let (_, diagnostics) = lex("a = 'x'; b = “y” & c ` ~ ^ $")
    XCTAssertEqual(
      diagnostics.map { "\($0.summary)|\($0.detail)|\(rangeText($0.subject))" },
      [
        "Invalid character|Single quotes are not valid. Use double quotes (\") to enclose strings.|1:5-1:6@4-5",
        "Invalid character|The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.|1:8-1:9@7-8",
        "Invalid character|\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".|1:14-1:15@13-16",
        "Invalid character|\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\".|1:16-1:17@17-20",
        "Unsupported operator|Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?|1:18-1:19@21-22",
        "Invalid character|The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".|1:22-1:23@25-26",
        "Unsupported operator|Bitwise operators are not supported. Did you mean boolean NOT (\"!\")?|1:24-1:25@27-28",
        "Unsupported operator|Bitwise operators are not supported.|1:26-1:27@29-30",
        "Invalid character|This character is not used within the language.|1:28-1:29@31-32",
      ])
  }

  func testByteOrderMarkIsAnError() {
    let (tokens, diagnostics) = Lexer.tokenize([0xEF, 0xBB, 0xBF] + Array("a = 1".utf8), filename: "f")
    XCTAssertEqual(tokens.first?.kind, .byteOrderMark)
    XCTAssertEqual(diagnostics.map(\.summary), ["Invalid character encoding"])
    XCTAssertEqual(rangeText(diagnostics[0].subject), "1:1-1:2@0-3")
  }

  func testInvalidUTF8IsReportedOnceEvenInComments() {
    let source: [UInt8] = Array("a = 1 # ok\n# bad ".utf8) + [0xC3, 0x28] + Array("\nb = \"".utf8) + [0xFF] + Array("\"".utf8)
    let (tokens, diagnostics) = Lexer.tokenize(source, filename: "f")
    XCTAssertEqual(diagnostics.map(\.summary), ["Invalid character encoding"])
    XCTAssertEqual(rangeText(diagnostics[0].subject), "2:7-2:8@17-18")
    XCTAssertTrue(tokens.contains { $0.kind == .badUTF8 })
  }

  func testUTF8ValidationFindsTheFirstBadByteAnywhere() {
    let text = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
    for offset in 0..<text.count {
      var bytes = text
      bytes[offset] = 0xFF
      XCTAssertEqual(UTF8Scalar.firstInvalidOffset(bytes), offset)
    }
    XCTAssertNil(UTF8Scalar.firstInvalidOffset(Array("héllo wörld, 😀 ok".utf8)))
    XCTAssertEqual(UTF8Scalar.firstInvalidOffset([0x61, 0xC0, 0x80]), 1)  // overlong
    XCTAssertEqual(UTF8Scalar.firstInvalidOffset([0xED, 0xA0, 0x80]), 0)  // surrogate
    XCTAssertEqual(UTF8Scalar.firstInvalidOffset([0xF4, 0x90, 0x80, 0x80]), 0)  // > U+10FFFF
    XCTAssertEqual(UTF8Scalar.firstInvalidOffset(Array("abcdefgh".utf8) + [0xE2, 0x82]), 8)  // truncated
  }

  func testUnterminatedBlockComment() {
    let (tokens, diagnostics) = lex("a = 1 /* open\nmore")
    XCTAssertEqual(tokens.map(\.kind), [.identifier, .equal, .numberLiteral, .comment, .endOfFile])
    XCTAssertEqual(diagnostics.map(\.summary), ["Unterminated comment"])
    XCTAssertEqual(rangeText(diagnostics[0].subject), "1:7-1:9@6-8")
  }

  func testEndOfFileTokenIsZeroWidthAtTheEnd() {
    let tokens = lex("a\n  ").tokens
    XCTAssertEqual(tokens.last?.kind, .endOfFile)
    XCTAssertEqual(rangeText(tokens.last?.range), "2:3-2:3@4-4")
    XCTAssertEqual(tokens.last?.spacesBefore, 2)
  }
}
