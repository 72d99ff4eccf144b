/// Templates, first pass: the token stream of a quoted string or heredoc becomes a flat list
/// of template tokens (literals with strip markers applied, interpolations, directive markers).
/// `TemplateTreeBuilder` then nests the directives, as hclsyntax does in two passes.
extension ParserState {
  mutating func parseTemplateExpression() -> Expression {
    let open = read()
    let closer: TokenKind = open.kind == .openQuote ? .closeQuote : .closeHeredoc
    let isFlush = open.kind == .openHeredoc && token(open).bytes.starts(with: [0x3C, 0x3C, 0x2D])
    guard enterNesting() else {
      let close = recover(to: closer)
      return invalid(between(range(open), range(close)))
    }
    defer { leaveNesting() }
    var flat = parseTemplateTokens(closedBy: closer)
    if isFlush { TemplateFlush.apply(to: &flat) }
    TemplateFlush.meldLiterals(&flat)
    var builder = TemplateTreeBuilder(tokens: flat)
    let parts = builder.build()
    diagnostics += builder.diagnostics
    let closeRange = previousRange
    return Expression(
      .template(Template(parts: parts, isHeredoc: open.kind == .openHeredoc)),
      range: between(range(open), closeRange))
  }

  private mutating func parseTemplateTokens(closedBy end: TokenKind) -> [TemplateToken] {
    var parts: [TemplateToken] = []
    let startRange = range(peek())
    var endRange = startRange
    var trimNextLeft = false
    var nextCanTrimPrevious = false
    loop: while true {
      let next = read()
      if next.kind == end {
        endRange = range(next)
        break
      }
      let trimLeft = trimNextLeft
      trimNextLeft = false
      let canTrimPrevious = nextCanTrimPrevious
      nextCanTrimPrevious = false

      switch next.kind {
      case .stringLiteral, .quotedLiteral:
        let decoded = StringLiteralDecoder.decode(token(next), quoted: next.kind == .quotedLiteral)
        diagnostics += decoded.diagnostics
        var value = decoded.value
        if trimLeft { value = TemplateFlush.trimmingLeadingSpace(value) }
        parts.append(.literal(value, range(next)))
        nextCanTrimPrevious = true

      case .templateInterp:
        if canTrimPrevious && length(next) == 3 { trimLastLiteral(&parts) }
        pushNewlines(false)
        let expression = parseExpression()
        let close = peek()
        if close.kind != .templateSequenceEnd {
          if !recovery { reportUnclosedInterpolation(close, start: startRange, end: end) }
          recover(to: .templateSequenceEnd)
        } else {
          read()
          if length(close) == 2 { trimNextLeft = true }
        }
        popNewlines()
        parts.append(.interpolation(expression, between(range(next), range(close))))

      case .templateControl:
        if canTrimPrevious && length(next) == 3 { trimLastLiteral(&parts) }
        pushNewlines(false)
        if let directive = parseDirective(opener: next, start: startRange) {
          parts.append(directive)
          let close = peek()
          if close.kind != .templateSequenceEnd {
            if !recovery {
              error(
                "Extra characters in \(directiveKeyword(directive)) marker",
                "Expected a closing brace to end the sequence, but found extra characters.",
                subject: range(close), context: between(startRange, range(close)))
            }
            recover(to: .templateSequenceEnd)
          } else {
            read()
            if length(close) == 2 { trimNextLeft = true }
          }
        }
        popNewlines()

      default:
        if !recovery {
          error(
            "Unterminated template string", "No closing marker was found for the string.",
            subject: range(next), context: between(startRange, range(next)))
        }
        let final = recover(to: end)
        endRange = range(final)
        break loop
      }
    }
    if parts.isEmpty {
      parts.append(.literal("", point(startRange.start, in: startRange.filename)))
    }
    parts.append(.end(endRange))
    return parts
  }

  private func trimLastLiteral(_ parts: inout [TemplateToken]) {
    guard case .literal(let value, let range)? = parts.last else { return }
    parts[parts.count - 1] = .literal(TemplateFlush.trimmingTrailingSpace(value), range)
  }

