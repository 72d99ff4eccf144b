/// `gitform graph`: the configuration's dependency graph in DOT, for Graphviz.
struct GraphCommand: Command {
  static let name = "graph"
  static let synopsis = "Generate a Graphviz graph of the steps in an operation"
  static let help = """
    Usage: gitform [global options] graph [options]

      Prints the dependency graph of the resources, data sources, locals,
      variables and outputs of the configuration in DOT format:
        gitform graph | dot -Tsvg > graph.svg

    """

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    if let extra = arguments.first {
      context.err("\nError: Unexpected argument\n\ngraph takes no arguments (got \(extra)).\n")
      return 1
    }
    let session = EngineSession(context: context, flags: EngineFlags())
    guard session.loadConfiguration(mode: .validate) else { return 1 }
    let graph = session.graph
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
    context.out(text)
    return 0
  }
}
