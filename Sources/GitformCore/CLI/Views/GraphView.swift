/// `gitform graph`: the configuration's dependency graph in Graphviz's DOT language, as
/// `terraform graph` draws it (nodes and edges sorted, so the text is stable).
enum GraphView {
  static func dot(_ graph: ConfigGraph) -> String {
    var text = "digraph {\n  compound = \"true\"\n  newrank = \"true\"\n  subgraph \"root\" {\n"
    let nodes = graph.dependencies.keys.sorted()
    for node in nodes {
      text += "    \"\(node)\" [label = \"\(node)\", shape = \"box\"]\n"
    }
    for node in nodes {
      for dependency in (graph.dependencies[node] ?? []).sorted() {
        text += "    \"\(node)\" -> \"\(dependency)\"\n"
      }
    }
    text += "  }\n}\n"
    return text
  }
}
