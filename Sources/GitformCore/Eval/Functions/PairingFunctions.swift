/// Functions that pair keys with values: `zipmap`, `transpose` and `matchkeys`.
enum PairingFunctions {
  static let all: [Function] = [
    Function(
      "zipmap",
      [
        FunctionParameter(name: "keys", type: .list(.string)),
        CollectionFunctions.dynamic("values"),
      ],
      returns: .dynamic
    ) { args, _ in try zipmap(args[0].elements ?? [], args[1]) },
    Function(
      "transpose", [FunctionParameter(name: "values", type: .map(.list(.string)))],
      returns: .map(.list(.string))
    ) { args, _ in
      var transposed: [String: [String]] = [:]
      for (key, list) in args[0].sortedAttributes ?? [] {
        for element in list.elements ?? [] {
          guard let name = element.stringValue else {
            throw FunctionError.call("input list must not contain null string")
          }
          transposed[name, default: []].append(key)
        }
      }
      return .map(
        transposed.mapValues { keys in
          .list(
            keys.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }.map { .string($0) },
            elementType: .string)
        }, elementType: .list(.string))
    },
    Function(
      "matchkeys",
      [
        FunctionParameter(name: "values", type: .list(.dynamic)),
        FunctionParameter(name: "keys", type: .list(.dynamic)),
        FunctionParameter(name: "searchset", type: .list(.dynamic)),
      ],
      returns: .dynamic
    ) { args, _ in try matchkeys(args[0], args[1], args[2]) },
  ]

  static func zipmap(_ keys: [Value], _ values: Value) throws -> Value {
    guard values.type.isSequence, !values.type.isSet, let items = values.elements else {
      throw FunctionError.call("values argument must be a list or tuple value")
    }
    guard keys.count == items.count else {
      throw FunctionError.call(
        "number of keys (\(keys.count)) does not match number of values (\(items.count))")
    }
    var attributes: [String: Value] = [:]
    for (index, (key, item)) in zip(keys, items).enumerated() {
      guard let name = key.stringValue else {
        throw FunctionError.call("keys list has null value at index \(index)")
      }
      attributes[name] = item
    }
    if case .list(let elementType) = values.type {
      return .map(attributes, elementType: elementType)
    }
    return .object(attributes)
  }

  static func matchkeys(_ values: Value, _ keys: Value, _ searchset: Value) throws -> Value {
    guard let unified = ValueType.unify([keys.type, searchset.type]),
      case .success(let keyList) = keys.converted(to: unified),
      case .success(let searchList) = searchset.converted(to: unified)
    else { throw FunctionError.call("keys and searchset must be of the same type") }
    guard case .list(let elementType) = values.type else { return values }
    let (items, keyItems) = (values.elements ?? [], keyList.elements ?? [])
    guard items.count == keyItems.count else {
      throw FunctionError.call("length of keys and values should be equal")
    }
    let search = searchList.elements ?? []
    var output: [Value] = []
    for (item, key) in zip(items, keyItems)
    where search.contains(where: { $0.equals(key).boolValue == true }) {
      output.append(item)
    }
    return .list(output, elementType: elementType)
  }
}
