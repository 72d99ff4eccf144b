extension DependencyGraph {
  /// Every cycle: strongly connected components with more than one node, and nodes that depend
  /// on themselves. Members sorted, cycles sorted by first member; empty for an acyclic graph.
  ///
  /// Tarjan's algorithm, written with an explicit stack so that a 10,000-node chain cannot
  /// overflow the call stack.
  public func cycles() -> [[String]] {
    var index: [String: Int] = [:]
    var lowLink: [String: Int] = [:]
    var onStack = Set<String>()
    var stack: [String] = []
    var nextIndex = 0
    var components: [[String]] = []

    for root in nodes where index[root] == nil {
      // Each frame is a node and the sorted dependencies still to visit.
      var frames: [(node: String, pending: [String])] = []
      func open(_ node: String) {
        index[node] = nextIndex
        lowLink[node] = nextIndex
        nextIndex += 1
        stack.append(node)
        onStack.insert(node)
        frames.append((node, dependencies(of: node).reversed()))
      }
      open(root)
      while !frames.isEmpty {
        let last = frames.count - 1
        let node = frames[last].node
        if let next = frames[last].pending.popLast() {
          if index[next] == nil {
            open(next)
          } else if onStack.contains(next) {
            lowLink[node] = min(lowLink[node] ?? 0, index[next] ?? 0)
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last?.node {
          lowLink[parent] = min(lowLink[parent] ?? 0, lowLink[node] ?? 0)
        }
        guard lowLink[node] == index[node] else { continue }
        var component: [String] = []
        while let member = stack.popLast() {
          onStack.remove(member)
          component.append(member)
          if member == node { break }
        }
        let selfLoop = component.count == 1 && (dependencyEdges[node]?.contains(node) ?? false)
        if component.count > 1 || selfLoop { components.append(component.sorted()) }
      }
    }
    return components.sorted { $0.lexicographicallyPrecedes($1) }
  }
}
