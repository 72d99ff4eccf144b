/// A variable's `type = ...` constraint: `string`, `list(string)`, `object({a = number})`, `any`,
/// with `optional(TYPE)` and `optional(TYPE, DEFAULT)` on object attributes (Terraform 1.3+).
///
/// Messages follow HCL's `typeexpr` package, which is what Terraform reports.
enum TypeConstraint {
  /// A malformed type specification.
  struct Invalid: Error {
    var diagnostic: Diagnostic
  }

  /// A parsed constraint: the type values convert to, and the defaulting that comes first.
  struct Parsed {
    var type: ValueType
    var defaults: TypeDefaults?
  }

  static func parse(_ expression: Expression) -> Result<ValueType, Invalid> {
    parseWithDefaults(expression).map(\.type)
  }

  static func parseWithDefaults(_ expression: Expression) -> Result<Parsed, Invalid> {
    func invalid(_ detail: String, _ range: SourceRange, context: SourceRange? = nil) -> Result<Parsed, Invalid> {
      .failure(
        Invalid(
          diagnostic: .error("Invalid type specification", detail: detail, subject: range, context: context)))
    }
    func plain(_ type: ValueType) -> Result<Parsed, Invalid> { .success(Parsed(type: type, defaults: nil)) }
    switch expression.kind {
    case .scopeTraversal(let traversal) where traversal.steps.isEmpty:
      switch traversal.root.name {
      case "string": return plain(.string)
      case "number": return plain(.number)
      case "bool": return plain(.bool)
      case "any": return plain(.dynamic)
      case "list", "set", "map":
        return invalid(
          "The \(traversal.root.name) type constructor requires one argument specifying the element type.",
          expression.range)
      case "object":
        return invalid(
          "The object type constructor requires one argument specifying the attribute types and values as a map.",
          expression.range)
      case "tuple":
        return invalid(
          "The tuple type constructor requires one argument specifying the element types as a list.",
          expression.range)
      default:
        return invalid(
          "The keyword \(Value.quoted(traversal.root.name)) is not a valid type specification.",
          expression.range)
      }
    case .functionCall(let call):
      let name = call.name.name
      let argumentsRange = call.openParenRange.through(call.closeParenRange)
      switch name {
      case "bool", "string", "number":
        return invalid("Primitive type keyword \(Value.quoted(name)) does not expect arguments.", argumentsRange)
      case "any":
        return invalid("Type constraint keyword \(Value.quoted(name)) does not expect arguments.", argumentsRange)
      case "optional":
        return invalid(
          "Keyword \(Value.quoted(name)) is valid only as a modifier for object type attributes.", call.name.range)
      case "list", "set", "map", "object", "tuple":
        break
      default:
        return invalid("Keyword \(Value.quoted(name)) is not a valid type constructor.", expression.range)
      }
      guard call.arguments.count == 1 else {
        let subject =
          call.arguments.count > 1
          ? call.arguments[1].range.through(call.arguments[call.arguments.count - 1].range) : argumentsRange
        let detail: String
        switch name {
        case "object":
          detail = "The object type constructor requires one argument specifying the attribute types and values as a map."
        case "tuple":
          detail = "The tuple type constructor requires one argument specifying the element types as a list."
        default: detail = "The \(name) type constructor requires one argument specifying the element type."
        }
        return invalid(detail, subject, context: argumentsRange)
      }
      let argument = call.arguments[0]
      switch name {
      case "list", "set", "map":
        return parseWithDefaults(argument).map { element in
          let type: ValueType =
            name == "list" ? .list(element.type) : name == "set" ? .set(element.type) : .map(element.type)
          return Parsed(type: type, defaults: element.defaults.map { TypeDefaults(type: type, children: ["": $0]) })
        }
      case "tuple":
        guard case .tuple(let elements) = argument.kind else {
          return invalid("Tuple type constructor requires a list of element types.", argument.range, context: expression.range)
        }
        var types: [ValueType] = []
        var children: [String: TypeDefaults] = [:]
        for (index, element) in elements.enumerated() {
          switch parseWithDefaults(element) {
          case .success(let parsed):
            types.append(parsed.type)
            children[String(index)] = parsed.defaults
          case .failure(let invalid): return .failure(invalid)
          }
        }
        let type = ValueType.tuple(types)
        return .success(Parsed(type: type, defaults: children.isEmpty ? nil : TypeDefaults(type: type, children: children)))
      default:
        return parseObject(argument, in: expression)
      }
    case .parenthesized(let inner):
      return parseWithDefaults(inner)
    default:
      return invalid(
        "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).",
        expression.range)
    }
  }

  /// `object({ name = TYPE, other = optional(TYPE[, DEFAULT]) })`.
  private static func parseObject(_ argument: Expression, in expression: Expression) -> Result<Parsed, Invalid> {
    func invalid(_ detail: String, _ range: SourceRange, context: SourceRange? = nil) -> Result<Parsed, Invalid> {
      .failure(
        Invalid(
          diagnostic: .error("Invalid type specification", detail: detail, subject: range, context: context)))
    }
    guard case .object(let items) = argument.kind else {
      return invalid(
        "Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.",
        argument.range, context: expression.range)
    }
    var types: [String: ValueType] = [:]
    var node = TypeDefaults(type: .dynamic)
    for item in items {
      guard case .name(let key) = item.key.kind else {
        return invalid(
          "Object constructor map keys must be attribute names.", item.key.range, context: expression.range)
      }
      var typeExpression = item.value
      var defaultExpression: Expression?
      var isOptional = false
      if case .functionCall(let call) = item.value.kind, call.name.name == "optional" {
        let argumentsRange = call.openParenRange.through(call.closeParenRange)
        switch call.arguments.count {
        case 0:
          return invalid(
            "Optional attribute modifier requires the attribute type as its argument.", argumentsRange,
            context: item.value.range)
        case 1, 2:
          isOptional = true
          typeExpression = call.arguments[0]
          defaultExpression = call.arguments.count == 2 ? call.arguments[1] : nil
        default:
          return invalid(
            "Optional attribute modifier expects at most two arguments: the attribute type, and a default value.",
            argumentsRange, context: item.value.range)
        }
      }
      let parsed: Parsed
      switch parseWithDefaults(typeExpression) {
      case .success(let result): parsed = result
      case .failure(let invalid): return .failure(invalid)
      }
      types[key] = parsed.type
      if isOptional { node.optionalAttributes[key] = parsed.type }
      if let defaults = parsed.defaults { node.children[key] = defaults }
      if let defaultExpression {
        let (value, problems) = Evaluator.evaluate(defaultExpression, in: EvalContext(mode: .validate))
        if let problem = problems.first { return .failure(Invalid(diagnostic: problem)) }
        switch (parsed.defaults?.apply(value) ?? value).converted(to: parsed.type) {
        case .success(let converted): node.defaultValues[key] = converted
        case .failure(let error):
          return .failure(
            Invalid(
              diagnostic: .error(
                "Invalid default value for optional attribute",
                detail: "This default value is not compatible with the attribute's type constraint: \(error.message).",
                subject: defaultExpression.range)))
        }
      }
    }
    let type = ValueType.object(types)
    node.type = type
    let hasDefaults = !node.optionalAttributes.isEmpty || !node.children.isEmpty
    return .success(Parsed(type: type, defaults: hasDefaults ? node : nil))
  }
}
