/// Tuple and object constructors, `for` expressions and function calls.
extension ParserState {
  private func isKeyword(_ peeked: Peeked, _ keyword: StaticString) -> Bool {
    peeked.kind == .identifier && hasText(peeked, keyword)
  }

  /// `[a, b]`: newlines are ignored inside, and commas are required (hcl's implementation,
  /// stricter than its spec).
  mutating func parseTuple() -> Expression {
    let open = read()
    pushNewlines(false)
    defer { popNewlines() }
    if isKeyword(peek(), "for") { return finishFor(open: open) }
    guard enterNesting() else { return invalid(between(range(open), range(recover(to: .closeBracket)))) }
    defer { leaveNesting() }

    var elements: [Expression] = []
    var close: Peeked
    while true {
      let start = nextIndex
      if peek().kind == .closeBracket {
        close = read()
        break
      }
      let before = diagnostics.count
      elements.append(parseExpression())
      if recovery && diagnostics.count > before {
        close = recover(to: .closeBracket)
        break
      }
      let next = peek()
      if next.kind == .closeBracket {
        close = read()
        break
      }
      if next.kind != .comma {
        if !recovery {
          if next.kind == .endOfFile {
            error(
              "Unterminated tuple constructor expression",
              "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.",
              subject: range(open))
          } else {
            error(
              "Missing item separator", "Expected a comma to mark the beginning of the next item.",
              subject: range(next), context: between(range(open), range(next)))
          }
        }
        close = recover(to: .closeBracket)
        break
      }
      read()
      if !ensureProgress(since: start) {
        close = peek()
        break
      }
    }
    return Expression(.tuple(elements), range: between(range(open), range(close)))
  }

  /// `{ k = v, ... }`: an item ends at a comma or a newline.
  mutating func parseObject() -> Expression {
    let open = read()
    pushNewlines(false)
    let isFor = isKeyword(peek(), "for")
    popNewlines()
    if isFor { return finishFor(open: open) }
    guard enterNesting() else { return invalid(between(range(open), range(recover(to: .closeBrace)))) }
    defer { leaveNesting() }
    pushNewlines(true)
    defer { popNewlines() }

    var items: [ObjectItem] = []
    var close: Peeked
    loop: while true {
      let start = nextIndex
      var next = peek()
      if next.kind == .newline {
        read()
        continue
      }
      if next.kind == .closeBrace {
        close = read()
        break
      }
      let forceExpression = next.kind == .openParen
      var before = diagnostics.count
      let keyExpression = parseExpression()
      if recovery && diagnostics.count > before {
        close = recover(to: .closeBrace)
        break
      }
      let key = objectKey(keyExpression, forceExpression: forceExpression)

      next = peek()
      if next.kind != .equal && next.kind != .colon {
        if !recovery {
          reportMissingObjectValue(next, open: open)
        }
        close = recover(to: .closeBrace)
        break
      }
      read()

      before = diagnostics.count
      let value = parseExpression()
      items.append(ObjectItem(key: key, value: value))
      if recovery && diagnostics.count > before {
        close = recover(to: .closeBrace)
        break
      }

      next = peek()
      if next.kind == .closeBrace {
        close = read()
        break
      }
      if next.kind != .comma && next.kind != .newline {
        if !recovery {
          if next.kind == .endOfFile {
            error(
              "Unterminated object constructor expression",
              "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
              subject: range(open))
          } else {
            error(
              "Missing attribute separator",
              "Expected a newline or comma to mark the beginning of the next attribute.",
              subject: range(next), context: between(range(open), range(next)))
          }
        }
        close = recover(to: .closeBrace)
        break
      }
      read()
      if !ensureProgress(since: start) {
        close = peek()
        break loop
      }
    }
    return Expression(.object(items), range: between(range(open), range(close)))
  }

  /// A bare identifier key is a literal name; anything else (including `(name)`) is evaluated.
  private func objectKey(_ expression: Expression, forceExpression: Bool) -> ObjectKey {
    if !forceExpression, case .scopeTraversal(let traversal) = expression.kind,
      traversal.steps.isEmpty
    {
      return ObjectKey(.name(traversal.root.name), range: expression.range)
    }
    return ObjectKey(.expression(expression), range: expression.range)
  }

  private mutating func reportMissingObjectValue(_ next: Peeked, open: Peeked) {
    let context = between(range(open), range(next))
    switch next.kind {
    case .newline, .comma:
      error(
        "Missing attribute value",
        "Expected an attribute value, introduced by an equals sign (\"=\").",
        subject: range(next), context: context)
    case .identifier:
      error(
        "Missing key/value separator",
        "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.",
        subject: range(next), context: context)
    case .endOfFile:
      error(
        "Unterminated object constructor expression",
        "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.",
        subject: range(open))
    default:
      error(
        "Missing key/value separator",
        "Expected an equals sign (\"=\") to mark the beginning of the attribute value.",
        subject: range(next), context: context)
    }
  }

  /// `name(args...)`, the name already read and the `(` next.
  mutating func finishFunctionCall(_ name: Peeked) -> Expression {
    let open = read()
    pushNewlines(false)
    defer { popNewlines() }
    guard enterNesting() else { return invalid(between(range(name), range(recover(to: .closeParen)))) }
    defer { leaveNesting() }

    var arguments: [Expression] = []
    var expandFinal = false
    var close: Peeked?
    while true {
      let start = nextIndex
      if peek().kind == .closeParen {
        close = read()
        break
      }
      let before = diagnostics.count
      arguments.append(parseExpression())
      if recovery && diagnostics.count > before {
        let recovered = recover(to: .closeParen)
        if recovered.kind == .closeParen { close = recovered }
        break
      }
      let separator = read()
      if separator.kind == .closeParen {
        close = separator
        break
      }
      if separator.kind == .ellipsis {
        expandFinal = true
        if peek().kind != .closeParen {
          if !recovery {
            error(
              "Missing closing parenthesis",
              "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
              subject: range(separator), context: between(range(name), range(separator)))
          }
          close = recover(to: .closeParen)
        } else {
          close = read()
        }
        break
      }
      if separator.kind != .comma {
        if separator.kind == .endOfFile {
          error(
            "Unterminated function call",
            "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.",
            subject: between(range(name), range(open)))
        } else {
          error(
            "Missing argument separator",
            "A comma is required to separate each function argument from the next.",
            subject: range(separator), context: between(range(name), range(separator)))
        }
        close = recover(to: .closeParen)
        break
      }
      if peek().kind == .closeParen {
        close = read()
        break
      }
      if !ensureProgress(since: start) { break }
    }
    let closeRange = close.map { range($0) } ?? previousRange
    let call = FunctionCall(
      name: Identifier(name: text(name), range: range(name)), arguments: arguments,
      expandFinal: expandFinal, openParenRange: range(open), closeParenRange: closeRange)
    return Expression(.functionCall(call), range: between(range(name), closeRange))
  }
}
