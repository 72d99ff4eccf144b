import Foundation

/// Evaluates a configuration level by level: variables, locals and outputs here; each level's
/// resource instances are handed to a visitor (Plan, Apply, validate) that says what each
/// instance's value is for the expressions that refer to it.
///
/// Expansion happens here: `count` and `for_each` must be known and become instance keys,
/// `count.index`, `each.key` and `each.value` are bound per instance. The walk never stops at
/// the first problem; a failed expression yields an unknown value and a diagnostic.
public struct ConfigWalker {
  public let configuration: Configuration
  public let graph: ConfigGraph
  public private(set) var context: EvalContext
  public private(set) var diagnostics: [Diagnostic] = []
  /// Output name → value (marked sensitive when the output is), after `walk`.
  public private(set) var outputs: [String: Value] = [:]
  /// Every instance the configuration has, after `walk`.
  public private(set) var instances: [ResourceInstanceAddress: InstanceConfig] = [:]
  /// Resource block → its instance keys (nil for an unexpanded block), after `walk`.
  public private(set) var expansions: [ResourceAddress: [InstanceKey?]] = [:]

  private var managed: [String: [String: Value]] = [:]
  private var data: [String: [String: Value]] = [:]
  private var locals: [String: Value] = [:]

  public init(
    configuration: Configuration, graph: ConfigGraph, variables: [String: Value],
    context: EvalContext
  ) {
    self.configuration = configuration
    self.graph = graph
    var context = context
    context.variables["var"] = .object(variables)
    context.variables["local"] = .emptyObject
    context.variables["data"] = .emptyObject
    context.variables["path"] = .object([
      "module": .string("."), "root": .string("."), "cwd": .string(configuration.directory),
    ])
    for type in ResourceCatalog.managed { context.variables[type.name] = .emptyObject }
    self.context = context
  }

  /// Walks every level; `visit` gets the level's instances and returns their values.
  public mutating func walk(
    _ visit: ([InstanceConfig]) -> [ResourceInstanceAddress: Value]
  ) {
    for level in graph.levels {
      var pending: [InstanceConfig] = []
      for node in level {
        switch node {
        case .variable: break
        case .local(let name): evaluateLocal(name)
        case .output(let name): evaluateOutput(name)
        case .resource(let address):
          guard let resource = configuration.resource(address.mode, address.type, address.name) else { continue }
          pending += expand(resource)
        }
      }
      guard !pending.isEmpty else { continue }
      for instance in pending { instances[instance.address] = instance }
      let values = visit(pending)
      publish(pending, values)
    }
    var unique: [Diagnostic] = []
    var seen: Set<Diagnostic> = []
    for diagnostic in diagnostics where seen.insert(diagnostic).inserted { unique.append(diagnostic) }
    diagnostics = unique
  }

  // MARK: - Locals and outputs

  private mutating func evaluateLocal(_ name: String) {
    guard let local = configuration.locals.first(where: { $0.name == name }) else { return }
    let (value, problems) = Evaluator.evaluate(local.expression, in: context)
    diagnostics += problems
    locals[name] = value
    context.variables["local"] = .object(locals)
  }

  private mutating func evaluateOutput(_ name: String) {
    guard let output = configuration.outputs.first(where: { $0.name == name }) else { return }
    let (value, problems) = Evaluator.evaluate(output.value, in: context)
    diagnostics += problems
    if value.containsSensitive && !output.sensitive {
      diagnostics.append(
        .error(
          "Output refers to sensitive values",
          detail: "To reduce the risk of accidentally exporting sensitive data that was intended "
            + "to be only internal, gitform requires that any output containing sensitive data be "
            + "explicitly marked as sensitive, to confirm your intent.\n\nIf you do intend to "
            + "export this data, annotate the output value as sensitive by adding the following "
            + "argument:\n    sensitive = true", subject: output.block.definitionRange))
    }
    outputs[name] = value.marked(sensitive: output.sensitive)
  }

  // MARK: - Resources

  /// The instances of one resource block.
  private mutating func expand(_ resource: ResourceBlock) -> [InstanceConfig] {
    let dependencies = graph.resourceDependencies(of: .resource(resource.address))
    var keyed: [(InstanceKey?, [String: Value])] = []
    if let countExpression = resource.count {
      let (value, problems) = Evaluator.evaluate(countExpression, in: context)
      diagnostics += problems
      guard problems.isEmpty else { return [] }
      guard value.isKnown, !value.isSensitive,
        case .success(let number) = value.converted(to: .number), let count = number.numberValue,
        let whole = Int(exactly: NSDecimalNumber(decimal: count).int64Value), Decimal(whole) == count,
        whole >= 0
      else {
        diagnostics.append(
          .error(
            "Invalid count argument",
            detail: value.isKnown
              ? "The given \"count\" argument value is unsuitable: it must be a known, non-sensitive whole number of zero or more."
              : "The \"count\" value depends on resource attributes that cannot be determined until apply, so gitform cannot predict how many instances will be created.",
            subject: countExpression.range))
        return []
      }
      keyed = (0..<whole).map { (.int($0), ["count": .object(["index": .number($0)])]) }
    } else if let forEachExpression = resource.forEach {
      let (value, problems) = Evaluator.evaluate(forEachExpression, in: context)
      diagnostics += problems
      guard problems.isEmpty else { return [] }
      guard let pairs = forEachPairs(value, range: forEachExpression.range) else { return [] }
      keyed = pairs.map { key, element in
        (.string(key), ["each": .object(["key": .string(key), "value": element])])
      }
    } else {
      keyed = [(nil, [:])]
    }
    expansions[resource.address] = keyed.map(\.0)
    return keyed.map { key, scope in
      instanceConfig(resource, key: key, scope: scope, dependencies: dependencies)
    }
  }

