extension DependencyGraph {
  /// Every node after all of its dependencies; among nodes that are ready together, the
  /// smallest address first. Throws the graph's cycles if there are any.
  public func topologicalOrder() throws(GraphCycleError) -> [String] {
    try kahn(waitingOn: dependencyEdges, releasing: dependentEdges)
  }

  /// Every node before all of its dependencies (dependents first): the order for deletions.
  /// Ties are again broken by smallest address, so this is not simply the reverse of
  /// `topologicalOrder`, but it is just as deterministic.
  public func reverseTopologicalOrder() throws(GraphCycleError) -> [String] {
    try kahn(waitingOn: dependentEdges, releasing: dependencyEdges)
  }

  /// Waves for parallel execution: wave 0 holds the nodes without dependencies, wave n the
  /// nodes whose dependencies are all in earlier waves. Each wave is sorted.
  public func levels() throws(GraphCycleError) -> [[String]] {
    var waiting = dependencyEdges.mapValues(\.count)
    var wave = waiting.filter { $0.value == 0 }.keys.sorted()
    var waves: [[String]] = []
    var placed = 0
    while !wave.isEmpty {
      waves.append(wave)
      placed += wave.count
      var next: [String] = []
      for node in wave {
        for dependent in dependentEdges[node] ?? [] {
          waiting[dependent, default: 0] -= 1
          if waiting[dependent] == 0 { next.append(dependent) }
        }
      }
      wave = next.sorted()
    }
    guard placed == count else { throw GraphCycleError(cycles: cycles()) }
    return waves
  }

  /// Kahn's algorithm with a min-heap of ready nodes: O((V + E) log V).
  private func kahn(
    waitingOn blockers: [String: Set<String>], releasing released: [String: Set<String>]
  ) throws(GraphCycleError) -> [String] {
    var waiting = blockers.mapValues(\.count)
    var ready = AddressHeap(waiting.filter { $0.value == 0 }.keys)
    var order: [String] = []
    order.reserveCapacity(count)
    while let node = ready.popMinimum() {
      order.append(node)
      for next in released[node] ?? [] {
        waiting[next, default: 0] -= 1
        if waiting[next] == 0 { ready.insert(next) }
      }
    }
    guard order.count == count else { throw GraphCycleError(cycles: cycles()) }
    return order
  }
}

/// A binary min-heap of addresses: the ready set of a topological sort, so that ties are
/// broken by address without re-sorting the whole set at each step.
struct AddressHeap: Sendable {
  private var items: [String] = []

  var isEmpty: Bool { items.isEmpty }

  init(_ initial: some Sequence<String>) {
    for item in initial { insert(item) }
  }

  mutating func insert(_ item: String) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child] < items[parent] else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popMinimum() -> String? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let minimum = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, items[left] < items[smallest] { smallest = left }
      if right < items.count, items[right] < items[smallest] { smallest = right }
      guard smallest != parent else { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return minimum
  }
}
