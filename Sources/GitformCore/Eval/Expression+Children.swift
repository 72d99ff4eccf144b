/// Walking the expression tree without caring what each node means.
extension Expression {
  /// The direct subexpressions, in source order, template parts included.
  public var children: [Expression] {
    switch kind {
    case .literal, .scopeTraversal, .splatItem, .invalid: return []
    case .template(let template): return Expression.expressions(in: template.parts)
    case .relativeTraversal(let source, _): return [source]
    case .index(let collection, let key, _): return [collection, key]
    case .functionCall(let call): return call.arguments
    case .tuple(let elements): return elements
    case .object(let items):
      return items.flatMap { item -> [Expression] in
        if case .expression(let key) = item.key.kind { return [key, item.value] }
        return [item.value]
      }
    case .unary(_, let operand, _): return [operand]
    case .binary(_, let lhs, let rhs, _): return [lhs, rhs]
    case .conditional(let condition, let trueResult, let falseResult):
      return [condition, trueResult, falseResult]
    case .forExpression(let f):
      return [f.collection] + [f.keyExpression, f.valueExpression, f.condition].compactMap { $0 }
    case .splat(let splat): return [splat.source, splat.each]
    case .parenthesized(let inner): return [inner]
    }
  }

  private static func expressions(in parts: [TemplatePart]) -> [Expression] {
    parts.flatMap { part -> [Expression] in
      switch part {
      case .literal: return []
      case .interpolation(let e, _): return [e]
      case .conditional(let c):
        return [c.condition] + expressions(in: c.trueParts) + expressions(in: c.falseParts)
      case .loop(let loop): return [loop.collection] + expressions(in: loop.body)
      }
    }
  }
}
