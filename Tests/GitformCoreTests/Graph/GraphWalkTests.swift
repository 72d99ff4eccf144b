import XCTest
@testable import GitformCore

final class GraphWalkTests: XCTestCase {
  /// a ← b ← d, a ← c ← d, e alone; f ← g (g depends on f).
  private func sample() -> DependencyGraph {
    var graph = DependencyGraph()
    graph.connect("b", dependsOn: "a")
    graph.connect("c", dependsOn: "a")
    graph.connect("d", dependsOn: "b")
    graph.connect("d", dependsOn: "c")
    graph.add("e")
    graph.connect("g", dependsOn: "f")
    return graph
  }

  private func drain(_ walk: inout GraphWalk) -> [String] {
    var handed: [String] = []
    while let node = walk.next() { handed.append(node) }
    return handed
  }

  func testHandsOutNodesAsSoonAsTheirDependenciesComplete() throws {
    var walk = try GraphWalk(sample())
    XCTAssertEqual(drain(&walk), ["a", "e", "f"])
    walk.complete("f")
    XCTAssertEqual(drain(&walk), ["g"], "g need not wait for a's wave")
    walk.complete("a")
    XCTAssertEqual(drain(&walk), ["b", "c"])
    walk.complete("b")
    XCTAssertEqual(drain(&walk), [])
    walk.complete("c")
    XCTAssertEqual(drain(&walk), ["d"])
    XCTAssertFalse(walk.isFinished)
    for node in ["d", "e", "g"] { walk.complete(node) }
    XCTAssertTrue(walk.isFinished)
    XCTAssertEqual(walk.completed.count, 7)
  }

  func testAFailureSkipsOnlyWhatDependsOnIt() throws {
    var walk = try GraphWalk(sample())
    XCTAssertEqual(drain(&walk), ["a", "e", "f"])
    XCTAssertEqual(walk.fail("a"), ["b", "c", "d"])
    walk.complete("e")
    walk.complete("f")
    XCTAssertEqual(drain(&walk), ["g"])
    walk.complete("g")
    XCTAssertTrue(walk.isFinished)
    XCTAssertEqual(walk.failed, ["a"])
    XCTAssertEqual(walk.skipped, ["b", "c", "d"])
    XCTAssertEqual(walk.fail("unknown"), [])
  }

  func testReverseWalkDeletesDependentsFirst() throws {
    var walk = try GraphWalk(sample(), direction: .dependentsFirst)
    XCTAssertEqual(drain(&walk), ["d", "e", "g"])
    walk.complete("d")
    XCTAssertEqual(drain(&walk), ["b", "c"])
    XCTAssertEqual(walk.fail("b"), ["a"])
    walk.complete("c")
    walk.complete("g")
    XCTAssertEqual(drain(&walk), ["f"])
  }

  func testCyclesPreventAWalk() {
    var graph = sample()
    graph.connect("a", dependsOn: "d")
    XCTAssertThrowsError(try GraphWalk(graph)) { error in
      XCTAssertEqual((error as? GraphCycleError)?.description, "Cycle: a, b, c, d")
    }
  }
}
