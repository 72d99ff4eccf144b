/// Type unification after HCL's `spec.md` "Type Unification": the one type that several
/// values can all be converted to, used by conditionals, list/set/map construction and
/// functions such as `concat`, `merge` and `coalesce`.
extension ValueType {
  /// The unified type of `types`, or nil when they have none.
  ///
  /// Strings absorb numbers and bools; lists absorb sets and tuples; maps absorb objects with
  /// differing attributes; tuples of one length and objects with the same attribute names
  /// unify position by position. `dynamic` unifies with anything and makes the result dynamic.
  public static func unify(_ types: [ValueType]) -> ValueType? {
    guard let first = types.first else { return .dynamic }
    if types.allSatisfy({ $0 == first }) { return first }
    if types.contains(.dynamic) { return .dynamic }
    if types.allSatisfy(\.isPrimitive) {
      guard types.contains(.string) else { return nil }
      return .string
    }
    if types.allSatisfy(\.isSequence) { return unifySequences(types) }
    if types.allSatisfy(\.isMapping) { return unifyMappings(types) }
    return nil
  }

  /// The element type a collection built from `values` gets: nulls and unknowns of the dynamic
  /// type take the type of the others, as in `tolist([null, 1])` (a list of number).
  public static func inferredElementType(of values: [Value]) -> ValueType? {
    let typed = values.filter { !($0.type == .dynamic && (!$0.isKnown || $0.isNull)) }.map(\.type)
    return unify(typed)
  }

  private static func unifySequences(_ types: [ValueType]) -> ValueType? {
    var tupleElements: [[ValueType]] = []
    var elementTypes: [ValueType] = []
    var sawList = false
    var sawSet = false
    for type in types {
      switch type {
      case .tuple(let elements):
        tupleElements.append(elements)
        elementTypes += elements
      case .list(let element):
        sawList = true
        elementTypes.append(element)
      case .set(let element):
        sawSet = true
        elementTypes.append(element)
      default: return nil
      }
    }
    if !sawList && !sawSet, let length = tupleElements.first?.count,
      tupleElements.allSatisfy({ $0.count == length })
    {
      var unified: [ValueType] = []
      for index in 0..<length {
        guard let type = unify(tupleElements.map { $0[index] }) else { return nil }
        unified.append(type)
      }
      return .tuple(unified)
    }
    guard let element = unify(elementTypes) else { return nil }
    return sawSet && !sawList && tupleElements.isEmpty ? .set(element) : .list(element)
  }

  private static func unifyMappings(_ types: [ValueType]) -> ValueType? {
    var objects: [[String: ValueType]] = []
    var elementTypes: [ValueType] = []
    var sawMap = false
    for type in types {
      switch type {
      case .object(let attributes):
        objects.append(attributes)
        elementTypes += attributes.values
      case .map(let element):
        sawMap = true
        elementTypes.append(element)
      default: return nil
      }
    }
    if !sawMap, let names = objects.first.map({ Set($0.keys) }),
      objects.allSatisfy({ Set($0.keys) == names })
    {
      var unified: [String: ValueType] = [:]
      for name in names {
        guard let type = unify(objects.compactMap { $0[name] }) else { return nil }
        unified[name] = type
      }
      return .object(unified)
    }
    guard let element = unify(elementTypes) else { return nil }
    return .map(element)
  }
}
