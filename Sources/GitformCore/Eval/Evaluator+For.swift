/// `for` expressions and the iteration they share with template `%{ for }` loops.
extension Evaluator {
  /// What iterating a collection gives: its key/value pairs, an unknown result, or a
  /// reported failure.
  enum Iteration {
    case pairs([(key: Value, value: Value)], sensitive: Bool)
    case unknown(sensitive: Bool)
    case failed
  }

  /// Key/value pairs in HCL's order: index order for lists and tuples, key order for maps and
  /// objects, the value itself as key for sets.
  mutating func iterate(_ collection: Value, range: SourceRange, context: SourceRange) -> Iteration
  {
    if collection.isNull {
      _ = fail(
        "Iteration over null value",
        "A null value cannot be used as the collection in a 'for' expression.", subject: range,
        context: context)
      return .failed
    }
    let sensitive = collection.isSensitive
    guard collection.type.isSequence || collection.type.isMapping || collection.type == .dynamic
    else {
      _ = fail(
        "Iteration over non-iterable value",
        "A value of type \(collection.type.friendlyName) cannot be used as the collection in a "
          + "'for' expression.", subject: range, context: context)
      return .failed
    }
    if let elements = collection.elements {
      if case .set = collection.type {
        return .pairs(elements.map { ($0, $0) }, sensitive: sensitive)
      }
      return .pairs(
        elements.enumerated().map { (Value.number($0.offset), $0.element) }, sensitive: sensitive)
    }
    if let attributes = collection.sortedAttributes {
      return .pairs(attributes.map { (Value.string($0.key), $0.value) }, sensitive: sensitive)
    }
    return .unknown(sensitive: sensitive)
  }

  mutating func evaluateFor(_ expression: ForExpression, range: SourceRange) -> Value {
    let diagnosticsBefore = diagnostics.count
    let collection = evaluate(expression.collection)
    let pairs: [(key: Value, value: Value)]
    var sensitive: Bool
    switch iterate(collection, range: expression.collection.range, context: range) {
    case .failed: return .unknown()
    case .unknown(let s): return Value.unknown().marked(sensitive: s)
    case .pairs(let p, let s): (pairs, sensitive) = (p, s)
    }
    var elements: [Value] = []
    var attributes: [String: Value] = [:]
    var groups: [String: [Value]] = [:]
    var known = true
    var failed = false
    for (key, value) in pairs {
      var bound = [expression.valueVariable.name: value]
      if let keyVariable = expression.keyVariable { bound[keyVariable.name] = key }
      let step = withScope(bound) { $0.forStep(expression, range: range) }
      switch step {
      case .skip: continue
      case .failed: failed = true
      case .unknown(let s):
        known = false
        sensitive = sensitive || s
      case .element(let keyValue, let element, let s, let sensitiveKey):
        sensitive = sensitive || s
        guard let name = keyValue else {
          elements.append(element)
          continue
        }
        if expression.isGrouping {
          groups[name, default: []].append(element)
        } else if attributes[name] != nil {
          failed = true
          // A sensitive key is never written into a message.
          let key = sensitiveKey ? "the same key" : "the key \(Value.quoted(name))"
          _ = fail(
            "Duplicate object key",
            "Two different items produced \(key) in this 'for' expression. If duplicates are "
              + "expected, use the ellipsis (...) after the value expression to enable grouping "
              + "by key.", subject: expression.keyExpression?.range ?? range, context: range)
        } else {
          attributes[name] = element
        }
      }
    }
    // As in hcl, any problem inside the loop makes the whole result unknown.
    if failed || diagnostics.count > diagnosticsBefore { return .unknown() }
    if !known { return Value.unknown().marked(sensitive: sensitive) }
    guard expression.producesObject else {
      return Value.tuple(elements).marked(sensitive: sensitive)
    }
    if expression.isGrouping { attributes = groups.mapValues { Value.tuple($0) } }
    return Value.object(attributes).marked(sensitive: sensitive)
  }

  /// The outcome of one iteration of a `for` expression.
  enum ForStep {
    case skip
    case failed
    case unknown(sensitive: Bool)
    /// The key (object form only), the value, whether the condition or key was sensitive and
    /// whether the key was.
    case element(key: String?, Value, sensitive: Bool, sensitiveKey: Bool)
  }

  private mutating func forStep(_ expression: ForExpression, range: SourceRange) -> ForStep {
    var sensitive = false
    if let conditionExpression = expression.condition {
      let condition = evaluate(conditionExpression)
      if condition.isNull {
        _ = fail(
          "Condition is null", "The value of the 'if' clause must not be null.",
          subject: conditionExpression.range, context: range)
        return .failed
      }
      let converted: Value
      switch condition.converted(to: .bool) {
      case .success(let value): converted = value
      case .failure(let error):
        _ = fail(
          "Invalid 'for' condition", "The 'if' clause value is invalid: \(error.message).",
          subject: conditionExpression.range, context: range)
        return .failed
      }
      sensitive = converted.isSensitive
      guard let include = converted.boolValue else { return .unknown(sensitive: sensitive) }
      if !include { return .skip }
    }
    var name: String?
    var sensitiveKey = false
    if let keyExpression = expression.keyExpression {
      let key = evaluate(keyExpression)
      if key.isNull {
        _ = fail(
          "Invalid object key", "Key expression in 'for' expression must not produce a null value.",
          subject: keyExpression.range, context: range)
        return .failed
      }
      guard case .success(let converted) = key.converted(to: .string) else {
        _ = fail(
          "Invalid object key", "The key expression produced an invalid result: string required.",
          subject: keyExpression.range, context: range)
        return .failed
      }
      sensitiveKey = converted.containsSensitive
      sensitive = sensitive || sensitiveKey
      guard let text = converted.stringValue else { return .unknown(sensitive: sensitive) }
      name = text
    }
    let value = evaluate(expression.valueExpression)
    return .element(key: name, value, sensitive: sensitive, sensitiveKey: sensitiveKey)
  }
}
