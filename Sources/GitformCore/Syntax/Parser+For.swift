/// `for` expressions: `[for k, v in c : value if cond]` and `{for ... : key => value... if cond}`.
extension ParserState {
  mutating func finishFor(open: Peeked) -> Expression {
    pushNewlines(false)
    defer { popNewlines() }
    read()  // the "for" keyword
    let makesObject = open.kind == .openBrace
    let closer: TokenKind = makesObject ? .closeBrace : .closeBracket

    func fail(_ state: inout ParserState, _ detail: String) -> Expression {
      let next = state.peek()
      if !state.recovery {
        state.error(
          "Invalid 'for' expression", detail, subject: state.range(next),
          context: state.between(state.range(open), state.range(next)))
      }
      let close = state.recover(to: closer)
      return state.invalid(state.between(state.range(open), state.range(close)))
    }

    guard peek().kind == .identifier else {
      return fail(&self, "For expression requires variable name after 'for'.")
    }
    var keyVariable: Identifier?
    var valueVariable = identifier(read())
    if peek().kind == .comma {
      read()
      keyVariable = valueVariable
      guard peek().kind == .identifier else {
        return fail(&self, "For expression requires value variable name after comma.")
      }
      valueVariable = identifier(read())
    }
    guard peek().kind == .identifier, hasText(peek(), "in") else {
      return fail(&self, "For expression requires the 'in' keyword after its name declarations.")
    }
    read()

    var before = diagnostics.count
    let collection = parseExpression()
    if recovery && diagnostics.count > before {
      let close = recover(to: closer)
      return invalid(between(range(open), range(close)))
    }
    guard peek().kind == .colon else {
      return fail(&self, "For expression requires a colon after the collection expression.")
    }
    read()

    before = diagnostics.count
    var keyExpression: Expression?
    var valueExpression = parseExpression()
    if peek().kind == .fatArrow {
      read()
      keyExpression = valueExpression
      valueExpression = parseExpression()
    }
    if recovery && diagnostics.count > before {
      let close = recover(to: closer)
      return invalid(between(range(open), range(close)))
    }

    var ellipsis: Peeked?
    if peek().kind == .ellipsis { ellipsis = read() }

    var condition: Expression?
    if peek().kind == .identifier, hasText(peek(), "if") {
      read()
      before = diagnostics.count
      condition = parseExpression()
      if recovery && diagnostics.count > before {
        let close = recover(to: closer)
        return invalid(between(range(open), range(close)))
      }
    }

    var close: Peeked
    if peek().kind == closer {
      close = read()
    } else {
      let next = peek()
      if !recovery {
        error(
          "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.",
          subject: range(next), context: between(range(open), range(next)))
      }
      close = recover(to: closer)
    }
    let whole = between(range(open), range(close))

    if !makesObject {
      if let keyExpression {
        error(
          "Invalid 'for' expression", "Key expression is not valid when building a tuple.",
          subject: keyExpression.range, context: whole)
      }
      if let ellipsis {
        error(
          "Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.",
          subject: range(ellipsis), context: whole)
      }
    } else if keyExpression == nil {
      error(
        "Invalid 'for' expression", "Key expression is required when building an object.",
        subject: valueExpression.range, context: whole)
    }

    let forExpression = ForExpression(
      keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
      keyExpression: makesObject ? keyExpression : nil, valueExpression: valueExpression,
      condition: condition, isGrouping: makesObject && ellipsis != nil)
    return Expression(.forExpression(forExpression), range: whole)
  }

  func identifier(_ peeked: Peeked) -> Identifier {
    Identifier(name: text(peeked), range: range(peeked))
  }
}
