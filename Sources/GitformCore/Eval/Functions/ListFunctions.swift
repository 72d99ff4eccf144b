import Foundation

/// Functions over lists and tuples: truth tests, chunking, searching, slicing, sorting,
/// summing and pairing, after cty's `stdlib` and Terraform's `lang/funcs`.
enum ListFunctions {
  static let all: [Function] = [
    Function("alltrue", [boolList], returns: .bool) { args, _ in
      // A null element is false, as in Terraform.
      .bool((args[0].elements ?? []).allSatisfy { $0.boolValue == true })
    },
    Function("anytrue", [boolList], returns: .bool) { args, _ in
      .bool((args[0].elements ?? []).contains { $0.boolValue == true })
    },
    Function(
      "chunklist",
      [FunctionParameter(name: "list", type: .list(.dynamic)), StringFunctions.number("size")],
      returns: .dynamic
    ) { args, _ in
      guard case .list(let elementType) = args[0].type, let elements = args[0].elements else {
        return .unknown()
      }
      let size = try wholeNumber(args[1], "invalid size: ")
      guard size >= 0 else { throw FunctionError.call("the size argument must be positive") }
      if elements.isEmpty { return .list([], elementType: .list(elementType)) }
      let chunks =
        size == 0
        ? [elements]
        : stride(from: 0, to: elements.count, by: size).map {
          Array(elements[$0..<min($0 + size, elements.count)])
        }
      return .list(
        chunks.map { .list($0, elementType: elementType) }, elementType: .list(elementType))
    },
    Function(
      "coalescelist", [],
      variadic: FunctionParameter(
        name: "vals", type: .dynamic, allowNull: true, allowUnknown: true),
      returns: .dynamic
    ) { args, _ in
      guard !args.isEmpty else { throw FunctionError.call("at least one argument is required") }
      // The type decides, so a literal `null` (of no type) is refused too, as in Terraform.
      for argument in args where !(argument.type.isSequence && !argument.type.isSet) {
        throw FunctionError.call("coalescelist arguments must be lists or tuples")
      }
      for argument in args {
        if !argument.isKnown { return .unknown() }
        if argument.isNull { continue }
        if let elements = argument.elements, !elements.isEmpty { return argument }
      }
      throw FunctionError.call("no non-null arguments")
    },
    Function(
      "compact", [FunctionParameter(name: "list", type: .list(.string))], returns: .list(.string)
    ) { args, _ in
      let kept = (args[0].elements ?? []).filter { !$0.isNull && $0.stringValue != "" }
      return .list(kept, elementType: .string)
    },
    Function(
      "index",
      [CollectionFunctions.dynamic("list"), CollectionFunctions.dynamic("value")],
      returns: .number
    ) { args, _ in
      guard args[0].type.isSequence, !args[0].type.isSet, let elements = args[0].elements else {
        throw FunctionError.call("argument must be a list or tuple")
      }
      guard !elements.isEmpty else { throw FunctionError.call("cannot search an empty list") }
      guard let found = elements.firstIndex(where: { $0.equals(args[1]).boolValue == true }) else {
        throw FunctionError.call("item not found")
      }
      return .number(found)
    },
    Function("one", [CollectionFunctions.dynamic("list")], returns: .dynamic) { args, _ in
      let list = args[0]
      let problem = "must be a list, set, or tuple value with either zero or one elements"
      guard list.type.isSequence, let elements = list.elements, elements.count <= 1 else {
        throw FunctionError.argument(index: 0, problem)
      }
      if let only = elements.first { return only }
      return .null(list.type.elementType ?? .dynamic)
    },
    Function("range", [], variadic: StringFunctions.number("params"), returns: .list(.number)) {
      args, _ in try range(args.compactMap(\.numberValue))
    },
    Function("reverse", [CollectionFunctions.dynamic("list")], returns: .dynamic) { args, _ in
      let list = args[0]
      guard list.type.isSequence, let elements = list.elements else {
        throw FunctionError.argument(
          index: 0, "can only reverse list or tuple values, not \(list.type.friendlyName)")
      }
      // A set reverses its canonical order into a list.
      if case .list(let elementType) = list.type {
        return .list(elements.reversed(), elementType: elementType)
      }
      if case .set(let elementType) = list.type {
        return .list(elements.reversed(), elementType: elementType)
      }
      return .tuple(elements.reversed())
    },
    Function(
      "slice",
      [
        CollectionFunctions.dynamic("list"), StringFunctions.number("start_index"),
        StringFunctions.number("end_index"),
      ],
      returns: .dynamic
    ) { args, _ in try slice(args[0], args[1], args[2]) },
    Function(
      "sort", [FunctionParameter(name: "list", type: .list(.string))], returns: .list(.string)
    ) { args, _ in
      var strings: [String] = []
      for (index, element) in (args[0].elements ?? []).enumerated() {
        guard let s = element.stringValue else {
          throw FunctionError.call(
            "given list element \(index) is null; a null string cannot be sorted")
        }
        strings.append(s)
      }
      strings.sort { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
      return .list(strings.map { .string($0) }, elementType: .string)
    },
    Function("sum", [CollectionFunctions.dynamic("list")], returns: .number) { args, _ in
      try sum(args[0])
    },
  ]

  private static let boolList = FunctionParameter(name: "list", type: .list(.bool))

  /// A whole-number argument, or cty's `gocty` message (`prefix` names the argument), blamed
  /// on `argument` or on the call.
  static func wholeNumber(_ value: Value, _ prefix: String = "", argument: Int? = nil) throws
    -> Int
  {
    guard let n = DecimalArithmetic.intValue(value.numberValue ?? 0) else {
      let message = prefix + "value must be a whole number, between \(Int.min) and \(Int.max)"
      if let argument { throw FunctionError.argument(index: argument, message) }
      throw FunctionError.call(message)
    }
    return n
  }

  /// `range(end)`, `range(start, end)`, `range(start, end, step)`: at most 1024 numbers.
  static func range(_ params: [Decimal]) throws -> Value {
    var (start, end, step) = (Decimal(0), Decimal(0), Decimal(1))
    switch params.count {
    case 1:
      end = params[0]
      if end < 0 { step = -1 }
    case 2:
      (start, end) = (params[0], params[1])
      if end < start { step = -1 }
    case 3: (start, end, step) = (params[0], params[1], params[2])
    default: throw FunctionError.call("must have one, two, or three arguments")
    }
    // cty's zero test compares number objects, never equal to a given zero, so a zero step
    // runs into the 1024-value limit below; gitform keeps that behaviour.
    let down = step < 0
    if down && end > start {
      throw FunctionError.argument(index: 1, "end must be less than start when step is negative")
    }
    if !down && end < start {
      throw FunctionError.argument(index: 1, "end must be greater than start when step is positive")
    }
    var values: [Value] = []
    var current = start
    while down ? current > end : current < end {
      guard values.count < 1024 else {
        throw FunctionError.call(
          "more than 1024 values were generated; either decrease the difference between start "
            + "and end or use a smaller step")
      }
      values.append(.number(current))
      guard case .success(let next) = DecimalArithmetic.add(current, step) else { break }
      current = next
    }
    return .list(values, elementType: .number)
  }

  /// `slice(list, start, end)`: the elements from `start` up to but not including `end`.
  static func slice(_ list: Value, _ startValue: Value, _ endValue: Value) throws -> Value {
    if list.type.isSet {
      throw FunctionError.argument(
        index: 0,
        "cannot slice a set, because its elements do not have indices; explicitly convert to a "
          + "list if the ordering of the result is not important")
    }
    guard list.type.isSequence, let elements = list.elements else {
      throw FunctionError.argument(index: 0, "must be a list or tuple value")
    }
    let start = try wholeNumber(startValue, "invalid start index: ", argument: 1)
    let end = try wholeNumber(endValue, "invalid end index: ", argument: 2)
    guard start >= 0 else {
      throw FunctionError.argument(index: 1, "start index must not be less than zero")
    }
    guard end <= elements.count else {
      throw FunctionError.argument(
        index: 2, "end index must not be greater than the length of the list")
    }
    guard start <= end else {
      throw FunctionError.argument(index: 1, "start index must not be greater than end index")
    }
    let part = Array(elements[start..<end])
    if case .list(let elementType) = list.type { return .list(part, elementType: elementType) }
    return .tuple(part)
  }

  static func sum(_ list: Value) throws -> Value {
    guard list.type.isSequence || list.type.isMapping,
      let items = list.elements ?? list.attributes.map({ Array($0.values) })
    else {
      throw FunctionError.argument(index: 0, "cannot sum noniterable")
    }
    guard !items.isEmpty else { throw FunctionError.argument(index: 0, "cannot sum an empty list") }
    guard list.type.isSequence else {
      throw FunctionError.argument(
        index: 0, "argument must be list, set, or tuple. Received \(list.type.friendlyName)")
    }
    var total = Decimal(0)
    for item in items {
      guard !item.isNull, case .success(let converted) = item.converted(to: .number),
        let n = converted.numberValue
      else {
        throw FunctionError.argument(
          index: 0, "argument must be list, set, or tuple of number values")
      }
      switch DecimalArithmetic.add(total, n) {
      case .success(let next): total = next
      case .failure(let failure): throw FunctionError.call(failure.message)
      }
    }
    return .number(total)
  }
}
