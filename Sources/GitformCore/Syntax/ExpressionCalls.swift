/// Whether an expression calls a function by name anywhere inside it (`timestamp()` in an
/// `expires_at`), found without evaluating it.
///
/// Iterative, with an explicit stack: the parser limits nesting, but an explicit stack keeps
/// this walk independent of the thread's stack size all the same.
enum ExpressionCalls {
  static func calls(_ name: String, in root: Expression) -> Bool {
    var stack = [root]
    var parts: [TemplatePart] = []
    func push(_ templateParts: [TemplatePart]) { parts.append(contentsOf: templateParts) }
    while !stack.isEmpty || !parts.isEmpty {
      if let part = parts.popLast() {
        switch part {
        case .literal: break
        case .interpolation(let expression, _): stack.append(expression)
        case .conditional(let conditional):
          stack.append(conditional.condition)
          push(conditional.trueParts)
          push(conditional.falseParts)
        case .loop(let loop):
          stack.append(loop.collection)
          push(loop.body)
        }
        continue
      }
      guard let expression = stack.popLast() else { break }
      switch expression.kind {
      case .literal, .scopeTraversal, .splatItem, .invalid: break
      case .template(let template): push(template.parts)
      case .relativeTraversal(let source, _): stack.append(source)
      case .index(let collection, let key, _): stack += [collection, key]
      case .functionCall(let call):
        if call.name.name == name { return true }
        stack += call.arguments
      case .tuple(let elements): stack += elements
      case .object(let items):
        for item in items {
          if case .expression(let key) = item.key.kind { stack.append(key) }
          stack.append(item.value)
        }
      case .unary(_, let operand, _): stack.append(operand)
      case .binary(_, let lhs, let rhs, _): stack += [lhs, rhs]
      case .conditional(let condition, let a, let b): stack += [condition, a, b]
      case .forExpression(let loop):
        stack += [loop.collection, loop.valueExpression]
        if let key = loop.keyExpression { stack.append(key) }
        if let condition = loop.condition { stack.append(condition) }
      case .splat(let splat): stack += [splat.source, splat.each]
      case .parenthesized(let inner): stack.append(inner)
      }
    }
    return false
  }
}
