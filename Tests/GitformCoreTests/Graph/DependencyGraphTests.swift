import XCTest
@testable import GitformCore

final class DependencyGraphTests: XCTestCase {
  /// project_variable.ci → user_token.bot → data.user.alice; user_token.other alone;
  /// output.token → project_variable.ci and user_token.bot.
  private func sample() -> DependencyGraph {
    var graph = DependencyGraph()
    graph.connect("user_token.bot", dependsOn: "data.user.alice")
    graph.connect("project_variable.ci", dependsOn: "user_token.bot")
    graph.connect("output.token", dependsOn: "project_variable.ci")
    graph.connect("output.token", dependsOn: "user_token.bot")
    graph.add("user_token.other")
    graph.add("user_token.other")
    return graph
  }

  func testNodesAndEdges() {
    let graph = sample()
    XCTAssertEqual(graph.count, 5)
    XCTAssertEqual(graph.nodes, ["data.user.alice", "output.token", "project_variable.ci", "user_token.bot", "user_token.other"])
    XCTAssertEqual(graph.dependencies(of: "output.token"), ["project_variable.ci", "user_token.bot"])
    XCTAssertEqual(graph.dependents(of: "user_token.bot"), ["output.token", "project_variable.ci"])
    XCTAssertEqual(graph.dependencies(of: "nothing"), [])
  }

  func testTopologicalOrderBreaksTiesByAddress() throws {
    XCTAssertEqual(
      try sample().topologicalOrder(),
      ["data.user.alice", "user_token.bot", "project_variable.ci", "output.token", "user_token.other"])
  }

  func testReverseOrderPutsDependentsFirst() throws {
    XCTAssertEqual(
      try sample().reverseTopologicalOrder(),
      ["output.token", "project_variable.ci", "user_token.bot", "data.user.alice", "user_token.other"])
  }

  func testLevelsAreWavesOfIndependentNodes() throws {
    XCTAssertEqual(
      try sample().levels(),
      [["data.user.alice", "user_token.other"], ["user_token.bot"], ["project_variable.ci"], ["output.token"]])
    XCTAssertEqual(try DependencyGraph().levels(), [])
  }

  func testTransitiveClosures() {
    let graph = sample()
    XCTAssertEqual(graph.transitiveDependencies(of: ["project_variable.ci"]), ["data.user.alice", "project_variable.ci", "user_token.bot"])
    XCTAssertEqual(graph.transitiveDependents(of: ["user_token.bot"]), ["output.token", "project_variable.ci", "user_token.bot"])
    XCTAssertEqual(graph.transitiveDependencies(of: ["unknown"]), [])
    XCTAssertEqual(
      try graph.restricted(to: graph.transitiveDependencies(of: ["project_variable.ci"])).topologicalOrder(),
      ["data.user.alice", "user_token.bot", "project_variable.ci"])
  }

  func testRemoveDropsEdges() throws {
    var graph = sample()
    graph.remove("user_token.bot")
    XCTAssertEqual(graph.dependencies(of: "project_variable.ci"), [])
    XCTAssertEqual(graph.dependencies(of: "output.token"), ["project_variable.ci"])
    XCTAssertEqual(try graph.topologicalOrder(), ["data.user.alice", "project_variable.ci", "output.token", "user_token.other"])
  }

  func testCyclesAreNamedInAStableOrder() {
    var graph = sample()
    graph.connect("data.user.alice", dependsOn: "project_variable.ci")
    graph.connect("b", dependsOn: "a")
    graph.connect("a", dependsOn: "b")
    graph.connect("self", dependsOn: "self")
    let expected = """
      Cycle: a, b
      Cycle: data.user.alice, project_variable.ci, user_token.bot
      Cycle: self
      """
    XCTAssertEqual(graph.cycles(), [["a", "b"], ["data.user.alice", "project_variable.ci", "user_token.bot"], ["self"]])
    for attempt in [{ try graph.topologicalOrder() }, { try graph.reverseTopologicalOrder() }, { try graph.levels().flatMap { $0 } }] {
      XCTAssertThrowsError(try attempt()) { error in
        XCTAssertEqual((error as? GraphCycleError)?.description, expected)
      }
    }
    XCTAssertEqual(sample().cycles(), [])
  }

  func testLargeGraphsAreFastAndDeep() throws {
    var chain = DependencyGraph()
    for index in 1..<10_000 {
      chain.connect(String(format: "n%05d", index), dependsOn: String(format: "n%05d", index - 1))
    }
    let order = try chain.topologicalOrder()
    XCTAssertEqual(order.first, "n00000")
    XCTAssertEqual(order.last, "n09999")
    XCTAssertEqual(chain.cycles(), [])
    chain.connect("n00000", dependsOn: "n09999")
    XCTAssertEqual(chain.cycles().first?.count, 10_000)
  }
}
