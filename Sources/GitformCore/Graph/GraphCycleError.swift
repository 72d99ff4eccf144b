/// The graph has dependency cycles, so there is no order in which to do the work.
///
/// Each cycle lists its members (a strongly connected component, or one node that depends on
/// itself) sorted by address; cycles are sorted by their first member. The message is
/// Terraform's: `Cycle: a, b, c`, one line per cycle.
public struct GraphCycleError: Error, Equatable, Sendable, CustomStringConvertible {
  public var cycles: [[String]]

  public init(cycles: [[String]]) { self.cycles = cycles }

  public var description: String {
    cycles.map { "Cycle: " + $0.joined(separator: ", ") }.joined(separator: "\n")
  }
}
