/// Pre- and postconditions of resource instances and the assertions of `check` blocks,
/// evaluated where the walk has the values they refer to.
///
/// A condition whose result is not known yet (it refers to something made during apply) is not
/// decided: the apply's walk checks it again once it is known, as Terraform does.
extension ConfigWalker {
  /// What each kind of condition is called when it fails, in Terraform's words.
  enum ConditionKind {
    case precondition
    case postcondition
    case checkAssertion

    var failureSummary: String {
      switch self {
      case .precondition: "Resource precondition failed"
      case .postcondition: "Resource postcondition failed"
      case .checkAssertion: "Check block assertion failed"
      }
    }
  }

  /// The failures of `rules` in `context`: errors, except for check blocks, which only warn.
  static func conditionFailures(_ rules: [ConditionRule], kind: ConditionKind, in context: EvalContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for rule in rules {
      let (result, problems) = Evaluator.evaluate(rule.condition, in: context)
      if !problems.isEmpty {
        found += problems
        continue
      }
      guard result.isWhollyKnown else {
        // Terraform says so for a check while planning; a resource's condition waits silently.
        if kind == .checkAssertion && context.mode == .plan {
          var pending = Diagnostic.warning(
            "Check block assertion known after apply",
            detail: "The condition could not be evaluated at this time, a result will be known when this plan is applied.",
            subject: rule.condition.range)
          pending.values = Evaluator(context: context).expressionValues(of: rule.condition)
          found.append(pending)
        }
        continue
      }
      guard !result.isNull else {
        found.append(
          .error(
            "Invalid condition result",
            detail: "Condition expression must return either true or false, not null.", subject: rule.condition.range))
        continue
      }
      guard case .success(let converted) = result.converted(to: .bool), let passed = converted.boolValue else {
        found.append(
          .error(
            "Invalid condition result", detail: "Invalid condition result value: a bool is required.",
            subject: rule.condition.range))
        continue
      }
      guard !passed else { continue }
      var failure = Diagnostic.error(kind.failureSummary, detail: message(rule, in: context, into: &found), subject: rule.condition.range)
      failure.values = Evaluator(context: context).expressionValues(of: rule.condition)
      found.append(failure)
    }
    guard kind == .checkAssertion else { return found }
    return found.map {
      var warning = $0
      warning.severity = .warning
      return warning
    }
  }

  /// The rule's error message; never a sensitive value.
  private static func message(_ rule: ConditionRule, in context: EvalContext, into found: inout [Diagnostic]) -> String {
    let (value, problems) = Evaluator.evaluate(rule.errorMessage, in: context)
    if !problems.isEmpty {
      found += problems
      return "Failed to evaluate condition error message."
    }
    if value.containsSensitive {
      return "The error message included a sensitive value, so it will not be displayed."
    }
    guard case .success(let text) = value.converted(to: .string), let message = text.stringValue else {
      return "Failed to evaluate condition error message."
    }
    return message
  }

  /// `precondition` blocks of one instance, in its `count`/`each` scope.
  func preconditionFailures(_ resource: ResourceBlock, in context: EvalContext) -> [Diagnostic] {
    // `validate` has no values to decide conditions with (as in Terraform, only their references are checked).
    guard !resource.lifecycle.preconditions.isEmpty, !allowsUnknownExpansion else { return [] }
    return ConfigWalker.conditionFailures(resource.lifecycle.preconditions, kind: .precondition, in: context)
  }

  /// `postcondition` blocks of the level's instances, with `self` bound to each one's value.
  func postconditionFailures(_ instances: [InstanceConfig], _ values: [ResourceInstanceAddress: Value]) -> [Diagnostic] {
    guard !allowsUnknownExpansion else { return [] }
    var found: [Diagnostic] = []
    for instance in instances where !instance.resource.lifecycle.postconditions.isEmpty {
      guard let value = values[instance.address] else { continue }
      var scope = context
      for (name, bound) in instance.scope { scope.variables[name] = bound }
      scope.variables["self"] = value
      found += ConfigWalker.conditionFailures(instance.resource.lifecycle.postconditions, kind: .postcondition, in: scope)
    }
    return found
  }

  /// Every `check` block's assertions against the whole configuration's values.
  func checkWarnings() -> [Diagnostic] {
    configuration.checks.flatMap { ConfigWalker.conditionFailures($0.assertions, kind: .checkAssertion, in: context) }
  }
}
