/// hclwrite's spacing pass: zero or one space between neighbouring tokens of a cell.
///
/// The rules (`spaceAfterToken`) are tried in order and the first that matches decides. They
/// only look at the token, the one before it and the one after it within the same cell, so
/// `-` must guess whether it is unary from what precedes it. Template literals, quotes and
/// heredoc bodies never get spaces added or removed next to them, which is what keeps string
/// contents byte-for-byte intact.
enum FormatterSpacing {
  static func apply(_ lines: [FormatLine], to stream: inout FormatStream) {
    for line in lines {
      space(line.lead, in: &stream)
      if let assign = line.assign {
        // The `=` is separated from what it assigns to; alignment may widen this later.
        stream.spaces[assign.lowerBound] = 1
        space(assign, in: &stream)
      }
    }
  }

  /// Sets the spaces before every token of `cell` but the first.
  private static func space(_ cell: Range<Int>, in stream: inout FormatStream) {
    var index = cell.lowerBound
    while index + 1 < cell.upperBound {
      let before: TokenKind? = index > cell.lowerBound ? stream.kind(index - 1) : nil
      let subject = stream.kind(index)
      let spaced = spaceAfter(
        subject, before: before, after: stream.kind(index + 1),
        subjectIsIn: subject == .identifier && stream.tokens[index].bytes.elementsEqual(inKeyword))
      stream.spaces[index + 1] = spaced ? 1 : 0
      index += 1
    }
  }

  /// Whether `subject` is followed by a space, given its neighbours in the cell; hclwrite's
  /// `spaceAfterToken` rule by rule. `before` is nil at the start of a cell; `subjectIsIn`
  /// says whether the subject is the identifier `in`.
  static func spaceAfter(
    _ s: TokenKind, before: TokenKind?, after a: TokenKind, subjectIsIn: @autoclosure () -> Bool
  ) -> Bool {
    if a == .newline || a == .endOfFile { return false }
    if s == .identifier && a == .openParen { return false }  // f(x)
    if s == .dot || a == .dot { return false }  // a.b
    if a == .comma || a == .ellipsis { return false }
    if s == .comma { return true }
    if isTemplateText(s) || s == .openQuote || s == .openHeredoc
      || isTemplateText(a) || a == .closeQuote || a == .closeHeredoc
    {
      return false  // never inside template literals
    }
    if s == .identifier && before == .identifier && subjectIsIn() {
      return true  // `for x in [y]`, not `in[y]`
    }
    if a == .openBracket
      && (s == .identifier || s == .numberLiteral || s.bracketChange < 0)
    {
      return false  // foo[0], b()[c]
    }
    if s == .bang { return false }
    if s == .minus { return !isUnaryContext(before) }
    if s == .openBrace || a == .closeBrace {
      return !(s == .openBrace && a == .closeBrace)  // { a = 1 } but {}
    }
    if (s == .templateInterp || s == .templateControl) && a == .openBrace { return true }
    if s == .closeBrace && a == .templateSequenceEnd { return true }
    if s == .templateSequenceEnd && a == .templateInterp { return false }
    if s.bracketChange > 0 { return false }
    if a.bracketChange < 0 { return false }
    return true
  }

  private static let inKeyword: [UInt8] = Array("in".utf8)

  private static func isTemplateText(_ kind: TokenKind) -> Bool {
    kind == .quotedLiteral || kind == .stringLiteral
  }

  /// A `-` is taken as negation when what precedes it cannot end an expression.
  private static func isUnaryContext(_ previous: TokenKind?) -> Bool {
    guard let previous else { return true }
    switch previous {
    case .openParen, .openBrace, .openBracket, .equal, .colon, .comma, .question,
      .plus, .star, .slash, .percent, .minus,
      .equalOp, .notEqual, .greaterThan, .greaterThanOrEqual, .lessThan, .lessThanOrEqual,
      .and, .or, .bang:
      return true
    default:
      return false
    }
  }
}
