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

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    if let extra = arguments.first {
      throw .usage("Unexpected argument", "graph takes no arguments (got \(extra)).")
    }
    let session = EngineSession(context: context, flags: EngineFlags())
    return session.run { () throws(CommandFailure) -> Int32 in
      try session.loadConfiguration(mode: .validate)
      context.out(GraphView.dot(session.graph, configuration: session.configuration))
      return 0
    }
  }
}
