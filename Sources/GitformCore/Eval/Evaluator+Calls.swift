/// Function calls, including the lazily evaluated `try` and `can`.
extension Evaluator {
  mutating func evaluateCall(_ call: FunctionCall, range: SourceRange) -> Value {
    let name = call.name.name
    if FunctionTable.lazyNames.contains(name) { return evaluateLazyCall(call, range: range) }
    guard let function = context.functions[name] else {
      diagnostics.append(Evaluator.unknownFunction(call, functions: context.functions))
      return .unknown()
    }
    // Terraform decides from how `templatestring`'s template is written, not from its value.
    if name == "templatestring", let template = call.arguments.first,
      let problem = TemplateFunctions.templateArgumentProblem(template)
    {
      return fail(
        "Invalid function argument", "Invalid value for \"template\" parameter: \(problem).",
        subject: template.startRange, context: range)
    }
    let diagnosticsBefore = diagnostics.count
    var arguments = call.arguments.map { evaluate($0) }
    // hcl underlines where an argument starts (`[` of a tuple, the text of a string).
    var ranges = call.arguments.map(\.startRange)
    if diagnostics.count > diagnosticsBefore { return .unknown(function.returnType) }
    if call.expandFinal, let last = arguments.popLast(), let lastRange = ranges.popLast() {
      let detail = "The expanding argument (indicated by ...) must"
      let lastExpression = call.arguments.last?.range ?? lastRange
      if last.isNull {
        return fail(
          "Invalid expanding argument value", "\(detail) not be null.", subject: lastExpression,
          context: range)
      }
      guard last.type.isSequence || last.type == .dynamic else {
        return fail(
          "Invalid expanding argument value", "\(detail) be of a tuple, list, or set type.",
          subject: lastExpression, context: range)
      }
      guard let elements = last.elements else {
        return Value.unknown(function.returnType).marked(sensitive: last.isSensitive)
      }
      arguments += elements.map { $0.marked(sensitive: last.isSensitive) }
      ranges += Array(repeating: lastRange, count: elements.count)
    }
    switch function.call(arguments, environment: context.functionEnvironment) {
    case .success(let value): return value
    case .failure(let failure):
      switch failure {
      case .notEnoughArguments(let detail):
        return fail(
          "Not enough function arguments", detail, subject: call.closeParenRange, context: range)
      case .tooManyArguments(let detail):
        let extra =
          ranges.count > function.parameters.count
          ? ranges[function.parameters.count] : range
        return fail("Too many function arguments", detail, subject: extra, context: range)
      case .invalidArgument(let index, let detail):
        let subject = index < ranges.count ? ranges[index] : range
        return fail("Invalid function argument", detail, subject: subject, context: range)
      case .failed(let detail):
        return fail("Error in function call", detail, subject: call.callHeaderRange, context: range)
      }
    }
  }

  /// "Call to unknown function", with a "Did you mean" hint when a known name is close.
  static func unknownFunction(_ call: FunctionCall, functions: FunctionTable) -> Diagnostic {
    let name = call.name.name
    var detail = "There is no function named \(Value.quoted(name))."
    if let suggestion = functions.suggestion(for: name) {
      detail += " Did you mean \(Value.quoted(suggestion))?"
    }
    return .error(
      "Call to unknown function", detail: detail, subject: call.name.range,
      context: call.name.range.through(call.closeParenRange))
  }

  /// `try(a, b, ...)` and `can(a)`: each argument is evaluated on its own and its problems
  /// are kept out of the result unless every argument fails.
  private mutating func evaluateLazyCall(_ call: FunctionCall, range: SourceRange) -> Value {
    let name = call.name.name
    if call.arguments.isEmpty && name == "try" {
      return fail(
        "Error in function call",
        "Call to function \"try\" failed: at least one argument is required.",
        subject: call.callHeaderRange, context: range)
    }
    if call.arguments.isEmpty {
      return fail(
        "Not enough function arguments",
        "Function \"can\" expects 1 argument(s). Missing value for \"expression\".",
        subject: call.closeParenRange, context: range)
    }
    if name == "can" && call.arguments.count > 1 {
      return fail(
        "Too many function arguments", "Function \"can\" expects only 1 argument(s).",
        subject: call.arguments[1].range, context: range)
    }
    var failures: [Diagnostic] = []
    for argument in call.arguments {
      let before = diagnostics.count
      let value = evaluate(argument)
      let problems = Array(diagnostics[before...])
      diagnostics.removeSubrange(before...)
      if problems.hasErrors {
        failures += problems.filter { $0.severity == .error }
        continue
      }
      diagnostics += problems
      // A value that is not wholly known might still fail once known: the answer waits.
      if name == "can" {
        return value.isWhollyKnown ? .true : .unknown(.bool)
      }
      return value.isWhollyKnown
        ? value : Value.unknown().marked(sensitive: value.containsSensitive)
    }
    if name == "can" { return .false }
    var detail = "Call to function \"try\" failed: no expression succeeded:\n"
    for failure in failures {
      let location = failure.subject.map { " (at \(Evaluator.rangeText($0)))" } ?? ""
      detail += "- \(failure.summary)\(location)\n  \(failure.detail)\n"
    }
    detail += "\nAt least one expression must produce a successful result."
    return fail("Error in function call", detail, subject: call.callHeaderRange, context: range)
  }

  /// A range as hcl writes it in messages: `main.tf:2,3-4` or `main.tf:2,3-4,5`.
  static func rangeText(_ range: SourceRange) -> String {
    let start = "\(range.filename):\(range.start.line),\(range.start.column)"
    if range.start.line == range.end.line { return "\(start)-\(range.end.column)" }
    return "\(start)-\(range.end.line),\(range.end.column)"
  }
}

extension FunctionCall {
  /// `name(`: what hcl underlines when a call fails as a whole.
  var callHeaderRange: SourceRange { name.range.through(openParenRange) }
}
