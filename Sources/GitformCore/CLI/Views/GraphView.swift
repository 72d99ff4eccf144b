/// `gitform graph`: the configuration's dependency graph in Graphviz's DOT language, as
/// `terraform graph` draws it (nodes and edges sorted, so the text is stable). Each called
/// module's own graph is a cluster named after its call (`cluster_module.team`), its nodes
/// prefixed with the call (`module.team.project_token.deploy`), nested as modules nest.
enum GraphView {
  static func dot(_ graph: ConfigGraph, configuration: Configuration? = nil) -> String {
    var text = "digraph {\n  compound = \"true\"\n  newrank = \"true\"\n  subgraph \"root\" {\n"
    text += body(graph, prefix: "", indent: "    ")
    text += "  }\n"
    if let configuration { text += clusters(configuration, prefix: "", indent: "  ") }
    text += "}\n"
    return text
  }

  private static func body(_ graph: ConfigGraph, prefix: String, indent: String) -> String {
    var text = ""
    let nodes = graph.dependencies.keys.sorted()
    for node in nodes {
      text += "\(indent)\"\(prefix)\(node)\" [label = \"\(node)\", shape = \"box\"]\n"
    }
    for node in nodes {
      for dependency in (graph.dependencies[node] ?? []).sorted() {
        text += "\(indent)\"\(prefix)\(node)\" -> \"\(prefix)\(dependency)\"\n"
      }
    }
    return text
  }

  private static func clusters(_ configuration: Configuration, prefix: String, indent: String) -> String {
    var text = ""
    for call in configuration.modules {
      guard let module = call.module else { continue }
      let name = prefix + "module." + call.name
      text += "\(indent)subgraph \"cluster_\(name)\" {\n\(indent)  label = \"\(name)\"\n"
      text += body(module.graph, prefix: name + ".", indent: indent + "  ")
      text += clusters(module.configuration, prefix: name + ".", indent: indent + "  ")
      text += "\(indent)}\n"
    }
    return text
  }
}
