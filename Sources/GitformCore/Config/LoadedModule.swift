/// A module's configuration and evaluation order, shared by every instance of its call.
public final class LoadedModule: Sendable {
  public let configuration: Configuration
  public let graph: ConfigGraph
  /// The folder relative to the root module's, as `path.module` gives it: `modules/project`.
  public let path: String

  init(configuration: Configuration, graph: ConfigGraph, path: String) {
    self.configuration = configuration
    self.graph = graph
    self.path = path
  }
}
