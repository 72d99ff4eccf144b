import Foundation

/// `module` calls: every instance of a call walks the called module with its own variables,
/// locals and resources; the instances of one call walk in step, level by level, so the
/// visitor gets each level's instances of all of them at once (planned and applied together,
/// in parallel), as it gets a resource's instances.
///
/// A module's resource addresses carry the module instance (`module.team["a"].project_token.deploy`);
/// its outputs become `module.NAME` for the caller: an object, or a tuple (`count`) or object
/// by key (`for_each`) of objects. A module's resource depends, as in Terraform, on what the
/// arguments it reads (through the module's variables) refer to and on everything the call's
/// `depends_on` names, so it is created after and destroyed before them.
extension ConfigWalker {
  /// Walks every instance of the call `name` and publishes its outputs as `module.NAME`.
  mutating func walkModule(_ name: String, _ visit: Visitor) {
    guard let call = configuration.moduleCall(name), let module = call.module else { return }
    var children: [ConfigWalker] = []
    let keyed = moduleKeys(call)
    // Every instance starts as the same fresh walker; only its variables and path differ.
    var template = ConfigWalker(configuration: module.configuration, graph: module.graph, variables: [:], context: context)
    template.inheritedDependencies = inheritedDependencies + dependsOnDependencies(call)
    template.variableDependencies = inputDependencies(call)
    template.allowsUnknownExpansion = allowsUnknownExpansion
    template.context.variables["path"] = .object([
      "module": .string(module.path), "root": .string("."), "cwd": .string(configuration.directory),
    ])
    children.reserveCapacity(keyed?.count ?? 0)
    for (key, scope) in keyed ?? [] {
      // `count`/`each` are bound in this walker's own context for the arguments, and unbound
      // after: no copy of the context per instance.
      for (name, value) in scope { context.variables[name] = value }
      let step = ModuleStep(name: name, key: key)
      let inputs = moduleInputs(call, step: step, module.configuration, in: context)
      for name in scope.keys { context.variables[name] = nil }
      children.append(template)
      children[children.count - 1].context.variables["var"] = .object(inputs)
      children[children.count - 1].modulePath = modulePath + [step]
    }
    let nests = !module.configuration.modules.isEmpty
    for level in module.graph.levels {
      var batches: [[InstanceConfig]] = []
      batches.reserveCapacity(children.count)
      for index in children.indices {
        batches.append(nests ? children[index].prepareLevel(level, visit) : children[index].prepareLevel(level))
      }
      let all = batches.flatMap { $0 }
      guard !all.isEmpty else { continue }
      let values = visit(all)
      for index in children.indices where !batches[index].isEmpty {
        children[index].finishLevel(batches[index], values)
      }
    }
    var resources: Set<ResourceAddress> = []
    var values: [Value] = []
    values.reserveCapacity(children.count)
    instances.reserveCapacity(instances.count + children.reduce(0) { $0 + $1.instances.count })
    for index in children.indices {
      children[index].finishWalk()
      diagnostics += children[index].diagnostics
      checkDiagnostics += children[index].checkDiagnostics
      for (address, instance) in children[index].instances {
        instances[address] = instance
        resources.insert(address.resource)
      }
      for (address, keys) in children[index].expansions { expansions[address] = keys }
      moduleInstances.insert(children[index].modulePath)
      if !children[index].moduleInstances.isEmpty { moduleInstances.formUnion(children[index].moduleInstances) }
      values.append(.object(children[index].outputs))
    }
    // Unsorted: whoever depends on them sorts its whole list.
    moduleResources[name] = Array(resources)
    let exposed: Value
    if keyed == nil {
      exposed = .unknown()
    } else if (call.count != nil || call.forEach != nil), keyed?.count == 1, keyed?.first?.0 == nil {
      // `validate` walked an unknown count or for_each once, without a key.
      exposed = .unknown(call.count != nil ? .list(values[0].type) : .map(values[0].type))
    } else if call.count != nil {
      exposed = .tuple(values)
    } else if call.forEach != nil {
      var object: [String: Value] = [:]
      for ((key, _), value) in zip(keyed ?? [], values) {
        if case .string(let text)? = key { object[text] = value }
      }
      exposed = .object(object)
    } else {
      exposed = values.first ?? .unknown()
    }
    moduleValues[name] = exposed
    context.variables["module"] = .object(moduleValues)
  }

  /// The call's instance keys with their `count`/`each` scope; nil when they cannot be known.
  private mutating func moduleKeys(_ call: ModuleCall) -> [(InstanceKey?, [String: Value])]? {
    if let countExpression = call.count {
      let (value, problems) = Evaluator.evaluate(countExpression, in: context)
      diagnostics += problems
      guard problems.isEmpty else { return nil }
      if allowsUnknownExpansion && !value.isKnown {
        return [(nil, ["count": .object(["index": .unknown(.number)])])]
      }
      guard let count = countValue(value, range: countExpression.range) else { return nil }
      return (0..<count).map { (.int($0), ["count": .object(["index": .number($0)])]) }
    }
    if let forEachExpression = call.forEach {
      let (value, problems) = Evaluator.evaluate(forEachExpression, in: context)
      diagnostics += problems
      guard problems.isEmpty else { return nil }
      if allowsUnknownExpansion && !value.isWhollyKnown {
        return [(nil, ["each": .object(["key": .unknown(.string), "value": .unknown()])])]
      }
      guard let pairs = forEachPairs(value, range: forEachExpression.range) else { return nil }
      return pairs.map { key, element in (.string(key), ["each": .object(["key": .string(key), "value": element])]) }
    }
    return [(nil, [:])]
  }

