/// The variables an expression refers to: every scope traversal (`var.x`, `local.y[0]`,
/// `user_token.bot.id`) whose root is not an iteration variable bound inside the expression.
///
/// Config uses these for the dependency graph; `validate` evaluates only expressions without
/// any, since references are resolved by the engine later.
extension Expression {
  public var references: [Traversal] {
    var found: [Traversal] = []
    collectReferences(bound: [], into: &found)
    return found
  }

  private func collectReferences(bound: Set<String>, into found: inout [Traversal]) {
    func visit(_ e: Expression, _ names: Set<String> = bound) {
      e.collectReferences(bound: names, into: &found)
    }
    switch kind {
    case .literal, .splatItem, .invalid: return
    case .scopeTraversal(let traversal):
      if !bound.contains(traversal.root.name) { found.append(traversal) }
    case .template(let template): Expression.collect(template.parts, bound: bound, into: &found)
    case .relativeTraversal(let source, _): visit(source)
    case .index(let collection, let key, _):
      visit(collection)
      visit(key)
    case .functionCall(let call): call.arguments.forEach { visit($0) }
    case .tuple(let elements): elements.forEach { visit($0) }
    case .object(let items):
      for item in items {
        if case .expression(let key) = item.key.kind { visit(key) }
        visit(item.value)
      }
    case .unary(_, let operand, _): visit(operand)
    case .binary(_, let lhs, let rhs, _):
      visit(lhs)
      visit(rhs)
    case .conditional(let condition, let trueResult, let falseResult):
      visit(condition)
      visit(trueResult)
      visit(falseResult)
    case .forExpression(let f):
      visit(f.collection)
      var inner = bound
      inner.insert(f.valueVariable.name)
      if let key = f.keyVariable { inner.insert(key.name) }
      [f.keyExpression, f.valueExpression, f.condition].compactMap { $0 }.forEach {
        visit($0, inner)
      }
    case .splat(let splat):
      visit(splat.source)
      visit(splat.each)
    case .parenthesized(let inner): visit(inner)
    }
  }

  private static func collect(
    _ parts: [TemplatePart], bound: Set<String>, into found: inout [Traversal]
  ) {
    for part in parts {
      switch part {
      case .literal: continue
      case .interpolation(let e, _): e.collectReferences(bound: bound, into: &found)
      case .conditional(let c):
        c.condition.collectReferences(bound: bound, into: &found)
        collect(c.trueParts, bound: bound, into: &found)
        collect(c.falseParts, bound: bound, into: &found)
      case .loop(let loop):
        loop.collection.collectReferences(bound: bound, into: &found)
        var inner = bound
        inner.insert(loop.valueVariable.name)
        if let key = loop.keyVariable { inner.insert(key.name) }
        collect(loop.body, bound: inner, into: &found)
      }
    }
  }
}
