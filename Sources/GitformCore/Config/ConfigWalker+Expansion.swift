import Foundation

/// `count` and `for_each`: a resource block's instance keys and their `count`/`each` scope.
extension ConfigWalker {
  /// The instances of one resource block.
  mutating func expand(_ resource: ResourceBlock) -> [InstanceConfig] {
    let dependencies = absoluteDependencies(of: .resource(resource.address))
    var keyed: [(InstanceKey?, [String: Value])] = []
    if let countExpression = resource.count {
      let (value, problems) = Evaluator.evaluate(countExpression, in: context)
      diagnostics += problems
      guard problems.isEmpty else { return [] }
      if allowsUnknownExpansion && !value.isKnown {
        return [instanceConfig(resource, key: nil, scope: ["count": .object(["index": .unknown(.number)])], dependencies: dependencies)]
      }
      guard let whole = countValue(value, range: countExpression.range) else { return [] }
      keyed = (0..<whole).map { (.int($0), ["count": .object(["index": .number($0)])]) }
    } else if let forEachExpression = resource.forEach {
      let (value, problems) = Evaluator.evaluate(forEachExpression, in: context)
      diagnostics += problems
      guard problems.isEmpty else { return [] }
      if allowsUnknownExpansion && !value.isWhollyKnown {
        return [instanceConfig(resource, key: nil, scope: ["each": .object(["key": .unknown(.string), "value": .unknown()])], dependencies: dependencies)]
      }
      guard let pairs = forEachPairs(value, range: forEachExpression.range) else { return [] }
      keyed = pairs.map { key, element in
        (.string(key), ["each": .object(["key": .string(key), "value": element])])
      }
    } else {
      keyed = [(nil, [:])]
    }
    expansions[modulePath.isEmpty ? resource.address : resource.address.inModule(modulePath)] = keyed.map(\.0)
    let shared = SharedResourceBlock(resource)
    return keyed.map { key, scope in
      instanceConfig(resource, key: key, scope: scope, dependencies: dependencies, shared: shared)
    }
  }

  /// A `count` value as a number of instances; nil (and an error) when it is not a known,
  /// non-sensitive whole number within bounds.
  mutating func countValue(_ value: Value, range: SourceRange) -> Int? {
    guard value.isKnown, !value.isSensitive,
      case .success(let number) = value.converted(to: .number), let count = number.numberValue,
      let whole = Int(exactly: NSDecimalNumber(decimal: count).int64Value), Decimal(whole) == count,
      whole >= 0, whole <= ConfigWalker.maximumInstances
    else {
      diagnostics.append(
        .error(
          "Invalid count argument",
          detail: value.isKnown
            ? "The given \"count\" argument value is unsuitable: it must be a known, non-sensitive whole number from 0 to \(ConfigWalker.maximumInstances)."
            : "The \"count\" value depends on resource attributes that cannot be determined until apply, so gitform cannot predict how many instances will be created.",
          subject: range))
      return nil
    }
    return whole
  }

  /// `for_each` as (key, each.value) pairs: a map or object, or a set of strings.
  mutating func forEachPairs(_ value: Value, range: SourceRange) -> [(String, Value)]? {
    func fail(_ detail: String) -> [(String, Value)]? {
      diagnostics.append(.error("Invalid for_each argument", detail: detail, subject: range))
      return nil
    }
    if !value.isWhollyKnown && !value.isKnown {
      return fail(
        "The \"for_each\" value depends on resource attributes that cannot be determined until apply, so gitform cannot predict how many instances will be created.")
    }
    if value.isSensitive {
      return fail("Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments.")
    }
    if value.isNull { return fail("The given \"for_each\" argument value is null. A map, or set of strings is allowed.") }
    switch value.type {
    case .map, .object:
      return value.sortedAttributes?.map { ($0.key, $0.value) } ?? []
    case .set:
      var pairs: [(String, Value)] = []
      for element in value.elements ?? [] {
        guard let key = element.stringValue else {
          return fail("The given \"for_each\" argument value is unsuitable: \"for_each\" supports maps and sets of strings, but you have provided a set containing type \(element.type.friendlyName).")
        }
        pairs.append((key, .string(key)))
      }
      return pairs.sorted { $0.0 < $1.0 }
    default:
      return fail("The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of strings, and you have provided a value of type \(value.type.friendlyName).")
    }
  }

}
