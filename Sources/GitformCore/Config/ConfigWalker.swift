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
  public internal(set) var context: EvalContext
  public internal(set) var diagnostics: [Diagnostic] = []
  /// Output name → value (marked sensitive when the output is), after `walk`.
  public internal(set) var outputs: [String: Value] = [:]
  /// Every instance the configuration has, after `walk`.
  public internal(set) var instances: [ResourceInstanceAddress: InstanceConfig] = [:]
  /// Failed `check` block assertions (warnings), after `walk`.
  public internal(set) var checkDiagnostics: [Diagnostic] = []
  /// Resource block → its instance keys (nil for an unexpanded block), after `walk`.
  public internal(set) var expansions: [ResourceAddress: [InstanceKey?]] = [:]

  /// The most instances one `count` may ask for: beyond it a typo (`count = 1e9`) would not
  /// fail, it would exhaust the machine.
  public static let maximumInstances = 100_000

  /// `validate` knows no variable values: an unknown `count` or `for_each` then evaluates the
  /// body once with unknown `count.index` / `each`, instead of failing.
  public var allowsUnknownExpansion = false
  /// The module instance this walk evaluates; empty for the root module.
  public internal(set) var modulePath: [ModuleStep] = []

  /// Receives one level's instances and returns their values.
  public typealias Visitor = ([InstanceConfig]) -> [ResourceInstanceAddress: Value]
  /// In a module instance: what its call's `depends_on` (and its callers') name, which all of
  /// its resources depend on.
  var inheritedDependencies: [ResourceAddress] = []
  /// In a module instance: variable → the resources its argument in the call refers to,
  /// which whatever reads the variable depends on, as in Terraform.
  var variableDependencies: [String: [ResourceAddress]] = [:]
  /// Every module instance walked (nested ones included), after `walk`.
  public internal(set) var moduleInstances: Set<[ModuleStep]> = []
  /// Module call → every resource of its instances (absolute), once walked.
  var moduleResources: [String: [ResourceAddress]] = [:]
  /// Module call → its value as `module.NAME`, once walked.
  var moduleValues: [String: Value] = [:]

  var managed: [String: [String: Value]] = [:]
  var data: [String: [String: Value]] = [:]
  var locals: [String: Value] = [:]
  /// The type of `local`, kept next to `locals` so publishing one more local costs O(1), not
  /// a rebuild of the whole object (10,000 locals would otherwise take quadratic time).
  var localTypes: [String: ValueType] = [:]
  /// Outputs by name, so finding one is not a scan of all of them per node.
  let outputBlocks: [String: OutputBlock]

  public init(
    configuration: Configuration, graph: ConfigGraph, variables: [String: Value],
    context: EvalContext
  ) {
    self.configuration = configuration
    self.graph = graph
    outputBlocks = Dictionary(configuration.outputs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var context = context
    context.variables["var"] = .object(variables)
    context.variables["local"] = .emptyObject
    context.variables["data"] = .emptyObject
    context.variables["path"] = .object([
      "module": .string("."), "root": .string("."), "cwd": .string(configuration.directory),
    ])
    for type in configuration.catalog.managedTypes { context.variables[type.name] = .emptyObject }
    // A module's walker starts from its caller's context: it must not see the caller's modules.
    if !configuration.modules.isEmpty || context.variables["module"] != nil {
      context.variables["module"] = .emptyObject
    }
    self.context = context
  }

  /// Walks every level; `visit` gets the level's instances and returns their values.
  public mutating func walk(_ visit: Visitor) {
    // Sized once for the common case of one instance per block: growing them block by block
    // rehashed every address several times over.
    expansions.reserveCapacity(configuration.resources.count)
    instances.reserveCapacity(configuration.resources.count)
    for level in graph.levels {
      let pending = prepareLevel(level, visit)
      guard !pending.isEmpty else { continue }
      finishLevel(pending, visit(pending))
    }
    finishWalk()
  }

  /// Evaluates a level's locals and outputs, walks its module calls, and returns its resource
  /// instances for the visitor.
  mutating func prepareLevel(_ level: [ConfigGraph.Node], _ visit: Visitor) -> [InstanceConfig] {
    var pending: [InstanceConfig] = []
    for node in level {
      if case .module(let name) = node { walkModule(name, visit) } else { pending += prepare(node) }
    }
    for instance in pending { instances[instance.address] = instance }
    return pending
  }

  /// The same for a module that calls no modules: no visitor is handed down (handing it on
  /// copies what it captures, once per module instance and level).
  mutating func prepareLevel(_ level: [ConfigGraph.Node]) -> [InstanceConfig] {
    var pending: [InstanceConfig] = []
    for node in level { pending += prepare(node) }
    for instance in pending { instances[instance.address] = instance }
    return pending
  }

  /// One node other than a module call: a local or output evaluated, a resource's instances.
  private mutating func prepare(_ node: ConfigGraph.Node) -> [InstanceConfig] {
    switch node {
    case .variable, .module: return []
    case .local(let name): evaluateLocal(name)
    case .output(let name): evaluateOutput(name)
    case .resource(let address):
      guard let resource = configuration.resource(address.mode, address.type, address.name) else { return [] }
      return expand(resource)
    }
    return []
  }

  /// Checks a level's postconditions and makes its values visible to later levels.
  mutating func finishLevel(_ pending: [InstanceConfig], _ values: [ResourceInstanceAddress: Value]) {
    diagnostics += postconditionFailures(pending, values)
    publish(pending, values)
  }

  /// The check blocks, and each diagnostic once.
  mutating func finishWalk() {
    if !allowsUnknownExpansion && !configuration.checks.isEmpty { checkDiagnostics = checkWarnings() }
    guard diagnostics.count > 1 else { return }
    var unique: [Diagnostic] = []
    var seen: Set<Diagnostic> = []
    for diagnostic in diagnostics where seen.insert(diagnostic).inserted { unique.append(diagnostic) }
    diagnostics = unique
  }

  // MARK: - Locals and outputs

  mutating func evaluateLocal(_ name: String) {
    guard let local = configuration.local(name) else { return }
    let (value, problems) = Evaluator.evaluate(local.expression, in: context)
    diagnostics += problems
    // Dropping the published object first leaves `locals` and `localTypes` uniquely
    // referenced, so adding to them does not copy them.
    context.variables["local"] = nil
    locals[name] = value
    localTypes[name] = value.type
    context.variables["local"] = Value(type: .object(localTypes), content: .attributes(locals))
  }

  mutating func evaluateOutput(_ name: String) {
    guard let output = outputBlocks[name] else { return }
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

  /// Evaluates one instance's body against the schema.
  mutating func instanceConfig(
    _ resource: ResourceBlock, key: InstanceKey?, scope: [String: Value],
    dependencies: [ResourceAddress], shared: SharedResourceBlock? = nil
  ) -> InstanceConfig {
    let schema =
      resource.mode == .managed
      ? configuration.catalog.managed(resource.type)?.schema : configuration.catalog.dataSource(resource.type)?.schema
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
      // The block form of a nested attribute: `rotation_configuration { ... }`.
      for nested in resource.block.body.blocks {
        guard let nestedSchema = schema.attribute(nested.type), !nestedSchema.nested.isEmpty,
          values[nested.type] == nil
        else { continue }
        ranges.attributes[nested.type] = nested.definitionRange
        values[nested.type] = nestedObject(nested.body, schema: nestedSchema, in: instanceContext)
      }
      expandDynamicBlocks(of: resource, schema: schema, in: instanceContext, into: &values, ranges: &ranges)
    }
    let config = schema.map { Value.object($0, values) } ?? .emptyObject
    if resource.mode == .managed, let type = configuration.catalog.managed(resource.type) {
      diagnostics += type.validate(config, ranges: ranges)
    } else if resource.mode == .data, let type = configuration.catalog.dataSource(resource.type) {
      diagnostics += type.validate(config, ranges: ranges)
    }
    let failedConditions = preconditionFailures(resource, in: instanceContext)
    diagnostics += failedConditions
    let local = ResourceInstanceAddress(resource.address, key: key)
    return InstanceConfig(
      address: modulePath.isEmpty ? local : local.inModule(modulePath), shared: shared ?? SharedResourceBlock(resource),
      config: config, ranges: ranges, dependencies: dependencies, scope: scope,
      preconditionFailed: failedConditions.hasErrors)
  }

  mutating func evaluate(
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
  mutating func publish(
    _ instances: [InstanceConfig], _ values: [ResourceInstanceAddress: Value]
  ) {
    // Positions, not copies, of each block's instances: an instance is a large value.
    var byResource: [ResourceAddress: [Int]] = [:]
    byResource.reserveCapacity(instances.count)
    for (position, instance) in instances.enumerated() {
      byResource[instance.address.resource, default: []].append(position)
    }
    var touchedTypes: Set<String> = []
    var touchedData = false
    for (address, positions) in byResource {
      guard let first = positions.first else { continue }
      let isCounted = instances[first].resource.count != nil
      let isKeyed = instances[first].resource.forEach != nil
      let exposed: Value
      if isCounted || isKeyed, positions.count == 1, instances[first].address.key == nil {
        // `validate` expanded an unknown count or for_each once, without a key: which keys
        // exist is unknown, so `r["alice"]` and `r[2]` are unknown instances of the right
        // type (their attributes still checked), never an "Invalid index" plan would not give.
        let element = values[instances[first].address]?.type ?? .dynamic
        exposed = .unknown(isCounted ? .list(element) : .map(element))
      } else if isCounted {
        exposed = .tuple(positions.map { values[instances[$0].address] ?? .unknown() })
      } else if isKeyed {
        var object: [String: Value] = [:]
        for position in positions {
          let instanceAddress = instances[position].address
          if case .string(let key)? = instanceAddress.key { object[key] = values[instanceAddress] ?? .unknown() }
        }
        exposed = .object(object)
      } else {
        exposed = values[instances[first].address] ?? .unknown()
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
    for (address, keys) in expansions where keys.isEmpty && address.mode == .managed && address.module == modulePath {
      if managed[address.type]?[address.name] == nil, let resource = configuration.resource(address.mode, address.type, address.name) {
        managed[address.type, default: [:]][address.name] = resource.count != nil ? .emptyTuple : .emptyObject
        context.variables[address.type] = .object(managed[address.type] ?? [:])
      }
    }
  }
}