  /// `for_each` as (key, each.value) pairs: a map or object, or a set of strings.
  private mutating func forEachPairs(_ value: Value, range: SourceRange) -> [(String, Value)]? {
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

  /// Evaluates one instance's body against the schema.
  private mutating func instanceConfig(
    _ resource: ResourceBlock, key: InstanceKey?, scope: [String: Value],
    dependencies: [ResourceAddress]
  ) -> InstanceConfig {
    let schema =
      resource.mode == .managed
      ? ResourceCatalog.managed(resource.type)?.schema : ResourceCatalog.dataSource(resource.type)?.schema
    var instanceContext = context
    for (name, value) in scope { instanceContext.variables[name] = value }
    var values: [String: Value] = [:]
    var ranges = AttributeRanges(block: resource.block.definitionRange)
    if let schema {
      for attribute in resource.block.body.attributes {
        guard let attributeSchema = schema.attribute(attribute.name), attributeSchema.isConfigurable else { continue }
        ranges.attributes[attribute.name] = attribute.expression.range
        values[attribute.name] = evaluate(
          attribute.expression, as: attributeSchema.type, name: attribute.name, in: instanceContext)
      }
      for nested in resource.block.body.blocks {
        guard let blockSchema = schema.block(nested.type) else { continue }
        ranges.attributes[nested.type] = nested.definitionRange
        var attributes: [String: Value] = [:]
        for attributeSchema in blockSchema.attributes { attributes[attributeSchema.name] = .null(attributeSchema.type) }
        for attribute in nested.body.attributes {
          guard let attributeSchema = blockSchema.attributes.first(where: { $0.name == attribute.name }) else { continue }
          attributes[attribute.name] = evaluate(
            attribute.expression, as: attributeSchema.type, name: attribute.name, in: instanceContext)
        }
        values[nested.type] = .object(attributes)
      }
    }
    let config = schema.map { Value.object($0, values) } ?? .emptyObject
    if let schema, resource.mode == .managed, let type = ResourceCatalog.managed(resource.type) {
      _ = schema
      diagnostics += type.validate(config, ranges: ranges)
    } else if resource.mode == .data, let type = ResourceCatalog.dataSource(resource.type) {
      diagnostics += type.validate(config, ranges: ranges)
    }
    return InstanceConfig(
      address: ResourceInstanceAddress(resource.address, key: key), resource: resource,
      config: config, ranges: ranges, dependencies: dependencies)
  }

  private mutating func evaluate(
    _ expression: Expression, as type: ValueType, name: String, in context: EvalContext
  ) -> Value {
    let (value, problems) = Evaluator.evaluate(expression, in: context)
    diagnostics += problems
    guard problems.isEmpty else { return .unknown(type) }
    switch value.converted(to: type) {
    case .success(let converted): return converted
    case .failure(let error):
      diagnostics.append(
        .error(
          "Incorrect attribute value type",
          detail: "Inappropriate value for attribute \(Value.quoted(name)): \(error.message).",
          subject: expression.range))
      return .unknown(type)
    }
  }

  /// Makes the level's instance values visible to later expressions.
  private mutating func publish(
    _ instances: [InstanceConfig], _ values: [ResourceInstanceAddress: Value]
  ) {
    var byResource: [ResourceAddress: [InstanceConfig]] = [:]
    for instance in instances { byResource[instance.address.resource, default: []].append(instance) }
    var touchedTypes: Set<String> = []
    var touchedData = false
    for (address, group) in byResource {
      guard let resource = group.first?.resource else { continue }
      let exposed: Value
      if resource.count != nil {
        exposed = .tuple(group.map { values[$0.address] ?? .unknown() })
      } else if resource.forEach != nil {
        var object: [String: Value] = [:]
        for instance in group {
          if case .string(let key)? = instance.address.key { object[key] = values[instance.address] ?? .unknown() }
        }
        exposed = .object(object)
      } else {
        exposed = values[group[0].address] ?? .unknown()
      }
      if address.mode == .managed {
        managed[address.type, default: [:]][address.name] = exposed
        touchedTypes.insert(address.type)
      } else {
        data[address.type, default: [:]][address.name] = exposed
        touchedData = true
      }
    }
    // One object per touched type and level: rebuilding it per resource would be quadratic.
    for type in touchedTypes { context.variables[type] = .object(managed[type] ?? [:]) }
    if touchedData { context.variables["data"] = .object(data.mapValues { .object($0) }) }
    // Resources whose count is zero still exist as empty tuples or objects.
    for (address, keys) in expansions where keys.isEmpty && address.mode == .managed {
      if managed[address.type]?[address.name] == nil, let resource = configuration.resource(address.mode, address.type, address.name) {
        managed[address.type, default: [:]][address.name] = resource.count != nil ? .emptyTuple : .emptyObject
        context.variables[address.type] = .object(managed[address.type] ?? [:])
      }
    }
  }
}