  private func directiveKeyword(_ directive: TemplateToken) -> String {
    switch directive {
    case .ifOpen: return "if"
    case .forOpen: return "for"
    case .control(let kind, _): return kind.rawValue
    default: return ""
    }
  }

  private mutating func reportUnclosedInterpolation(
    _ close: Peeked, start: SourceRange, end: TokenKind
  ) {
    switch close.kind {
    case .endOfFile:
      error(
        "Unclosed template interpolation sequence",
        "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.",
        subject: start)
    case .colon:
      error(
        "Extra characters after interpolation expression",
        "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with \"$${\" instead of just \"${\".",
        subject: range(close), context: between(start, range(close)))
    default:
      if (close.kind == .closeQuote || close.kind == .openQuote) && end == .closeQuote {
        error(
          "Unclosed template interpolation sequence",
          "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.",
          subject: start)
      } else {
        error(
          "Extra characters after interpolation expression",
          "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can happen when you include interpolation syntax for another language, such as shell scripting, but forget to escape the interpolation start token. If this is an embedded sequence for another language, escape it by starting with \"$${\" instead of just \"${\".",
          subject: range(close), context: between(start, range(close)))
      }
    }
  }

  /// The inside of `%{ ... }` up to (not including) its closing brace, or nil after an error
  /// (the sequence has then been skipped).
  private mutating func parseDirective(opener: Peeked, start: SourceRange) -> TemplateToken? {
    let keyword = peek()
    guard keyword.kind == .identifier else {
      if !recovery {
        error(
          "Invalid template directive",
          "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.",
          subject: range(keyword), context: between(range(opener), range(keyword)))
      }
      recover(to: .templateSequenceEnd)
      return nil
    }
    read()
    let word = token(keyword)
    if word.hasText("if") {
      let condition = parseExpression()
      return .ifOpen(condition, between(range(opener), range(peek())))
    }
    if word.hasText("else") {
      return .control(.else, between(range(opener), range(peek())))
    }
    if word.hasText("endif") {
      return .control(.endif, between(range(opener), range(peek())))
    }
    if word.hasText("endfor") {
      return .control(.endfor, between(range(opener), range(peek())))
    }
    if word.hasText("for") {
      return parseForDirective(opener: opener)
    }
    if !recovery {
      let given = word.text
      var hint = ""
      if let suggestion = NameSuggestion.suggest(
        given, among: ["if", "for", "else", "endif", "endfor"])
      {
        hint = " Did you mean \(StringQuoting.quote(suggestion, .go))?"
      }
      error(
        "Invalid template control keyword",
        "\(StringQuoting.quote(given, .go)) is not a valid template control keyword.\(hint)",
        subject: range(keyword), context: between(range(opener), range(keyword)))
    }
    recover(to: .templateSequenceEnd)
    return nil
  }

  private mutating func parseForDirective(opener: Peeked) -> TemplateToken? {
    func fail(_ state: inout ParserState, _ detail: String) -> TemplateToken? {
      if !state.recovery {
        state.error("Invalid 'for' directive", detail, subject: state.range(state.peek()))
      }
      state.recover(to: .templateSequenceEnd)
      return nil
    }
    guard peek().kind == .identifier else {
      return fail(&self, "For directive requires variable name after 'for'.")
    }
    var keyVariable: Identifier?
    var valueVariable = identifier(read())
    if peek().kind == .comma {
      read()
      keyVariable = valueVariable
      guard peek().kind == .identifier else {
        return fail(&self, "For directive requires value variable name after comma.")
      }
      valueVariable = identifier(read())
    }
    guard peek().kind == .identifier, hasText(peek(), "in") else {
      return fail(&self, "For directive requires 'in' keyword after names.")
    }
    read()
    let collection = parseExpression()
    return .forOpen(
      key: keyVariable, value: valueVariable, collection: collection,
      between(range(opener), range(peek())))
  }
}
