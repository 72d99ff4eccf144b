/// Blocks: headers with labels, multi-line and one-line bodies, quoted labels.
extension ParserState {
  mutating func finishBlock(_ identifier: Peeked) -> Block {
    let typeToken = token(identifier)
    var labels: [BlockLabel] = []
    var openBrace: Peeked
    header: while true {
      let next = peek()
      switch next.kind {
      case .openBrace:
        openBrace = read()
        break header
      case .openQuote:
        labels.append(parseQuotedLabel())
      case .identifier:
        let label = read()
        labels.append(BlockLabel(value: text(label), isQuoted: false, range: range(label)))
      default:
        let context = between(typeToken.range, range(next))
        switch next.kind {
        case .equal:
          error(
            "Invalid block definition",
            "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.",
            subject: range(next), context: context)
        case .newline:
          error(
            "Invalid block definition",
            "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.",
            subject: range(next), context: context)
        default:
          if !recovery {
            error(
              "Invalid block definition",
              "Either a quoted string block label or an opening brace (\"{\") is expected here.",
              subject: range(next), context: context)
          }
        }
        recoverAfterBodyItem()
        let end = labels.last?.range ?? typeToken.range
        return Block(
          type: typeToken.text, typeRange: typeToken.range, labels: labels,
          openBraceRange: typeToken.range, closeBraceRange: end,
          body: Body(items: [], range: typeToken.range), range: between(typeToken.range, end))
      }
    }

    let openRange = range(openBrace)
    var items: [BodyItem] = []
    guard enterNesting() else {
      recover(to: .closeBrace)
      let close = previousRange
      return Block(
        type: typeToken.text, typeRange: typeToken.range, labels: labels,
        openBraceRange: openRange, closeBraceRange: close,
        body: Body(items: [], range: between(openRange, close)),
        range: between(typeToken.range, close))
    }
    switch peek().kind {
    case .newline, .endOfFile, .closeBrace:
      items = parseBody(closedBy: .closeBrace, opener: openRange)
    default:
      if let attribute = parseSingleAttributeBody() {
        items = [.attribute(attribute)]
      }
      let next = peek()
      switch next.kind {
      case .closeBrace:
        read()
      case .comma:
        error(
          "Invalid single-argument block definition",
          "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.",
          subject: range(next))
        recover(to: .closeBrace)
      case .newline:
        error(
          "Invalid single-argument block definition",
          "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
          subject: range(next))
        recover(to: .closeBrace)
      default:
        if !recovery {
          if next.kind == .endOfFile {
            error(
              "Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              subject: openRange, context: between(typeToken.range, openRange))
          } else {
            error(
              "Invalid single-argument block definition",
              "A single-line block definition must end with a closing brace immediately after its single argument definition.",
              subject: range(next))
          }
        }
        recover(to: .closeBrace)
      }
    }
    leaveNesting()
    let closeRange = previousRange

    let eol = peek()
    if eol.kind == .newline || eol.kind == .endOfFile {
      read()
    } else {
      if !recovery {
        error(
          "Missing newline after block definition", "A block definition must end with a newline.",
          subject: range(eol), context: between(typeToken.range, range(eol)))
      }
      recoverAfterBodyItem()
    }
    return Block(
      type: typeToken.text, typeRange: typeToken.range, labels: labels,
      openBraceRange: openRange, closeBraceRange: closeRange,
      body: Body(items: items, range: between(openRange, closeRange)),
      range: between(typeToken.range, closeRange))
  }

  /// The body of `name { attr = value }`: exactly one attribute, no newline.
  private mutating func parseSingleAttributeBody() -> Attribute? {
    let identifier = read()
    guard identifier.kind == .identifier else {
      recoverAfterBodyItem()
      error(
        "Argument or block definition required",
        "An argument or block definition is required here.", subject: range(identifier))
      return nil
    }
    let next = peek()
    switch next.kind {
    case .equal:
      return finishAttribute(identifier, singleLine: true)
    case .openQuote, .openBrace, .identifier:
      recoverAfterBodyItem()
      error(
        "Argument definition required",
        "A single-line block definition can contain only a single argument. If you meant to define argument \"\(text(identifier))\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.",
        subject: between(range(identifier), range(next)))
      return nil
    default:
      recoverAfterBodyItem()
      error(
        "Argument or block definition required",
        "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.",
        subject: range(identifier))
      return nil
    }
  }

  /// A quoted block label: a string literal without template sequences.
  private mutating func parseQuotedLabel() -> BlockLabel {
    let open = read()
    var value = ""
    var endRange = range(open)
    label: while true {
      let next = read()
      switch next.kind {
      case .closeQuote:
        endRange = range(next)
        break label
      case .quotedLiteral:
        let decoded = StringLiteralDecoder.decode(token(next), quoted: true)
        value += decoded.value
        diagnostics += decoded.diagnostics
      case .templateInterp, .templateControl:
        let which = next.kind == .templateControl ? "%" : "$"
        error(
          "Invalid string literal",
          "Template sequences are not allowed in this string. To include a literal \"\(which)\", double it (as \"\(which)\(which)\") to escape it.",
          subject: range(next), context: between(range(open), range(next)))
        value += which + "{ ... }"
        recover(to: .templateSequenceEnd)
      case .endOfFile:
        error(
          "Unterminated string literal",
          "Unable to find the closing quote mark before the end of the file.",
          subject: range(next), context: between(range(open), range(next)))
        endRange = range(next)
        break label
      default:
        error(
          "Invalid string literal", "This item is not valid in a string literal.",
          subject: range(next), context: between(range(open), range(next)))
        recover(to: .closeQuote)
        endRange = range(next)
        break label
      }
    }
    return BlockLabel(value: value, isQuoted: true, range: between(range(open), endRange))
  }
}
