/// Splat expressions: `x[*].a` and `x.*.a`.
extension Evaluator {
  /// Evaluates the splat's `each` expression once per element of the source, with the element
  /// as the splat item: a list or set gives a list, anything else a tuple. A null source
  /// gives an empty tuple; any other non-sequence is treated as a one-element tuple, as hcl
  /// does (`"x"[*]` is `["x"]`).
  mutating func evaluateSplat(_ splat: Splat) -> Value {
    let source = evaluate(splat.source)
    if source.isNull { return .emptyTuple }
    let sensitive = source.isSensitive
    guard source.isKnown else { return Value.unknown().marked(sensitive: sensitive) }
    let items = source.type.isSequence ? source.elements ?? [] : [source.unmarked]
    let diagnosticsBefore = diagnostics.count
    var results: [Value] = []
    results.reserveCapacity(items.count)
    for item in items {
      splatItems.append(item)
      results.append(evaluate(splat.each))
      splatItems.removeLast()
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
