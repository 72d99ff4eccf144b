/// Where an expression starts, as hclsyntax's `StartRange()` defines it: the part of an
/// argument that "Invalid function argument" underlines (`[` of a tuple, the text inside a
/// quoted string, the name of a call), so the underline matches Terraform's.
extension Expression {
  public var startRange: SourceRange {
    switch kind {
    case .tuple, .object, .forExpression: return range.firstCharacter
    case .functionCall(let call): return call.name.range
    case .unary(_, _, let operatorRange): return operatorRange
    case .binary:
      // The leftmost operand of the chain, found in a loop (a chain may be thousands long).
      var leftmost = self
      while case .binary(_, let lhs, _, _) = leftmost.kind { leftmost = lhs }
      return leftmost.startRange
    case .conditional(let condition, _, _): return condition.startRange
    case .index(_, _, let bracketRange): return bracketRange.firstCharacter
    case .splat(let splat): return splat.source.startRange
    case .template(let template):
      switch template.parts.first {
      case .literal(_, let literalRange)?: return literalRange
      case .interpolation(let inner, _)?: return inner.startRange
      case .conditional(let c)?: return c.range
      case .loop(let l)?: return l.range
      case nil: return range
      }
    case .literal, .scopeTraversal, .relativeTraversal, .parenthesized, .splatItem, .invalid:
      return range
    }
  }
}

extension SourceRange {
  /// The range of the first character, for ranges that start with ASCII punctuation
  /// (`[`, `{`): one column and one byte.
  var firstCharacter: SourceRange {
    guard start.byte < end.byte else { return self }
    var first = self
    first.end = SourcePosition(line: start.line, column: start.column + 1, byte: start.byte + 1)
    return first
  }
}
