/// The evaluation half of `validate`: every attribute expression that refers to no variable
/// is evaluated (in `validate` mode, so time functions stay unknown) and its problems
/// reported, so `x = 1 + "a"` or `x = lenght([])` fail before anything is planned.
///
/// Expressions with references are not evaluated against invented values: what `var.x` or
/// `user_token.bot` means is decided by the engine, which checks them later. Their calls to
/// unknown functions are reported all the same, since no value can make those right.
public enum StaticCheck {
  /// Problems in the attribute expressions of `body` and its nested blocks, in source order.
  public static func diagnostics(of body: Body, context: EvalContext) -> [Diagnostic] {
    var evaluator = Evaluator(context: context)
    for expression in attributeExpressions(in: body) {
      if expression.references.isEmpty {
        _ = evaluator.evaluate(expression)
      } else {
        for call in unknownCalls(in: expression, functions: context.functions) {
          evaluator.diagnostics.append(
            Evaluator.unknownFunction(call, functions: context.functions))
        }
        evaluator.diagnostics += callDiagnostics(in: expression, context: context)
      }
    }
    return evaluator.diagnostics
  }

  /// Calls to functions that do not exist, in source order, except inside `try` and `can`,
  /// which turn such a failure into a fallback.
  static func unknownCalls(in expression: Expression, functions: FunctionTable) -> [FunctionCall] {
    var found: [FunctionCall] = []
    var pending = [expression]
    while let next = pending.popLast() {
      if case .functionCall(let call) = next.kind {
        if FunctionTable.lazyNames.contains(call.name.name) { continue }
        if !functions.contains(call.name.name) { found.append(call) }
      }
      pending += next.children.reversed()
    }
    return found
  }

  /// The name a referring argument is replaced by: not an identifier a configuration can use.
  private static let pending = "gitform validate: not known yet"

  /// Arity and argument problems of the known functions called in `expression` (outside `try`
  /// and `can`), each call evaluated on its own with referring arguments unknown.
  static func callDiagnostics(in expression: Expression, context: EvalContext) -> [Diagnostic] {
    var checkContext = context
    checkContext.variables = [pending: .unknown()]
    var found: [Diagnostic] = []
    var remaining = [expression]
    while let next = remaining.popLast() {
      if case .functionCall(let call) = next.kind {
        if FunctionTable.lazyNames.contains(call.name.name) { continue }
        if context.functions[call.name.name] != nil {
          var checked = call
          checked.arguments = call.arguments.map { argument in
            guard hasTraversal(argument) else { return argument }
            let root = Identifier(name: pending, range: argument.range)
            return Expression(
              .scopeTraversal(Traversal(root: root, steps: [])), range: argument.range)
          }
          let (_, diagnostics) = Evaluator.evaluate(
            Expression(.functionCall(checked), range: next.range), in: checkContext)
          // A call inside another one's argument is met twice: report its problem once.
          for problem in diagnostics.filter({ $0.severity == .error }).prefix(1)
          where !found.contains(problem) {
            found.append(problem)
          }
        }
      }
      remaining += next.children.reversed()
    }
    return found
  }

  /// Whether `expression` reads any variable, iteration variables and splat items included.
  private static func hasTraversal(_ expression: Expression) -> Bool {
    var remaining = [expression]
    while let next = remaining.popLast() {
      switch next.kind {
      case .scopeTraversal, .splatItem: return true
      default: remaining += next.children
      }
    }
    return false
  }

  private static func attributeExpressions(in body: Body) -> [Expression] {
    body.items.flatMap { item -> [Expression] in
      switch item {
      case .attribute(let attribute): return [attribute.expression]
      case .block(let block): return attributeExpressions(in: block.body)
      }
    }
  }
}
