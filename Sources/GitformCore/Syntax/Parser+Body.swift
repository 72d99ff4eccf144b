/// Bodies, attributes and blocks.
extension ParserState {
  mutating func parseFileBody() -> Body {
    let items = parseBody(closedBy: .endOfFile, opener: nil)
    let end = tokens[tokens.count - 1].end
    return Body(
      items: items,
      range: SourceRange(
        filename: filename, start: SourcePosition(line: 1, column: 1, byte: 0), end: end))
  }

  /// Parses body items up to and including `closer` (`}` or end of file). Duplicate
  /// attribute names are reported ("Attribute redefined") and only the first is kept, as hcl does.
  mutating func parseBody(closedBy closer: TokenKind, opener: SourceRange?) -> [BodyItem] {
    var items: [BodyItem] = []
    var seen = AttributeNames()
    let startRange = opener ?? previousRange
    while true {
      let next = peek()
      if next.kind == closer {
        read()
        return items
      }
      let start = nextIndex
      switch next.kind {
      case .newline:
        read()
        continue
      case .identifier:
        guard let item = parseBodyItem() else { break }
        if case .attribute(let attribute) = item {
          if let existing = seen.range(of: attribute.name) {
            error(
              "Attribute redefined",
              "The argument \"\(attribute.name)\" was already set at \(existing). Each argument may be set only once.",
              subject: attribute.nameRange)
            break
          }
          seen.insert(attribute.name, attribute.nameRange)
        }
        items.append(item)
      default:
        let bad = read()
        if !recovery {
          switch bad.kind {
          case .openQuote:
            error("Invalid argument name", "Argument names must not be quoted.", subject: range(bad))
          case .endOfFile:
            if closer == .closeBrace {
              error(
                "Unclosed configuration block",
                "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
                subject: startRange)
            } else {
              error(
                "Unclosed configuration body",
                "Found end of file before the end of this configuration body.", subject: startRange)
            }
          default:
            error(
              "Argument or block definition required",
              "An argument or block definition is required here.", subject: range(bad))
          }
        }
        recover(to: closer)
        return items
      }
      if !ensureProgress(since: start) { return items }
    }
  }

  private mutating func parseBodyItem() -> BodyItem? {
    let identifier = read()
    let next = peek()
    switch next.kind {
    case .equal:
      return .attribute(finishAttribute(identifier, singleLine: false))
    case .openQuote, .openBrace, .identifier:
      return .block(finishBlock(identifier))
    default:
      recoverAfterBodyItem()
      error(
        "Argument or block definition required",
        "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.",
        subject: range(identifier))
      return nil
    }
  }

  private mutating func finishAttribute(_ identifier: Peeked, singleLine: Bool) -> Attribute {
    let equals = read()
    let before = diagnostics.count
    let expression = parseExpression()
    let hadErrors = diagnostics.count > before
    var endRange = previousRange
    if recovery && hadErrors {
      recoverAfterBodyItem()
    } else if !singleLine {
      let end = peek()
      if end.kind != .newline && end.kind != .endOfFile {
        if !recovery {
          var summary = "Missing newline after argument"
          var detail = "An argument definition must end with a newline."
          if end.kind == .comma {
            summary = "Unexpected comma after argument"
            detail = "Argument definitions must be separated by newlines, not commas. " + detail
          }
          error(
            summary, detail, subject: range(end), context: between(range(identifier), range(end)))
        }
        endRange = previousRange
        recoverAfterBodyItem()
      } else {
        endRange = previousRange
        read()
      }
    }
    let nameToken = token(identifier)
    return Attribute(
      name: nameToken.text, nameRange: nameToken.range, equalsRange: range(equals),
      expression: expression, range: between(nameToken.range, endRange))
  }

  private mutating func finishBlock(_ identifier: Peeked) -> Block {
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
        labels.append(BlockLabel(value: token(label).text, isQuoted: false, range: range(label)))
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
        "A single-line block definition can contain only a single argument. If you meant to define argument \"\(token(identifier).text)\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.",
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

/// The attribute names already defined in a body: a short list searched linearly (bodies
/// are small, and hashing every name costs more), switching to a dictionary for large ones.
struct AttributeNames {
  private var list: [(String, SourceRange)] = []
  private var index: [String: SourceRange]?

  func range(of name: String) -> SourceRange? {
    if let index { return index[name] }
    return list.first { $0.0 == name }?.1
  }

  mutating func insert(_ name: String, _ range: SourceRange) {
    if index != nil {
      index?[name] = range
      return
    }
    list.append((name, range))
    if list.count > 32 {
      index = Dictionary(list, uniquingKeysWith: { first, _ in first })
      list = []
    }
  }
}
