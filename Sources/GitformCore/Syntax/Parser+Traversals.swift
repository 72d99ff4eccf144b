/// Postfix steps after a term: `.attr`, `.0` (legacy index), `[key]`, `.*` and `[*]` splats.
extension ParserState {
  mutating func parseTraversals(from term: Expression) -> Expression {
    var result = term
    var steps = 0
    while true {
      let next = peek()
      if next.kind == .dot || next.kind == .openBracket {
        steps += 1
        guard allowChain(steps) else { return result }
      }
      switch next.kind {
      case .dot:
        let dot = read()
        let attribute = peek()
        switch attribute.kind {
        case .identifier:
          read()
          let stepRange = between(range(dot), range(attribute))
          result = appendStep(
            Traverser(.attribute(text(attribute)), range: stepRange), to: result)
        case .numberLiteral:
          read()
          let stepRange = between(range(dot), range(attribute))
          if let (first, second) = chainedLegacyIndex(attribute) {
            error(
              "Invalid legacy index syntax",
              "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [\(first)][\(second)].",
              subject: range(attribute))
          } else {
            _ = checkNumber(attribute)
          }
          result = appendStep(
            Traverser(.index(.number(text(attribute))), range: stepRange), to: result)
        case .star:
          result = parseAttributeSplat(source: result, term: term, dot: dot)
        default:
          error(
            "Invalid attribute name", "An attribute name is required after a dot.",
            subject: range(attribute))
          result = invalid(between(term.range, range(dot)))
          recovery = true
        }
      case .openBracket:
        let open = read()
        if peek().kind == .star {
          return parseFullSplat(source: result, term: term, open: open)
        }
        result = parseIndex(collection: result, term: term, open: open)
      default:
        return result
      }
    }
  }

  /// `0.1` read as a legacy index: two chained indexes, which hcl rejects.
  private func chainedLegacyIndex(_ number: Peeked) -> (String, String)? {
    let text = text(number)
    guard let dot = text.firstIndex(of: ".") else { return nil }
    return (String(text[..<dot]), String(text[text.index(after: dot)...]))
  }

  /// Adds a static step to a traversal, or starts a relative traversal on any other expression.
  private func appendStep(_ step: Traverser, to expression: Expression) -> Expression {
    let range = between(expression.range, step.range)
    switch expression.kind {
    case .scopeTraversal(var traversal):
      traversal.steps.append(step)
      return Expression(.scopeTraversal(traversal), range: range)
    case .relativeTraversal(let source, var steps):
      steps.append(step)
      return Expression(.relativeTraversal(source: source, steps: steps), range: range)
    default:
      return Expression(.relativeTraversal(source: expression, steps: [step]), range: range)
    }
  }

  private mutating func parseIndex(collection: Expression, term: Expression, open: Peeked)
    -> Expression
  {
    pushNewlines(false)
    let before = diagnostics.count
    let key = parseExpression()
    var close: Peeked
    if recovery && diagnostics.count > before {
      close = recover(to: .closeBracket)
    } else {
      close = read()
      if close.kind != .closeBracket && !recovery {
        // hcl points this diagnostic at the token recovery stops on (its subject aliases
        // the variable that recovery overwrites); Terraform shows that, so we do too.
        close = recover(to: .closeBracket)
        error(
          "Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").",
          subject: range(close))
      }
    }
    popNewlines()
    let bracketRange = between(range(open), range(close))
    if case .literal(let value) = key.kind {
      return appendStep(Traverser(.index(value), range: bracketRange), to: collection)
    }
    if case .template(let template) = key.kind, template.parts.count == 1,
      case .literal(let text, _) = template.parts[0]
    {
      return appendStep(Traverser(.index(.string(text)), range: bracketRange), to: collection)
    }
    return Expression(
      .index(collection: collection, key: key, bracketRange: bracketRange),
      range: between(term.range, bracketRange))
  }

  /// `[*]` and every step after it, applied to each element.
  private mutating func parseFullSplat(source: Expression, term: Expression, open: Peeked)
    -> Expression
  {
    read()  // the star
    var close = read()
    if close.kind != .closeBracket && !recovery {
      // As for an index: the subject is where recovery stops, as in hcl.
      close = recover(to: .closeBracket)
      error(
        "Missing close bracket on splat index",
        "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").",
        subject: range(close))
    }
    let markerRange = between(range(open), range(close))
    let item = Expression(.splatItem, range: markerRange)
    guard enterNesting() else { return invalid(between(term.range, markerRange)) }
    let each = parseTraversals(from: item)
    leaveNesting()
    return Expression(
      .splat(Splat(source: source, isFull: true, each: each, markerRange: markerRange)),
      range: between(term.range, each.range))
  }

  /// `.*` followed by attribute (and legacy index) steps only.
  private mutating func parseAttributeSplat(source: Expression, term: Expression, dot: Peeked)
    -> Expression
  {
    let marker = read()
    let markerRange = between(range(dot), range(marker))
    let item = Expression(.splatItem, range: markerRange)
    var steps: [Traverser] = []
    let firstRange = range(peek())
    var lastRange = range(marker)
    while peek().kind == .dot {
      let stepDot = read()
      let next = peek()
      if next.kind == .numberLiteral {
        read()
        if let (first, second) = chainedLegacyIndex(next) {
          error(
            "Invalid legacy index syntax",
            "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax with a full splat expression [*] instead, like [\(first)][\(second)].",
            subject: range(marker))
        } else {
          _ = checkNumber(next)
        }
        steps.append(
          Traverser(.index(.number(text(next))), range: between(range(stepDot), range(next))))
        lastRange = range(next)
        continue
      }
      guard next.kind == .identifier else {
        if !recovery {
          if next.kind == .star {
            error(
              "Nested splat expression not allowed",
              "A splat expression (*) cannot be used inside another attribute-only splat expression.",
              subject: range(next))
          } else {
            error(
              "Invalid attribute name", "An attribute name is required after a dot.",
              subject: range(marker))
          }
        }
        recovery = true
        return source
      }
      read()
      steps.append(
        Traverser(.attribute(text(next)), range: between(range(stepDot), range(next))))
      lastRange = range(next)
    }
    let each =
      steps.isEmpty
      ? item
      : Expression(.relativeTraversal(source: item, steps: steps), range: between(firstRange, lastRange))
    return Expression(
      .splat(Splat(source: source, isFull: false, each: each, markerRange: markerRange)),
      range: between(term.range, lastRange))
  }
}
