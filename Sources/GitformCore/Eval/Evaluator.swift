import Foundation

/// Evaluates expressions of the syntax tree to values, collecting diagnostics.
///
/// Follows hclsyntax's expression semantics: an expression that fails yields an unknown value
/// of the dynamic type (so evaluation goes on and every independent problem is reported) plus
/// diagnostics with Terraform's summaries and the range of the offending part. Unknown and
/// sensitive marks flow through every construct. Bad input never traps: every value kind is
/// handled by every operation.
public struct Evaluator {
  public var context: EvalContext
  /// The problems found so far, in the order they were found.
  public internal(set) var diagnostics: [Diagnostic] = []
  /// Iteration variables of enclosing `for` expressions and template loops, innermost last.
  var scopes: [[String: Value]] = []
  /// The elements of enclosing splats being visited, innermost last.
  var splatItems: [Value] = []
  /// How many `evaluate` calls are in progress.
  private var depth = 0
  /// The thread's stack limit, found once evaluation gets deep.
  private var stackBudget: StackBudget?

  public init(context: EvalContext) {
    self.context = context
  }

  /// Evaluates one expression against `context`, returning its value and diagnostics.
  public static func evaluate(_ expression: Expression, in context: EvalContext) -> (
    Value, [Diagnostic]
  ) {
    var evaluator = Evaluator(context: context)
    let value = evaluator.evaluate(expression)
    return (value, evaluator.diagnostics)
  }

  /// How deep evaluation may recurse before refusing: far beyond the parser's nesting limit
  /// (`Syntax.maximumNestingDepth`). Past `StackBudget.checkedFromDepth` levels the thread's
  /// remaining stack is checked too, so a tree built by hand cannot overflow any thread.
  static let maximumDepth = 1_000

  /// Evaluates `expression`; problems are appended to `diagnostics`.
  public mutating func evaluate(_ expression: Expression) -> Value {
    if depth >= StackBudget.checkedFromDepth && stackBudget == nil { stackBudget = StackBudget() }
    guard depth < Self.maximumDepth, stackBudget?.hasRoom() ?? true else {
      return fail(
        "Expression too deeply nested",
        "This expression nests deeper than gitform evaluates (\(Self.maximumDepth) levels, or "
          + "what the thread's stack allows).", subject: expression.range)
    }
    depth += 1
    defer { depth -= 1 }
    let before = diagnostics.count
    let value = evaluateKind(expression)
    if diagnostics.count > before { attachExpressionValues(from: before, to: expression) }
    return value
  }

  private mutating func evaluateKind(_ expression: Expression) -> Value {
    switch expression.kind {
    case .literal(let literal): return evaluateLiteral(literal, range: expression.range)
    case .template(let template): return evaluateTemplate(template)
    case .scopeTraversal(let traversal): return evaluateTraversal(traversal)
    case .relativeTraversal(let source, let steps):
      var value = evaluate(source)
      for step in steps { value = apply(step, to: value) }
      return value
    case .index(let collection, let key, let bracketRange):
      let collectionValue = evaluate(collection)
      let keyValue = evaluate(key)
      return index(collectionValue, by: keyValue, range: bracketRange)
    case .functionCall(let call): return evaluateCall(call, range: expression.range)
    case .tuple(let elements): return .tuple(elements.map { evaluate($0) })
    case .object(let items): return evaluateObject(items)
    case .unary(let op, let operand, _):
      return evaluateUnary(op, operand, range: expression.range)
    case .binary: return evaluateBinaryChain(expression)
    case .conditional(let condition, let trueResult, let falseResult):
      return evaluateConditional(condition, trueResult, falseResult, range: expression.range)
    case .forExpression(let forExpression):
      return evaluateFor(forExpression, range: expression.range)
    case .splat(let splat): return evaluateSplat(splat)
    // Outside a splat's `each` there is no item; the parser never produces that.
    case .splatItem: return splatItems.last ?? .unknown()
    case .parenthesized(let inner): return evaluate(inner)
    case .invalid: return .unknown()
    }
  }

  /// Records an error and returns the value hcl yields for a failed expression.
  mutating func fail(
    _ summary: String, _ detail: String, subject: SourceRange, context: SourceRange? = nil
  ) -> Value {
    diagnostics.append(.error(summary, detail: detail, subject: subject, context: context))
    return .unknown()
  }

  // MARK: - Literals and constructors

  private mutating func evaluateLiteral(_ literal: LiteralValue, range: SourceRange) -> Value {
    switch literal {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .string(let s): return .string(s)
    case .number(let text):
      switch NumberFormatting.parse(text) {
      case .success(let n): return .number(n)
      case .failure(.outOfRange):
        return fail(
          "Number out of range",
          "The number \(text) needs more than \(NumberFormatting.maximumDigits) significant "
            + "digits to be exact, beyond the precision of gitform's numbers.", subject: range)
      case .failure(.syntax):
        return fail(
          "Invalid number literal", "Failed to recognize the value of this number literal.",
          subject: range)
      }
    }
  }

  private mutating func evaluateObject(_ items: [ObjectItem]) -> Value {
    var attributes: [String: Value] = [:]
    var unknownKey = false
    var sensitiveKey = false
    for item in items {
      let value = evaluate(item.value)
      let name: String
      switch item.key.kind {
      case .name(let n): name = n
      case .expression(let keyExpression):
        let key = evaluate(keyExpression)
        if key.isNull {
          _ = fail(
            "Null value as key", "Can't use a null value as a key.", subject: item.key.range)
          continue
        }
        guard case .success(let converted) = key.converted(to: .string) else {
          _ = fail(
            "Incorrect key type", "Can't use this value as a key: string required.",
            subject: item.key.range)
          continue
        }
        sensitiveKey = sensitiveKey || converted.containsSensitive
        guard let text = converted.stringValue else {
          unknownKey = true
          continue
        }
        name = text
      }
      attributes[name] = value
    }
    if unknownKey { return Value.unknown().marked(sensitive: sensitiveKey) }
    return Value.object(attributes).marked(sensitive: sensitiveKey)
  }

  // MARK: - Scopes

  /// The value of a root name: an iteration variable, else a context variable.
  func lookup(_ name: String) -> Value? {
    for scope in scopes.reversed() {
      if let value = scope[name] { return value }
    }
    return context.variables[name]
  }

  /// Runs `body` with `variables` bound on top of the current scopes.
  mutating func withScope<T>(_ variables: [String: Value], _ body: (inout Evaluator) -> T) -> T {
    scopes.append(variables)
    defer { scopes.removeLast() }
    return body(&self)
  }
}
