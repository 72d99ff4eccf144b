/// The variables an expression refers to: every scope traversal (`var.x`, `local.y[0]`,
/// `user_token.bot.id`) whose root is not an iteration variable bound inside the expression.
///
/// Config uses these for the dependency graph; `validate` evaluates only expressions without
/// any, since references are resolved by the engine later. The walk uses its own stack, not
/// recursion, so no expression (`1 + 1 + ...` thousands long) can exhaust the thread's stack.
extension Expression {
  public var references: [Traversal] {
    var found: [Traversal] = []
    // Pending work, last first: an expression or template parts, with the names bound there.
    var pending: [(node: ReferenceWalkNode, bound: Set<String>)] = [(.expression(self), [])]
    while let (node, bound) = pending.popLast() {
      let children: [(ReferenceWalkNode, Set<String>)]
      switch node {
      case .expression(let e):
        if case .scopeTraversal(let traversal) = e.kind {
          if !bound.contains(traversal.root.name) { found.append(traversal) }
          continue
        }
        children = e.referenceChildren(bound: bound)
      case .parts(let parts):
        children = Expression.referenceChildren(of: parts, bound: bound)
      }
      pending += children.reversed()
    }
    return found
  }

  /// The direct subexpressions with the names bound in each, in source order.
  private func referenceChildren(bound: Set<String>) -> [(ReferenceWalkNode, Set<String>)] {
    func plain(_ expressions: [Expression]) -> [(ReferenceWalkNode, Set<String>)] {
      expressions.map { (.expression($0), bound) }
    }
    switch kind {
    case .literal, .splatItem, .invalid, .scopeTraversal: return []
    case .template(let template): return [(.parts(template.parts), bound)]
    case .relativeTraversal(let source, _): return plain([source])
    case .index(let collection, let key, _): return plain([collection, key])
    case .functionCall(let call): return plain(call.arguments)
    case .tuple(let elements): return plain(elements)
    case .object(let items):
      return plain(
        items.flatMap { item -> [Expression] in
          if case .expression(let key) = item.key.kind { return [key, item.value] }
          return [item.value]
        })
    case .unary(_, let operand, _): return plain([operand])
    case .binary(_, let lhs, let rhs, _): return plain([lhs, rhs])
    case .conditional(let condition, let trueResult, let falseResult):
      return plain([condition, trueResult, falseResult])
    case .forExpression(let f):
      var inner = bound
      inner.insert(f.valueVariable.name)
      if let key = f.keyVariable { inner.insert(key.name) }
      let scoped = [f.keyExpression, f.valueExpression, f.condition].compactMap { $0 }
      return plain([f.collection]) + scoped.map { (.expression($0), inner) }
    case .splat(let splat): return plain([splat.source, splat.each])
    case .parenthesized(let inner): return plain([inner])
    }
  }

  private static func referenceChildren(of parts: [TemplatePart], bound: Set<String>)
    -> [(ReferenceWalkNode, Set<String>)]
  {
    parts.flatMap { part -> [(ReferenceWalkNode, Set<String>)] in
      switch part {
      case .literal: return []
      case .interpolation(let e, _): return [(.expression(e), bound)]
      case .conditional(let c):
        return [
          (.expression(c.condition), bound), (.parts(c.trueParts), bound),
          (.parts(c.falseParts), bound),
        ]
      case .loop(let loop):
        var inner = bound
        inner.insert(loop.valueVariable.name)
        if let key = loop.keyVariable { inner.insert(key.name) }
        return [(.expression(loop.collection), bound), (.parts(loop.body), inner)]
      }
    }
  }
}

/// A node of the reference walk: an expression, or the parts of a template.
private enum ReferenceWalkNode {
  case expression(Expression)
  case parts([TemplatePart])
}