  /// The module's variables for one instance: the call's arguments evaluated in the caller,
  /// converted to the variables' types (optional attributes defaulted), defaults otherwise,
  /// and checked by the variables' validation rules.
  private mutating func moduleInputs(
    _ call: ModuleCall, step: ModuleStep, _ module: Configuration, in context: EvalContext
  ) -> [String: Value] {
    let given = Dictionary(call.inputs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var values: [String: Value] = [:]
    for variable in module.variables {
      var value: Value
      if let input = given[variable.name] {
        let (evaluated, problems) = Evaluator.evaluate(input.expression, in: context)
        diagnostics += problems
        guard problems.isEmpty else {
          values[variable.name] = .unknown(variable.type)
          continue
        }
        value = evaluated
        if value.isNull, let fallback = variable.defaultValue, !variable.nullable { value = fallback }
      } else if let fallback = variable.defaultValue {
        value = fallback
      } else {
        values[variable.name] = .unknown(variable.type)  // reported when the module was loaded
        continue
      }
      switch variable.convert(value) {
      case .success(let converted): value = converted
      case .failure(let error):
        diagnostics.append(
          .error(
            "Invalid value for input variable",
            detail: "The given value is not suitable for \(ModuleStep.path(modulePath + [step])).var.\(variable.name) declared at \(variable.block.definitionRange): \(error.message).",
            subject: given[variable.name]?.expression.range ?? call.block.definitionRange))
        values[variable.name] = .unknown(variable.type)
        continue
      }
      if value.isNull && !variable.nullable {
        diagnostics.append(
          .error(
            "Invalid value for input variable",
            detail: "The given value is not suitable for \(ModuleStep.path(modulePath + [step])).var.\(variable.name): required variable may not be set to null.",
            subject: given[variable.name]?.expression.range ?? call.block.definitionRange))
        values[variable.name] = .unknown(variable.type)
        continue
      }
      value = value.marked(sensitive: variable.sensitive || value.isSensitive)
      values[variable.name] = value
      if !variable.validations.isEmpty && value.isWhollyKnown {
        diagnostics += VariableValues.validate(variable, value: value, context: context)
      }
    }
    return values
  }

  /// What the call's `depends_on` names: resources of this module, every resource of a module
  /// call.
  private func dependsOnDependencies(_ call: ModuleCall) -> [ResourceAddress] {
    var result: [ResourceAddress] = []
    for node in call.dependsOn {
      switch node {
      case .resource(let address) where configuration.resource(address.mode, address.type, address.name) != nil:
        result.append(modulePath.isEmpty ? address : address.inModule(modulePath))
      case .module(let name): result += moduleResources[name] ?? []
      default: break
      }
    }
    return result
  }

  /// Each argument's resources, by the variable it sets: those it refers to directly, through
  /// locals, through this module's own variables, or through other module calls.
  private mutating func inputDependencies(_ call: ModuleCall) -> [String: [ResourceAddress]] {
    var result: [String: [ResourceAddress]] = [:]
    for input in call.inputs {
      var found: Set<ResourceAddress> = []
      for reference in Reference.all(in: input.expression, catalog: configuration.catalog) {
        switch reference.subject {
        case .resource(let address) where configuration.resource(address.mode, address.type, address.name) != nil:
          found.insert(modulePath.isEmpty ? address : address.inModule(modulePath))
        case .local(let name) where configuration.local(name) != nil:
          found.formUnion(absoluteDependencies(of: .local(name)))
        case .variable(let name): found.formUnion(variableDependencies[name] ?? [])
        case .module(let name, _): found.formUnion(moduleResources[name] ?? [])
        default: break
        }
      }
      if !found.isEmpty { result[input.name] = Array(found) }
    }
    return result
  }

  /// The resources `node` depends on, with their module instances (the state file drops the
  /// keys, as Terraform records dependencies): its module's own, every resource of the module calls it refers to, and what the call of
  /// this module depends on.
  mutating func absoluteDependencies(of node: ConfigGraph.Node) -> [ResourceAddress] {
    let local = graph.resourceDependencies(of: node)
    guard !modulePath.isEmpty || !configuration.modules.isEmpty else { return local }
    // Which calls and variables the node reaches matters only when some carry resources.
    let reached: (modules: [String], variables: [String]) =
      configuration.modules.isEmpty && variableDependencies.isEmpty ? ([], []) : graph.reachable(from: node)
    let calls = configuration.modules.isEmpty ? [] : reached.modules
    let fromVariables = variableDependencies.isEmpty ? [] : reached.variables.flatMap { variableDependencies[$0] ?? [] }
    if calls.isEmpty && inheritedDependencies.isEmpty && fromVariables.isEmpty {
      // Prefixing one module path keeps the sorted order.
      return modulePath.isEmpty ? local : local.map { $0.inModule(modulePath) }
    }
    var result = Set(modulePath.isEmpty ? local : local.map { $0.inModule(modulePath) })
    result.formUnion(inheritedDependencies)
    result.formUnion(fromVariables)
    for name in calls { result.formUnion(moduleResources[name] ?? []) }
    return result.sorted()
  }
}
