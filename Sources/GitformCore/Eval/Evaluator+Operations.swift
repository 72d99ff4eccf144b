/// Operators and conditionals.
extension Evaluator {
  mutating func evaluateUnary(_ op: UnaryOperator, _ operand: Expression, range: SourceRange)
    -> Value
  {
    let value = evaluate(operand)
    switch op.apply(value) {
    case .success(let result): return result
    case .failure(let failure):
      let subject = failure.operand == .only ? operand.range : range
      return fail(failure.summary, failure.detail, subject: subject, context: range)
    }
  }

  /// A run of left-associative operators (`1 + 2 + 3 ...`) is one left-deep tree as long as
  /// the source line: it is walked in a loop, not by recursion, so its length cannot exhaust
  /// the stack. Evaluation order is unchanged: each left operand before its right one.
  mutating func evaluateBinaryChain(_ expression: Expression) -> Value {
    var spine: [(op: BinaryOperator, lhs: Expression, rhs: Expression, node: Expression)] = []
    var leftmost = expression
    while case .binary(let op, let lhs, let rhs, _) = leftmost.kind {
      spine.append((op, lhs, rhs, leftmost))
      leftmost = lhs
    }
    var value = evaluate(leftmost)
    for step in spine.reversed() {
      let right = evaluate(step.rhs)
      let before = diagnostics.count
      value = applyBinary(step.op, value, step.lhs, right, step.rhs, range: step.node.range)
      // Each operation of the chain gets its values box, as if evaluated on its own.
      if diagnostics.count > before { attachExpressionValues(from: before, to: step.node) }
    }
    return value
  }

  private mutating func applyBinary(
    _ op: BinaryOperator, _ left: Value, _ lhs: Expression, _ right: Value, _ rhs: Expression,
    range: SourceRange
  ) -> Value {
    switch op.apply(left, right) {
    case .success(let result): return result
    case .failure(let failures):
      for failure in failures.failures {
        let subject: SourceRange
        switch failure.operand {
        case .left: subject = lhs.range
        case .right: subject = rhs.range
        case .only, .whole: subject = range
        }
        diagnostics.append(
          .error(failure.summary, detail: failure.detail, subject: subject, context: range))
      }
      return .unknown(op.resultType)
    }
  }

  /// `c ? a : b`: both results are evaluated so their types unify, but only the selected
  /// result's problems are reported, as in hcl.
  mutating func evaluateConditional(
    _ condition: Expression, _ trueResult: Expression, _ falseResult: Expression,
    range: SourceRange
  ) -> Value {
    let conditionValue = evaluate(condition)
    let before = diagnostics.count
    let trueValue = evaluate(trueResult)
    let trueDiagnostics = Array(diagnostics[before...])
    diagnostics.removeSubrange(before...)
    let falseValue = evaluate(falseResult)
    let falseDiagnostics = Array(diagnostics[before...])
    diagnostics.removeSubrange(before...)

    guard let resultType = ValueType.unify([trueValue.type, falseValue.type]) else {
      return fail(
        "Inconsistent conditional result types",
        "The true and false result expressions must have consistent types. The 'true' value is "
          + "\(trueValue.type.friendlyName), but the 'false' value is "
          + "\(falseValue.type.friendlyName).",
        subject: trueResult.range.through(falseResult.range),
        context: range)
    }
    if conditionValue.isNull {
      return fail(
        "Null condition", "The condition value is null. Conditions must either be true or false.",
        subject: condition.range, context: range)
    }
    guard case .success(let converted) = conditionValue.converted(to: .bool) else {
      return fail(
        "Incorrect condition type", "The condition expression must be of type bool.",
        subject: condition.range, context: range)
    }
    let sensitive = converted.isSensitive
    guard let decision = converted.boolValue else {
      diagnostics += trueDiagnostics + falseDiagnostics
      return Value.unknown(resultType).marked(sensitive: sensitive)
    }
    diagnostics += decision ? trueDiagnostics : falseDiagnostics
    let selected = decision ? trueValue : falseValue
    let selectedExpression = decision ? trueResult : falseResult
    switch selected.converted(to: resultType) {
    case .success(let value): return value.marked(sensitive: sensitive)
    case .failure(let error):
      return fail(
        "Inconsistent conditional result types",
        "The \(decision ? "true" : "false") result value is incompatible with the other result: "
          + "\(error.message).", subject: selectedExpression.range, context: range)
    }
  }
}
