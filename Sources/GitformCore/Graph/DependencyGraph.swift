// Graph/: the dependency graph between resources, data sources, variables, locals and outputs.
//
// For: ordering work so that everything runs after what it depends on, with deterministic ties
// (by address), reverse order for deletions, waves of independent nodes and a dynamic walk
// (`GraphWalk`) for parallel execution, the closure of a set for `-target`, and cycle reports
// that name their members stably.
// Not for: knowing what a node *is* (nodes are plain address strings) or doing the work.
// Graph/ imports Foundation only.

/// A directed graph of addresses where an edge says "A depends on B": B must be done before A
/// is started (and, for deletions, A must be gone before B is deleted).
///
/// A value type with sets of edges in both directions, so every query is cheap; all results
/// are sorted or otherwise ordered deterministically, never in hash order.
public struct DependencyGraph: Equatable, Sendable {
  /// For each node, the nodes it depends on.
  private(set) var dependencyEdges: [String: Set<String>] = [:]
  /// For each node, the nodes that depend on it.
  private(set) var dependentEdges: [String: Set<String>] = [:]

  public init() {}

  /// Every node, sorted.
  public var nodes: [String] { dependencyEdges.keys.sorted() }

  public var count: Int { dependencyEdges.count }

  public func contains(_ node: String) -> Bool { dependencyEdges[node] != nil }

  /// Adds a node without edges; adding it again changes nothing.
  public mutating func add(_ node: String) {
    if dependencyEdges[node] == nil { dependencyEdges[node] = [] }
    if dependentEdges[node] == nil { dependentEdges[node] = [] }
  }

  /// Records that `dependent` depends on `dependency`, adding both nodes if needed.
  public mutating func connect(_ dependent: String, dependsOn dependency: String) {
    add(dependent)
    add(dependency)
    dependencyEdges[dependent, default: []].insert(dependency)
    dependentEdges[dependency, default: []].insert(dependent)
  }

  /// Removes a node and every edge that touches it.
  public mutating func remove(_ node: String) {
    for dependency in dependencyEdges[node] ?? [] { dependentEdges[dependency]?.remove(node) }
    for dependent in dependentEdges[node] ?? [] { dependencyEdges[dependent]?.remove(node) }
    dependencyEdges[node] = nil
    dependentEdges[node] = nil
  }

  /// What `node` depends on directly, sorted.
  public func dependencies(of node: String) -> [String] { (dependencyEdges[node] ?? []).sorted() }

  /// What depends directly on `node`, sorted.
  public func dependents(of node: String) -> [String] { (dependentEdges[node] ?? []).sorted() }

  /// `nodes` and everything they depend on, directly or not, sorted: what `-target` selects.
  public func transitiveDependencies(of nodes: some Sequence<String>) -> [String] {
    closure(of: nodes, following: dependencyEdges)
  }

  /// `nodes` and everything that depends on them, sorted: what a failure must skip.
  public func transitiveDependents(of nodes: some Sequence<String>) -> [String] {
    closure(of: nodes, following: dependentEdges)
  }

  private func closure(of start: some Sequence<String>, following edges: [String: Set<String>]) -> [String] {
    var seen = Set<String>()
    var stack = start.filter { edges[$0] != nil }
    while let node = stack.popLast() {
      guard seen.insert(node).inserted else { continue }
      stack.append(contentsOf: edges[node] ?? [])
    }
    return seen.sorted()
  }

  /// The subgraph holding only `nodes` and the edges between them.
  public func restricted(to nodes: some Sequence<String>) -> DependencyGraph {
    let keep = Set(nodes)
    var graph = DependencyGraph()
    for node in keep where contains(node) {
      graph.add(node)
      for dependency in dependencyEdges[node] ?? [] where keep.contains(dependency) {
        graph.connect(node, dependsOn: dependency)
      }
    }
    return graph
  }
}
