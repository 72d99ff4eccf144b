/// Splat expressions: `x[*].a` and `x.*.a`.
extension Evaluator {
  /// Applies the splat's steps to each element of the source: a list gives a list, anything
  /// else a tuple. A null source gives an empty tuple; any other non-sequence is treated as a
  /// one-element tuple, as hcl does (`"x"[*]` is `["x"]`).
  mutating func evaluateSplat(_ splat: Splat) -> Value {
    let source = evaluate(splat.source)
    if source.isNull { return .emptyTuple }
    let sensitive = source.isSensitive
    guard source.isKnown else { return Value.unknown().marked(sensitive: sensitive) }
    let items = source.type.isSequence ? source.elements ?? [] : [source.unmarked]
    // Index keys do not depend on the element: evaluate each once.
    var keys: [Value?] = []
    for step in splat.steps {
      if case .index(let expression, _) = step { keys.append(evaluate(expression)) } else {
        keys.append(nil)
      }
    }
    let diagnosticsBefore = diagnostics.count
    var results: [Value] = []
    results.reserveCapacity(items.count)
    for item in items {
      var value = item
      for (step, key) in zip(splat.steps, keys) {
        switch step {
        case .attribute(let name, let range): value = attribute(name, of: value, range: range)
        case .index(_, let range): value = index(value, by: key ?? .null, range: range)
        }
      }
      results.append(value)
    }
    if diagnostics.count > diagnosticsBefore { return .unknown() }
    switch source.type {
    case .list, .set:
      if let elementType = ValueType.inferredElementType(of: results),
        case .success(let (converted, type)) = Value.convertElements(results, to: elementType)
      {
        return Value.list(converted, elementType: type).marked(sensitive: sensitive)
      }
      return Value.tuple(results).marked(sensitive: sensitive)
    default:
      return Value.tuple(results).marked(sensitive: sensitive)
    }
  }
}
