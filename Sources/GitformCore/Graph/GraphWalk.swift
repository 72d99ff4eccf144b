/// A walk over a dependency graph for parallel execution: hands out nodes as soon as everything
/// they wait for is complete, instead of in fixed waves, so one slow action delays only what
/// depends on it.
///
/// Forward walks (creation, update) hand out dependencies first; reverse walks (deletion) hand
/// out dependents first. Among ready nodes the smallest address goes first, so a walk with the
/// same completions in the same order is the same walk. When a node fails, everything that
/// waits on it, directly or not, is skipped and reported; the rest of the walk goes on.
public struct GraphWalk: Sendable {
  public enum Direction: Sendable {
    /// Dependencies before their dependents.
    case dependenciesFirst
    /// Dependents before their dependencies: the order for deletions.
    case dependentsFirst
  }

  private let released: [String: Set<String>]
  private var waiting: [String: Int]
  private var ready: AddressHeap
  /// Handed out by `next()`, neither completed nor failed yet.
  public private(set) var running: Set<String> = []
  public private(set) var completed: Set<String> = []
  public private(set) var failed: Set<String> = []
  public private(set) var skipped: Set<String> = []

  /// Starts a walk; a graph with cycles has no walk and throws them.
  public init(_ graph: DependencyGraph, direction: Direction = .dependenciesFirst) throws(GraphCycleError) {
    let found = graph.cycles()
    guard found.isEmpty else { throw GraphCycleError(cycles: found) }
    let blockers = direction == .dependenciesFirst ? graph.dependencyEdges : graph.dependentEdges
    released = direction == .dependenciesFirst ? graph.dependentEdges : graph.dependencyEdges
    waiting = blockers.mapValues(\.count)
    ready = AddressHeap(waiting.filter { $0.value == 0 }.keys)
  }

  /// The next node whose prerequisites are all complete, or nil if none is ready right now.
  public mutating func next() -> String? {
    guard let node = ready.popMinimum() else { return nil }
    running.insert(node)
    return node
  }

  /// Marks a handed-out node done; what waited only on it becomes ready.
  public mutating func complete(_ node: String) {
    guard running.remove(node) != nil else { return }
    completed.insert(node)
    for next in released[node] ?? [] {
      waiting[next, default: 0] -= 1
      if waiting[next] == 0 { ready.insert(next) }
    }
  }

  /// Marks a handed-out node failed and returns, sorted, the nodes skipped because of it.
  @discardableResult
  public mutating func fail(_ node: String) -> [String] {
    guard running.remove(node) != nil else { return [] }
    failed.insert(node)
    var newlySkipped: [String] = []
    var stack = Array(released[node] ?? [])
    while let next = stack.popLast() {
      guard !skipped.contains(next) else { continue }
      skipped.insert(next)
      newlySkipped.append(next)
      stack.append(contentsOf: released[next] ?? [])
    }
    return newlySkipped.sorted()
  }

  /// True when nothing is running and nothing more can become ready.
  public var isFinished: Bool { running.isEmpty && ready.isEmpty }
}
