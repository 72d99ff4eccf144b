/// The evaluation half of `validate`: every attribute expression that refers to no variable
/// is evaluated (in `validate` mode, so time functions stay unknown) and its problems
/// reported, so `x = 1 + "a"` or `x = lenght([])` fail before anything is planned.
///
/// Expressions with references are skipped rather than evaluated against invented values:
/// what `var.x` or `user_token.bot` means is decided by the engine, which checks them later.
public enum StaticCheck {
  /// Problems in the reference-free attribute expressions of `body` and its nested blocks,
  /// in source order.
  public static func diagnostics(of body: Body, context: EvalContext) -> [Diagnostic] {
    var evaluator = Evaluator(context: context)
    for expression in attributeExpressions(in: body) where expression.references.isEmpty {
      _ = evaluator.evaluate(expression)
    }
    return evaluator.diagnostics
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
