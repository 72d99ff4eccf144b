import Foundation

/// Functions over lists, tuples, sets, maps and objects: size, membership and access.
enum CollectionFunctions {
  static let all: [Function] = [
    Function(
      "length", [FunctionParameter(name: "value", type: .dynamic, allowUnknown: true)],
      returns: .number
    ) { args, _ in
      let value = args[0]
      if case .string = value.type {
        guard let s = value.stringValue else { return .unknown(.number) }
        return .number(s.count)
      }
      guard value.type.isSequence || value.type.isMapping || value.type == .dynamic else {
        throw FunctionError.call(
          "argument must be a string, a collection type, or a structural type")
      }
      // A tuple or object knows its length even when its elements are unknown.
      if let elements = value.elements { return .number(elements.count) }
      if let attributes = value.attributes { return .number(attributes.count) }
      return .unknown(.number)
    },
    Function("concat", [], variadic: partlyUnknown("seqs"), returns: .dynamic) { args, _ in
      guard !args.isEmpty else { throw FunctionError.call("at least one argument is required") }
      var elements: [Value] = []
      // Known sequences concatenate even when their elements are unknown.
      if args.contains(where: { !$0.isKnown && ($0.type.isSequence || $0.type == .dynamic) }) {
        return .unknown()
      }
      for (index, argument) in args.enumerated() {
        guard argument.type.isSequence, !argument.type.isSet, let items = argument.elements
        else {
          throw FunctionError.argument(
            index: index, "all arguments must be lists or tuples; got \(argument.type.friendlyName)"
          )
        }
        elements += items
      }
      // Lists of one element type stay a list; anything mixed becomes a tuple, as in Terraform.
      let listTypes = args.compactMap { argument -> ValueType? in
        if case .list(let t) = argument.type { return t }
        return nil
      }
      if listTypes.count == args.count, let unified = ValueType.unify(listTypes),
        case .success(let (converted, type)) = Value.convertElements(elements, to: unified)
      {
        return .list(converted, elementType: type)
      }
      return .tuple(elements)
    },
    Function(
      "merge", [],
      variadic: FunctionParameter(name: "maps", type: .dynamic, allowNull: true, allowUnknown: true),
      returns: .dynamic
    ) { args, _ in
      // As cty's merge: only a wholly unknown map makes the result unknown; a known map whose
      // values are not yet known keeps its keys, so `for_each = merge(...)` of token maps plans.
      if args.contains(where: { !$0.isKnown }) { return .unknown() }
      var attributes: [String: Value] = [:]
      var mapTypes: [ValueType] = []
      let present = args.filter { !$0.isNull }
      for argument in present {
        guard argument.type.isMapping, let items = argument.attributes else {
          throw FunctionError.call(
            "arguments must be maps or objects, got \(Value.quoted(argument.type.friendlyName))")
        }
        if case .map(let t) = argument.type { mapTypes.append(t) }
        attributes.merge(items) { _, later in later }
      }
      // Maps of one element type merge into a map; anything else into an object, as in
      // Terraform (maps of different element types are not converted).
      if let first = mapTypes.first, !present.isEmpty, mapTypes.count == present.count,
        mapTypes.allSatisfy({ $0 == first })
      {
        return .map(attributes, elementType: first)
      }
      return .object(attributes)
    },
    Function("contains", [dynamic("list"), dynamic("value")], returns: .bool) { args, _ in
      guard args[0].type.isSequence, let elements = args[0].elements else {
        throw FunctionError.call("argument must be list, tuple, or set")
      }
      return .bool(elements.contains { $0.equals(args[1]).boolValue == true })
    },
    Function("keys", [partlyUnknown("inputMap")], returns: .dynamic) { args, _ in
      // The keys of a known map are known even when its values are not.
      if !args[0].isKnown && (args[0].type.isMapping || args[0].type == .dynamic) {
        return .unknown()
      }
      guard args[0].type.isMapping, let attributes = args[0].sortedAttributes else {
        throw FunctionError.argument(index: 0, "must have map or object type")
      }
      let names = attributes.map { Value.string($0.key) }
      if case .map = args[0].type { return .list(names, elementType: .string) }
      return .tuple(names)
    },
    Function("values", [partlyUnknown("values")], returns: .dynamic) { args, _ in
      if !args[0].isKnown && (args[0].type.isMapping || args[0].type == .dynamic) {
        return .unknown()
      }
      guard let attributes = args[0].sortedAttributes, args[0].type.isMapping else {
        throw FunctionError.call("values() requires a map as the first argument")
      }
      if case .map(let t) = args[0].type { return .list(attributes.map(\.value), elementType: t) }
      return .tuple(attributes.map(\.value))
    },
    Function(
      "lookup",
      [
        partlyUnknown("inputMap"),
        FunctionParameter(name: "key", type: .string, allowUnknown: true),
      ],
      variadic: FunctionParameter(
        name: "default", type: .dynamic, allowNull: true, allowUnknown: true),
      returns: .dynamic
    ) { args, _ in
      guard args.count <= 3 else {
        throw FunctionError.call("lookup() takes two or three arguments, got \(args.count)")
      }
      // A known key in a known map finds its element even when other elements are unknown.
      if !args[1].isKnown
        || (!args[0].isKnown && (args[0].type.isMapping || args[0].type == .dynamic))
      {
        return .unknown()
      }
      guard args[0].type.isMapping, let attributes = args[0].attributes else {
        throw FunctionError.argument(index: 0, "lookup() requires a map as the first argument")
      }
      let key = args[1].stringValue ?? ""
      if let found = attributes[key] { return found }
      if args.count == 3 {
        guard case .map(let t) = args[0].type else { return args[2] }
        guard case .success(let converted) = args[2].converted(to: t) else {
          throw FunctionError.argument(
            index: 2, "the default value must have the same type as the map elements")
        }
        return converted
      }
      if case .object = args[0].type {
        throw FunctionError.argument(
          index: 0, "the given object has no attribute \(Value.quoted(key))")
      }
      throw FunctionError.call("lookup failed to find key \(Value.quoted(key))")
    },
    Function(
      "element",
      [partlyUnknown("list"), FunctionParameter(name: "index", type: .number, allowUnknown: true)],
      returns: .dynamic
    ) { args, _ in
      if !args[1].isKnown
        || (!args[0].isKnown && (args[0].type.isSequence || args[0].type == .dynamic))
      {
        return .unknown()
      }
      return try element(args[0], args[1])
    },
  ]

  /// `element(list, index)`: the index wraps around, as in Terraform.
  private static func element(_ list: Value, _ index: Value) throws -> Value {
    guard list.type.isSequence, !list.type.isSet, let elements = list.elements else {
      throw FunctionError.call("cannot read elements from \(list.type.friendlyName)")
    }
    guard let number = index.numberValue, let position = DecimalArithmetic.intValue(number) else {
      throw FunctionError.call(
        "invalid index: value must be a whole number, between \(Int.min) and \(Int.max)")
    }
    guard !elements.isEmpty else {
      throw FunctionError.call("cannot use element function with an empty list")
    }
    let wrapped = position % elements.count
    return elements[wrapped < 0 ? wrapped + elements.count : wrapped]
  }

  /// A parameter of any type whose value may hold unknowns: the function itself decides what
  /// it can still know (cty's `AllowUnknown`).
  static func partlyUnknown(_ name: String) -> FunctionParameter {
    FunctionParameter(name: name, type: .dynamic, allowUnknown: true)
  }

  static func dynamic(_ name: String) -> FunctionParameter {
    FunctionParameter(name: name, type: .dynamic)
  }
}

extension ValueType {
  var isSet: Bool {
    if case .set = self { return true }
    return false
  }
}
