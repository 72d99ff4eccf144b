/// The evaluation order of a configuration: which block needs which, in levels.
///
/// Nodes are variables, locals, resource blocks, module calls and outputs. An edge runs from a node to each
/// node its expressions (or `depends_on`) refer to. Level 0 needs nothing; level n needs only
/// lower levels, so the nodes of one level can be evaluated (and applied) in parallel. Ties are
/// broken by name, so the order is stable. A cycle is an error naming its nodes, sorted.
public struct ConfigGraph: Sendable {
  public enum Node: Sendable, Hashable, Comparable, CustomStringConvertible {
    case variable(String)
    case local(String)
    case resource(ResourceAddress)
    case output(String)
    /// A `module` call: walking it walks every instance of the called module.
    case module(String)

    public var description: String {
      switch self {
      case .variable(let name): return "var.\(name)"
      case .local(let name): return "local.\(name)"
      case .resource(let address): return address.description
      case .output(let name): return "output.\(name)"
      case .module(let name): return "module.\(name)"
      }
    }

    public static func < (a: Node, b: Node) -> Bool { a.description < b.description }
  }

  /// Node → the nodes it depends on.
  public private(set) var dependencies: [Node: Set<Node>] = [:]
  /// The nodes by level; each level sorted.
  public private(set) var levels: [[Node]] = []

  /// Builds the graph; returns a diagnostic for a cycle.
  public static func build(_ configuration: Configuration) -> (ConfigGraph, [Diagnostic]) {
    var graph = ConfigGraph()
    let variableNames = Set(configuration.variables.map(\.name))
    func nodes(_ expressions: [Expression]) -> Set<Node> {
      var result: Set<Node> = []
      for expression in expressions {
        for reference in Reference.all(in: expression, catalog: configuration.catalog) {
          switch reference.subject {
          case .variable(let name): if variableNames.contains(name) { result.insert(.variable(name)) }
          case .local(let name):
            if configuration.local(name) != nil { result.insert(.local(name)) }
          case .resource(let address):
            if configuration.resource(address.mode, address.type, address.name) != nil {
              result.insert(.resource(address))
            }
          case .module(let name, _):
            if configuration.moduleCall(name) != nil { result.insert(.module(name)) }
          default: break
          }
        }
      }
      return result
    }
    for variable in configuration.variables { graph.dependencies[.variable(variable.name)] = [] }
    for local in configuration.locals { graph.dependencies[.local(local.name)] = nodes([local.expression]) }
    for resource in configuration.resources {
      var needs = nodes(resource.block.body.items.flatMap { ReferenceChecker.expressions(in: $0) })
      if resource.lifecycle.hasExpressions { needs.formUnion(nodes(resource.lifecycle.expressions)) }
      for address in resource.dependsOn where configuration.resource(address.mode, address.type, address.name) != nil {
        needs.insert(.resource(address))
      }
      for name in resource.dependsOnModules where configuration.moduleCall(name) != nil { needs.insert(.module(name)) }
      graph.dependencies[.resource(resource.address)] = needs
    }
    for call in configuration.modules {
      var needs = nodes(call.expressions)
      for node in call.dependsOn {
        switch node {
        case .resource(let address) where configuration.resource(address.mode, address.type, address.name) != nil:
          needs.insert(node)
        case .module(let name) where configuration.moduleCall(name) != nil: needs.insert(node)
        default: break
        }
      }
      graph.dependencies[.module(call.name)] = needs
    }
    for output in configuration.outputs { graph.dependencies[.output(output.name)] = nodes([output.value]) }
    do {
      try graph.computeLevels()
    } catch {
      let diagnostics = error.cycles.map { members in
        Diagnostic.error(
          "Cycle: " + members.joined(separator: ", "),
          detail: "These blocks refer to each other, so none of them can be evaluated first. "
            + "Remove one of the references to break the cycle.")
      }
      return (graph, diagnostics)
    }
    return (graph, [])
  }

  /// The levels: Kahn's waves over the nodes, each wave sorted by name (names are unique:
  /// `var.`, `local.`, `output.` and `data.` prefixes never collide with a resource type). The
  /// waves are counted over the nodes themselves, each name made once; a cycle is handed to the
  /// Graph layer, which names its members.
  private mutating func computeLevels() throws(GraphCycleError) {
    var waiting: [Node: Int] = [:]
    var dependents: [Node: [Node]] = [:]
    waiting.reserveCapacity(dependencies.count)
    var wave: [Node] = []
    for (node, needs) in dependencies {
      var count = 0
      // A need that is no node of its own (none is made so today) never holds a node back.
      for need in needs where dependencies[need] != nil {
        count += 1
        dependents[need, default: []].append(node)
      }
      waiting[node] = count
      if count == 0 { wave.append(node) }
    }
    var placed = 0
    levels = []
    while !wave.isEmpty {
      let sorted = Self.sortedByName(wave)
      levels.append(sorted)
      placed += sorted.count
      wave = []
      for node in sorted {
        for dependent in dependents[node] ?? [] {
          let left = waiting[dependent, default: 0] - 1
          waiting[dependent] = left
          if left == 0 { wave.append(dependent) }
        }
      }
    }
    guard placed == dependencies.count else {
      var ordering = DependencyGraph()
      for (node, needs) in dependencies {
        ordering.add(node.description)
        for need in needs { ordering.connect(node.description, dependsOn: need.description) }
      }
      throw GraphCycleError(cycles: ordering.cycles())
    }
  }

  /// `nodes` in the order of their names, each name made once.
  private static func sortedByName(_ nodes: [Node]) -> [Node] {
    nodes.map { (name: $0.description, node: $0) }.sorted { $0.name < $1.name }.map(\.node)
  }

  /// The module calls `node` depends on, directly or through locals and variables.
  public func moduleDependencies(of node: Node) -> [String] { reachable(from: node).modules }

  /// The module calls and the variables `node` depends on, directly or through locals (a
  /// module's variables stand for what its call's arguments refer to).
  public func reachable(from node: Node) -> (modules: [String], variables: [String]) {
    var modules: Set<String> = []
    var variables: Set<String> = []
    var stack = Array(dependencies[node] ?? [])
    var seen: Set<Node> = []
    while let next = stack.popLast() {
      guard seen.insert(next).inserted else { continue }
      switch next {
      case .module(let name): modules.insert(name)
      case .variable(let name): variables.insert(name)
      case .resource: break
      default: stack += dependencies[next] ?? []
      }
    }
    return (modules.sorted(), variables.sorted())
  }

  /// The resource blocks `node` depends on, directly or through locals and variables.
  public func resourceDependencies(of node: Node) -> [ResourceAddress] {
    var result: Set<ResourceAddress> = []
    var stack = Array(dependencies[node] ?? [])
    var seen: Set<Node> = []
    while let next = stack.popLast() {
      guard seen.insert(next).inserted else { continue }
      if case .resource(let address) = next {
        result.insert(address)
      } else {
        stack += dependencies[next] ?? []
      }
    }
    return result.sorted()
  }
}
