/// Functions that reshape sequences: `flatten`, `distinct`, `coalesce`.
enum SequenceFunctions {
  static let all: [Function] = [
    Function("flatten", [CollectionFunctions.dynamic("list")], returns: .dynamic) { args, _ in
      guard args[0].type.isSequence, let elements = args[0].elements else {
        throw FunctionError.call("can only flatten lists, sets and tuples")
      }
      return .tuple(flatten(elements, depth: 0))
    },
    Function(
      "distinct", [FunctionParameter(name: "list", type: .list(.dynamic))], returns: .dynamic
    ) { args, _ in
      guard case .list(let elementType) = args[0].type, let elements = args[0].elements else {
        return args[0]
      }
      var seen = Set<Value>()
      return .list(elements.filter { seen.insert($0).inserted }, elementType: elementType)
    },
    Function(
      "coalesce", [], variadic: FunctionParameter(name: "vals", type: .dynamic, allowNull: true),
      returns: .dynamic
    ) { args, _ in
      guard !args.isEmpty, let unified = ValueType.inferredElementType(of: args) else {
        throw FunctionError.call("all arguments must have the same type")
      }
      for (index, argument) in args.enumerated() where !argument.isNull {
        guard case .success(let converted) = argument.converted(to: unified) else {
          throw FunctionError.argument(index: index, "all arguments must have the same type")
        }
        if converted.stringValue == "" { continue }
        return converted
      }
      throw FunctionError.call("no non-null, non-empty-string arguments")
    },
  ]

  /// Sequences inside sequences spliced in, to any depth (bounded by the parser's nesting).
  private static func flatten(_ elements: [Value], depth: Int) -> [Value] {
    var result: [Value] = []
    for element in elements {
      if element.type.isSequence, let inner = element.elements, depth < 1_000 {
        result += flatten(inner, depth: depth + 1)
      } else {
        result.append(element)
      }
    }
    return result
  }
}
