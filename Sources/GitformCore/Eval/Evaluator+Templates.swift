/// Templates: quoted strings and heredocs with interpolations and directives.
///
/// A template that is a single interpolation unwraps to that value; every other template
/// converts each part to a string. An unknown part makes the string unknown, a sensitive part
/// makes it sensitive; every part is still evaluated so all problems are reported.
extension Evaluator {
  mutating func evaluateTemplate(_ template: Template) -> Value {
    if let single = template.unwrapped { return evaluate(single) }
    return render(template.parts)
  }

  /// The parts concatenated into one string value.
  mutating func render(_ parts: [TemplatePart]) -> Value {
    var text = ""
    var known = true
    var sensitive = false
    var failed = false
    func absorb(_ value: Value) {
      sensitive = sensitive || value.isSensitive
      if let s = value.stringValue { text += s } else { known = false }
    }
    for part in parts {
      switch part {
      case .literal(let s, _): text += s
      case .interpolation(let expression, _):
        guard let piece = interpolate(evaluate(expression), of: expression) else {
          failed = true
          continue
        }
        absorb(piece)
      case .conditional(let conditional):
        guard let piece = renderConditional(conditional) else {
          failed = true
          continue
        }
        absorb(piece)
      case .loop(let loop):
        guard let piece = renderLoop(loop) else {
          failed = true
          continue
        }
        absorb(piece)
      }
    }
    if failed { return .unknown(.string) }
    let result: Value = known ? .string(text) : .unknown(.string)
    return result.marked(sensitive: sensitive)
  }

  /// An interpolated value as a string value, or nil after reporting why it cannot be one.
  /// As in hcl, the diagnostic shows the values of the interpolated expression's references.
  private mutating func interpolate(_ value: Value, of expression: Expression) -> Value? {
    let range = expression.range
    if value.isNull {
      _ = fail(
        "Invalid template interpolation value",
        "The expression result is null. Cannot include a null value in a string template.",
        subject: range)
      diagnostics[diagnostics.count - 1].values = expressionValues(of: expression)
      return nil
    }
    let (plain, sensitive) = value.deepUnmarked()
    switch plain.converted(to: .string) {
    case .success(let converted): return converted.marked(sensitive: sensitive)
    case .failure(let error):
      _ = fail(
        "Invalid template interpolation value",
        "Cannot include the given value in a string template: \(error.message).", subject: range)
      diagnostics[diagnostics.count - 1].values = expressionValues(of: expression)
      return nil
    }
  }

  private mutating func renderConditional(_ conditional: TemplateConditional) -> Value? {
    let condition = evaluate(conditional.condition)
    let range = conditional.condition.range
    if condition.isNull {
      _ = fail(
        "Null condition", "The condition value is null. Conditions must either be true or false.",
        subject: range, context: conditional.range)
      return nil
    }
    guard case .success(let converted) = condition.converted(to: .bool) else {
      _ = fail(
        "Incorrect condition type", "The condition expression must be of type bool.",
        subject: range, context: conditional.range)
      return nil
    }
    guard let decision = converted.boolValue else {
      // Both branches are rendered for their problems; the text cannot be known.
      _ = render(conditional.trueParts)
      _ = render(conditional.falseParts)
      return Value.unknown(.string).marked(sensitive: converted.isSensitive)
    }
    return render(decision ? conditional.trueParts : conditional.falseParts)
      .marked(sensitive: converted.isSensitive)
  }

  private mutating func renderLoop(_ loop: TemplateLoop) -> Value? {
    let collection = evaluate(loop.collection)
    switch iterate(collection, range: loop.collection.range, context: loop.range) {
    case .failed: return nil
    case .unknown(let sensitive): return Value.unknown(.string).marked(sensitive: sensitive)
    case .pairs(let pairs, let sensitive):
      var text = ""
      var known = true
      var markedSensitive = sensitive
      for (key, value) in pairs {
        var bound = [loop.valueVariable.name: value]
        if let keyVariable = loop.keyVariable { bound[keyVariable.name] = key }
        let piece = withScope(bound) { $0.render(loop.body) }
        markedSensitive = markedSensitive || piece.isSensitive
        if let s = piece.stringValue { text += s } else { known = false }
      }
      let result: Value = known ? .string(text) : .unknown(.string)
      return result.marked(sensitive: markedSensitive)
    }
  }
}
