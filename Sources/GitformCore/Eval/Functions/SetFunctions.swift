/// Set algebra: `setunion`, `setintersection`, `setsubtract` and `setproduct`, after cty's
/// `stdlib` (arguments convert to sets whose element types must unify).
enum SetFunctions {
  static let all: [Function] = [
    operation("setunion", variadic: true) { $0.union($1) },
    operation("setintersection", variadic: true) { $0.intersection($1) },
    operation("setsubtract", variadic: false) { $0.subtracting($1) },
    Function(
      "setproduct", [], variadic: CollectionFunctions.dynamic("sets"), returns: .dynamic
    ) { args, _ in try product(args) },
  ]

  private static let setParameter = FunctionParameter(name: "first_set", type: .set(.dynamic))

  private static func operation(
    _ name: String, variadic: Bool,
    _ combine: @escaping @Sendable (Set<Value>, Set<Value>) -> Set<Value>
  ) -> Function {
    let parameters =
      variadic
      ? [setParameter]
      : [
        FunctionParameter(name: "a", type: .set(.dynamic)),
        FunctionParameter(name: "b", type: .set(.dynamic)),
      ]
    return Function(
      name, parameters,
      variadic: variadic ? FunctionParameter(name: "other_sets", type: .set(.dynamic)) : nil,
      returns: .dynamic
    ) { args, _ in
      // Empty sets of no particular type convert to any other.
      let typed = args.filter { !($0.elements?.isEmpty == true && $0.type == .set(.dynamic)) }
      guard let elementType = ValueType.unify(typed.compactMap(\.type.elementType)) else {
        throw FunctionError.call("given sets must all have compatible element types")
      }
      var sets: [Set<Value>] = []
      for argument in args {
        guard case .success(let converted) = argument.converted(to: .set(elementType)) else {
          throw FunctionError.call("given sets must all have compatible element types")
        }
        sets.append(Set(converted.elements ?? []))
      }
      let result = sets.dropFirst().reduce(sets[0], combine)
      return .set(Array(result), elementType: elementType)
    }
  }

  /// The cartesian product, the first argument varying slowest: a list of tuples when every
  /// argument is a list or tuple, otherwise a set of tuples.
  static func product(_ args: [Value]) throws -> Value {
    guard args.count >= 2 else { throw FunctionError.call("at least two arguments are required") }
    var elementTypes: [ValueType] = []
    var columns: [[Value]] = []
    var allLists = true
    for (index, argument) in args.enumerated() {
      var elementType: ValueType
      switch argument.type {
      case .set(let t):
        elementType = t
        allLists = false
      case .list(let t): elementType = t
      case .tuple(let ts):
        guard let t = ValueType.unify(ts) else {
          throw FunctionError.argument(index: index, "a set or a list is required")
        }
        elementType = t
      default: throw FunctionError.argument(index: index, "a set or a list is required")
      }
      var column: [Value] = []
      for element in argument.elements ?? [] {
        guard case .success(let converted) = element.converted(to: elementType) else {
          throw FunctionError.argument(index: index, "a set or a list is required")
        }
        column.append(converted)
      }
      elementTypes.append(elementType)
      columns.append(column)
    }
    let total = columns.reduce(1) { $0 * $1.count }
    guard total <= 1_000_000 else {
      throw FunctionError.call("the product has \(total) elements, more than gitform builds")
    }
    var rows: [[Value]] = [[]]
    for column in columns {
      rows = rows.flatMap { row in column.map { row + [$0] } }
    }
    let tupleType = ValueType.tuple(elementTypes)
    let tuples = rows.map { Value(type: tupleType, content: .elements($0)) }
    return allLists ? .list(tuples, elementType: tupleType) : .set(tuples, elementType: tupleType)
  }
}
