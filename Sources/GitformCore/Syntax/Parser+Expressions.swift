/// Expressions: the conditional, binary operators by precedence, unary operators and terms.
extension ParserState {
  /// The binary operator a token stands for, with its precedence (higher binds tighter).
  private static func binaryOperator(_ kind: TokenKind) -> BinaryOperator? {
    switch kind {
    case .or: return .or
    case .and: return .and
    case .equalOp: return .equal
    case .notEqual: return .notEqual
    case .greaterThan: return .greaterThan
    case .greaterThanOrEqual: return .greaterThanOrEqual
    case .lessThan: return .lessThan
    case .lessThanOrEqual: return .lessThanOrEqual
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    case .percent: return .modulo
    default: return nil
    }
  }

  mutating func parseExpression() -> Expression {
    guard enterNesting() else { return invalid(range(peek())) }
    defer { leaveNesting() }
    return parseConditional()
  }

  /// `condition ? true : false`; the false branch is a whole expression, so `a ? b : c ? d : e`
  /// nests to the right.
  private mutating func parseConditional() -> Expression {
    let startRange = range(peek())
    var before = diagnostics.count
    let condition = parseBinary(minimum: 1)
    if recovery && diagnostics.count > before { return condition }
    guard peek().kind == .question else { return condition }
    read()

    before = diagnostics.count
    let trueResult = parseExpression()
    if recovery && diagnostics.count > before { return condition }

    let colon = peek()
    guard colon.kind == .colon else {
      error(
        "Missing false expression in conditional",
        "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
        subject: range(colon), context: between(startRange, range(colon)))
      return condition
    }
    read()

    before = diagnostics.count
    let falseResult = parseExpression()
    if recovery && diagnostics.count > before { return condition }
    return Expression(
      .conditional(condition: condition, trueResult: trueResult, falseResult: falseResult),
      range: between(startRange, falseResult.range))
  }

  /// Precedence climbing over HCL's six left-associative levels: an operand, then every
  /// operator binding at least as tightly as `minimum`, each with a right side that only
  /// takes tighter operators. After an error in recovery mode the partial left side is
  /// returned, as hclsyntax does.
  private mutating func parseBinary(minimum: Int) -> Expression {
    var before = diagnostics.count
    var lhs = parseTermWithTraversals()
    if recovery && diagnostics.count > before { return lhs }
    var operators = 0
    while let op = Self.binaryOperator(peek().kind), op.precedence >= minimum {
      operators += 1
      guard allowOperatorChain(operators) else { return lhs }
      let operatorRange = range(read())
      before = diagnostics.count
      let rhs = parseBinary(minimum: op.precedence + 1)
      if recovery && diagnostics.count > before { return lhs }
      lhs = Expression(
        .binary(op, lhs, rhs, operatorRange: operatorRange), range: between(lhs.range, rhs.range))
    }
    return lhs
  }

  mutating func parseTermWithTraversals() -> Expression {
    let term = parseTerm()
    return parseTraversals(from: term)
  }

  private mutating func parseTerm() -> Expression {
    let start = peek()
    switch start.kind {
    case .openParen:
      return parseParenthesized()
    case .numberLiteral:
      read()
      return numberLiteral(start)
    case .identifier:
      read()
      if peek().kind == .openParen { return finishFunctionCall(start) }
      if let namespaced = namespaceSeparator(after: start) { return namespaced }
      let tokenRange = range(start)
      if hasText(start, "true") { return Expression(.literal(.bool(true)), range: tokenRange) }
      if hasText(start, "false") { return Expression(.literal(.bool(false)), range: tokenRange) }
      if hasText(start, "null") { return Expression(.literal(.null), range: tokenRange) }
      let root = Identifier(name: text(start), range: tokenRange)
      return Expression(.scopeTraversal(Traversal(root: root, steps: [])), range: tokenRange)
    case .openQuote, .openHeredoc:
      return parseTemplateExpression()
    case .minus, .bang:
      read()
      guard enterNesting() else { return invalid(range(start)) }
      defer { leaveNesting() }
      // Only a term and its traversals: `-46+5` is `(-46)+5`, not `-(46+5)`.
      let operand = parseTermWithTraversals()
      let op: UnaryOperator = start.kind == .minus ? .negate : .not
      return Expression(
        .unary(op, operand, operatorRange: range(start)), range: between(range(start), operand.range))
    case .openBracket:
      return parseTuple()
    case .openBrace:
      return parseObject()
    default:
      if !recovery {
        if start.kind == .endOfFile {
          error(
            "Missing expression", "Expected the start of an expression, but found the end of the file.",
            subject: range(start))
        } else {
          error(
            "Invalid expression",
            "Expected the start of an expression, but found an invalid expression token.",
            subject: range(start))
        }
      }
      recovery = true
      return invalid(range(start))
    }
  }

  /// `name::...`: namespaced (provider) function calls are not part of gitform's language;
  /// say so instead of a confusing "missing newline".
  private mutating func namespaceSeparator(after name: Peeked) -> Expression? {
    let first = peek()
    let secondIndex = first.index + 1
    guard first.kind == .colon, secondIndex < tokens.count, tokens[secondIndex].kind == .colon,
      tokens[secondIndex].spacesBefore == 0
    else { return nil }
    let subject = between(range(name), range(at: secondIndex))
    if !recovery {
      error(
        "Unsupported function namespace",
        "Namespaced function calls such as \"\(text(name))::name()\" are not supported; call functions by their plain names.",
        subject: subject)
    }
    recovery = true
    return invalid(subject)
  }

  private mutating func parseParenthesized() -> Expression {
    let open = read()
    pushNewlines(false)
    let before = diagnostics.count
    let inner = parseExpression()
    if diagnostics.count > before {
      recover(to: .closeParen)
      popNewlines()
      return inner
    }
    let close = peek()
    if close.kind != .closeParen {
      error(
        "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.",
        subject: range(close), context: between(range(open), range(close)))
      recovery = true
    }
    let closeParen = read()
    popNewlines()
    return Expression(.parenthesized(inner), range: between(range(open), range(closeParen)))
  }

  /// A number literal, checked against `digits ("." digits)? ([eE] [+-]? digits)?`.
  mutating func numberLiteral(_ peeked: Peeked) -> Expression {
    guard checkNumber(peeked) else { return invalid(range(peeked)) }
    return Expression(.literal(.number(text(peeked))), range: range(peeked))
  }

  /// Reports a number token that does not have the shape of a number ("0.0.1").
  mutating func checkNumber(_ peeked: Peeked) -> Bool {
    let raw = tokens[peeked.index]
    if Self.isWellFormedNumber(source[raw.start.byte..<tokens.end(peeked.index).byte]) { return true }
    error(
      "Invalid number literal", "Failed to recognize the value of this number literal.",
      subject: range(peeked))
    return false
  }

  static func isWellFormedNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
    var i = bytes.startIndex
    let end = bytes.endIndex
    func digits() -> Bool {
      let start = i
      while i < end, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
      return i > start
    }
    guard digits() else { return false }
    if i < end, bytes[i] == 0x2E {
      i += 1
      guard digits() else { return false }
    }
    if i < end, bytes[i] == 0x65 || bytes[i] == 0x45 {
      i += 1
      if i < end, bytes[i] == 0x2B || bytes[i] == 0x2D { i += 1 }
      guard digits() else { return false }
    }
    return i == end
  }
}
