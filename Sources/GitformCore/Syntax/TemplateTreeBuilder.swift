/// Templates, second pass: nests `%{if}`/`%{else}`/`%{endif}` and `%{for}`/`%{endfor}` into
/// `TemplatePart` trees, with hclsyntax's messages for unbalanced directives.
///
/// Each step consumes a token except at the final `.end` token, where every loop stops, so
/// the builder always terminates; nesting is limited like the parser's.
struct TemplateTreeBuilder {
  let tokens: [TemplateToken]
  var position = 0
  var depth = 0
  var diagnostics: [Diagnostic] = []
  /// Made on first deep nesting (see `StackBudget`).
  var stack: StackBudget?

  init(tokens: [TemplateToken]) {
    self.tokens = tokens
  }

  private var current: TemplateToken { tokens[min(position, tokens.count - 1)] }

  private mutating func advance() {
    if case .end = current { return }
    position += 1
  }

  mutating func build() -> [TemplatePart] {
    var parts: [TemplatePart] = []
    while true {
      if case .end = current { return parts }
      parts.append(parsePart())
    }
  }

  private func placeholder(_ range: SourceRange) -> TemplatePart {
    .interpolation(Expression(.invalid, range: range), range: range)
  }

  private mutating func parsePart() -> TemplatePart {
    let token = current
    switch token {
    case .literal(let value, let range):
      advance()
      return .literal(value, range: range)
    case .interpolation(let expression, let range):
      advance()
      return .interpolation(expression, range: range)
    case .ifOpen(let condition, let range):
      advance()
      return nested(range) { $0.finishIf(condition: condition, openRange: range) }
    case .forOpen(let key, let value, let collection, let range):
      advance()
      return nested(range) {
        $0.finishFor(key: key, value: value, collection: collection, openRange: range)
      }
    case .end(let range):
      diagnostics.append(
        .error(
          "Unexpected end of template",
          detail: "The control directives within this template are unbalanced.", subject: range))
      return placeholder(range)
    case .control(let kind, let range):
      advance()
      diagnostics.append(
        .error(
          "Unexpected \(kind.rawValue) directive",
          detail: "The control directives within this template are unbalanced.", subject: range))
      return placeholder(range)
    }
  }

  private mutating func nested(
    _ range: SourceRange, _ body: (inout TemplateTreeBuilder) -> TemplatePart
  ) -> TemplatePart {
    if depth >= StackBudget.checkedFromDepth && stack == nil { stack = StackBudget() }
    guard depth < Syntax.maximumNestingDepth && stack?.hasRoom() ?? true else {
      diagnostics.append(
        .error(
          "Configuration nested too deeply",
          detail:
            "This template nests directives more than \(Syntax.maximumNestingDepth) levels deep, which gitform does not support.",
          subject: range))
      while true {
        if case .end = current { break }
        advance()
      }
      return placeholder(range)
    }
    depth += 1
    defer { depth -= 1 }
    return body(&self)
  }

  private mutating func finishIf(condition: Expression, openRange: SourceRange) -> TemplatePart {
    var trueParts: [TemplatePart] = []
    var falseParts: [TemplatePart] = []
    var inElse = false
    while true {
      switch current {
      case .end(let range):
        diagnostics.append(
          .error(
            "Unexpected end of template",
            detail:
              "The if directive at \(openRange) is missing its corresponding endif directive.",
            subject: range))
        return placeholder(range)
      case .control(let kind, let range):
        advance()
        switch kind {
        case .else:
          if !inElse {
            inElse = true
            continue
          }
          diagnostics.append(
            .error(
              "Unexpected else directive",
              detail: "Already in the else clause for the if started at \(openRange).",
              subject: range))
          return placeholder(range)
        case .endif:
          return .conditional(
            TemplateConditional(
              condition: condition, trueParts: trueParts, falseParts: falseParts,
              range: openRange.with(start: openRange.start, end: range.end)))
        case .endfor:
          diagnostics.append(
            .error(
              "Unexpected endfor directive",
              detail: "Expecting an endif directive for the if started at \(openRange).",
              subject: range))
          return placeholder(range)
        }
      default:
        let part = parsePart()
        if inElse { falseParts.append(part) } else { trueParts.append(part) }
      }
    }
  }

  private mutating func finishFor(
    key: Identifier?, value: Identifier, collection: Expression, openRange: SourceRange
  ) -> TemplatePart {
    var body: [TemplatePart] = []
    while true {
      switch current {
      case .end(let range):
        diagnostics.append(
          .error(
            "Unexpected end of template",
            detail:
              "The for directive at \(openRange) is missing its corresponding endfor directive.",
            subject: range))
        return placeholder(range)
      case .control(let kind, let range):
        advance()
        switch kind {
        case .else:
          diagnostics.append(
            .error(
              "Unexpected else directive", detail: "An else clause is not expected for a for directive.",
              subject: range))
        case .endfor:
          return .loop(
            TemplateLoop(
              keyVariable: key, valueVariable: value, collection: collection, body: body,
              range: openRange.with(start: openRange.start, end: range.end)))
        case .endif:
          diagnostics.append(
            .error(
              "Unexpected endif directive",
              detail:
                "Expecting an endfor directive corresponding to the for directive at \(openRange).",
              subject: range))
        }
        return placeholder(range)
      default:
        body.append(parsePart())
      }
    }
  }
}
