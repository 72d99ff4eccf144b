/// Diagnostics for tokens that never belong in HCL: after hclsyntax's `checkInvalidTokens`,
/// with the same messages and the same limits on repetition.
enum InvalidTokenReport {
  /// `reportable` lists the indices of the tokens of the kinds reported here, in order.
  static func diagnostics(
    for tokens: [RawToken], reportable: [Int], source: [UInt8], filename: String
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var toldBitwise = 0
    var toldBacktick = 0
    var toldApostrophe = 0
    var toldSemicolon = 0
    for index in reportable {
      let token = tokens[index]
      let end = tokens.end(index)
      let range = SourceRange(filename: filename, start: token.start, end: end)
      switch token.kind {
      case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .bitwiseNot:
        guard toldBitwise < 4 else { continue }
        var suggestion = ""
        switch token.kind {
        case .bitwiseAnd: suggestion = " Did you mean boolean AND (\"&&\")?"
        case .bitwiseOr: suggestion = " Did you mean boolean OR (\"||\")?"
        case .bitwiseNot: suggestion = " Did you mean boolean NOT (\"!\")?"
        default: break
        }
        diagnostics.append(
          .error(
            "Unsupported operator", detail: "Bitwise operators are not supported.\(suggestion)",
            subject: range))
        toldBitwise += 1
      case .backtick:
        // Every other one only, so the two ends of one backtick-quoted string give one error.
        if toldBacktick % 2 == 0 {
          diagnostics.append(
            .error(
              "Invalid character",
              detail:
                "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".",
              subject: range))
        }
        if toldBacktick <= 2 { toldBacktick += 1 }
      case .apostrophe:
        if toldApostrophe % 2 == 0 {
          diagnostics.append(
            .error(
              "Invalid character",
              detail: "Single quotes are not valid. Use double quotes (\") to enclose strings.",
              subject: range))
        }
        if toldApostrophe <= 2 { toldApostrophe += 1 }
      case .semicolon:
        guard toldSemicolon < 1 else { continue }
        diagnostics.append(
          .error(
            "Invalid character",
            detail:
              "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.",
            subject: range))
        toldSemicolon += 1
      case .quotedNewline:
        diagnostics.append(
          .error(
            "Invalid multi-line string",
            detail:
              "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.",
            subject: range))
      case .invalid:
        let text = String(decoding: source[token.start.byte..<end.byte], as: UTF8.self)
        diagnostics.append(.error("Invalid character", detail: detail(invalid: text), subject: range))
      default:
        continue
      }
    }
    return diagnostics
  }

  /// Curly double quotes, usually pasted from a document, get a message of their own.
  private static func detail(invalid text: String) -> String {
    if text == "\u{201C}" || text == "\u{201D}" {
      return
        "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. It might help to replace the character with a \"straight quote\"."
    }
    return "This character is not used within the language."
  }
}
