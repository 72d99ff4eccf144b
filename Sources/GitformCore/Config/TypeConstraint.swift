/// A variable's `type = ...` constraint: `string`, `list(string)`, `object({a = number})`, `any`.
enum TypeConstraint {
  /// A malformed type specification.
  struct Invalid: Error {
    var diagnostic: Diagnostic
  }

  static func parse(_ expression: Expression) -> Result<ValueType, Invalid> {
    func invalid(_ detail: String, _ range: SourceRange) -> Result<ValueType, Invalid> {
      .failure(Invalid(diagnostic: .error("Invalid type specification", detail: detail, subject: range)))
    }
    switch expression.kind {
    case .scopeTraversal(let traversal) where traversal.steps.isEmpty:
      switch traversal.root.name {
      case "string": return .success(.string)
      case "number": return .success(.number)
      case "bool": return .success(.bool)
      case "any": return .success(.dynamic)
      case "list", "set", "map", "tuple", "object":
        return invalid(
          "The \(traversal.root.name) type constructor requires one argument specifying the element type.",
          expression.range)
      default:
        return invalid(
          "The keyword \(Value.quoted(traversal.root.name)) is not a valid type specification.",
          expression.range)
      }
    case .functionCall(let call):
      guard call.arguments.count == 1 else {
        return invalid("The \(call.name.name) type constructor requires one argument.", expression.range)
      }
      let argument = call.arguments[0]
      switch call.name.name {
      case "list": return parse(argument).map { .list($0) }
      case "set": return parse(argument).map { .set($0) }
      case "map": return parse(argument).map { .map($0) }
      case "tuple":
        guard case .tuple(let elements) = argument.kind else {
          return invalid("The tuple type constructor requires a list of element types.", argument.range)
        }
        var types: [ValueType] = []
        for element in elements {
          switch parse(element) {
          case .success(let type): types.append(type)
          case .failure(let diagnostic): return .failure(diagnostic)
          }
        }
        return .success(.tuple(types))
      case "object":
        guard case .object(let items) = argument.kind else {
          return invalid("The object type constructor requires an object of attribute types.", argument.range)
        }
        var types: [String: ValueType] = [:]
        for item in items {
          guard case .name(let key) = item.key.kind else {
            return invalid("Object type attribute names must be identifiers.", item.key.range)
          }
          switch parse(item.value) {
          case .success(let type): types[key] = type
          case .failure(let diagnostic): return .failure(diagnostic)
          }
        }
        return .success(.object(types))
      default:
        return invalid("Keyword \(Value.quoted(call.name.name)) is not a valid type constructor.", expression.range)
      }
    case .parenthesized(let inner):
      return parse(inner)
    default:
      return invalid("A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).", expression.range)
    }
  }
}
