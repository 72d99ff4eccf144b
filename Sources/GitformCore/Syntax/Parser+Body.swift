/// Bodies, attributes and blocks.
extension ParserState {
  mutating func parseFileBody() -> Body {
    let items = parseBody(closedBy: .endOfFile, opener: nil)
    let end = tokens[tokens.count - 1].start
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

  mutating func finishAttribute(_ identifier: Peeked, singleLine: Bool) -> Attribute {
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
    let nameRange = range(identifier)
    return Attribute(
      name: text(identifier), nameRange: nameRange, equalsRange: range(equals),
      expression: expression, range: between(nameRange, endRange))
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
