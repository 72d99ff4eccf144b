/// Error recovery: skipping tokens to a point where parsing can sensibly resume.
extension ParserState {
  /// The bracket that closes (or opens) `kind`, or nil when `kind` is not a bracket.
  func oppositeBracket(_ kind: TokenKind) -> TokenKind? {
    switch kind {
    case .openBrace: return .closeBrace
    case .closeBrace: return .openBrace
    case .openBracket: return .closeBracket
    case .closeBracket: return .openBracket
    case .openParen: return .closeParen
    case .closeParen: return .openParen
    case .openQuote: return .closeQuote
    case .closeQuote: return .openQuote
    case .openHeredoc: return .closeHeredoc
    case .closeHeredoc: return .openHeredoc
    case .templateInterp, .templateControl: return .templateSequenceEnd
    case .templateSequenceEnd: return .templateInterp
    default: return nil
    }
  }

  /// Skips to the `end` token that closes the current construct (counting nested pairs) and
  /// returns it, leaving the cursor after it; stops at end of file. Reads one token per
  /// iteration and ends at end of file, so it always terminates.
  @discardableResult
  mutating func recover(to end: TokenKind) -> Peeked {
    let start = oppositeBracket(end)
    recovery = true
    var nest = 0
    while true {
      let token = read()
      var kind = token.kind
      if end == .templateSequenceEnd && kind == .templateControl { kind = .templateInterp }
      if kind == end {
        if nest < 1 { return token }
        nest -= 1
      } else if kind == .endOfFile {
        return token
      } else if let start, kind == start {
        nest += 1
      }
    }
  }

  /// Skips to the newline that ends the current body item, ignoring newlines inside brackets.
  mutating func recoverAfterBodyItem() {
    recovery = true
    var open: [TokenKind] = []
    while true {
      let token = read()
      switch token.kind {
      case .newline:
        if open.isEmpty { return }
      case .endOfFile:
        return
      case .openBrace, .openBracket, .openParen, .openQuote, .openHeredoc, .templateInterp,
        .templateControl:
        open.append(token.kind)
      case .closeBrace, .closeBracket, .closeParen, .closeQuote, .closeHeredoc:
        let opener = oppositeBracket(token.kind)
        while let last = open.last, last != opener { open.removeLast() }
        if !open.isEmpty { open.removeLast() }
      case .templateSequenceEnd:
        while let last = open.last, last != .templateInterp, last != .templateControl {
          open.removeLast()
        }
        if !open.isEmpty { open.removeLast() }
      default:
        break
      }
    }
  }
}
