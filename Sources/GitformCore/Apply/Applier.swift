import Foundation

/// Apply: executes a `Plan` against GitLab in dependency order and records every completed
/// action durably before reporting it.
///
/// For: ordering (levels of the configuration graph, deletions in reverse), parallelism,
/// re-planning an instance once its dependencies exist, skipping dependents of failures,
/// progress events. Not for: deciding changes (Plan/), file formats (State/), printing (CLI/
/// renders the events). Nothing here prints.

/// Executes a plan: creates and updates level by level along the configuration graph (each
/// level in parallel), then deletions in reverse dependency order.
///
/// Replacements make the new object first by default (tokens): the new token exists, and the
/// variables that carry it are updated in later levels, before the old token is revoked at the
/// end. With `create_before_destroy = false` the old object goes first. Each completed action
/// is appended to the journal before its event is reported. A failure is recorded; what depends
/// on the failed resource is skipped; everything else goes on.
public struct Applier {
  public let plan: Plan
  public let configuration: Configuration
  public let graph: ConfigGraph
  public let variables: [String: Value]
  public let evalContext: EvalContext
  public let resourceContext: ResourceContext
  public let parallelism: Int
  /// Makes one action durable; called before the action's completion is reported.
  public let record: @Sendable (JournalEntry) throws -> Void
  /// Receives progress events, from worker threads.
  public let observe: @Sendable (ApplyEvent) -> Void
  /// Seconds between "Still creating..." lines of a long operation (Terraform's 10).
  public var progressInterval: Double = 10
  /// Polled before each action starts; once true (the user interrupted), no action starts,
  /// those in flight finish and are recorded, and the apply ends with an error.
  public var isCancelled: @Sendable () -> Bool = { false }

  public init(
    plan: Plan, configuration: Configuration, graph: ConfigGraph, variables: [String: Value],
    evalContext: EvalContext, resourceContext: ResourceContext, parallelism: Int,
    record: @escaping @Sendable (JournalEntry) throws -> Void,
    observe: @escaping @Sendable (ApplyEvent) -> Void
  ) {
    self.plan = plan
    self.configuration = configuration
    self.graph = graph
    self.variables = variables
    self.evalContext = evalContext
    self.resourceContext = resourceContext
    self.parallelism = parallelism
    self.record = record
    self.observe = observe
  }

  public func apply() -> ApplyResult {
    let run = ApplyRun(applier: self)
    run.recordImports()
    run.forgetRemoved()
    var outputs = plan.priorState.outputs
    if !plan.isDestroy {
      var walker = ConfigWalker(
        configuration: configuration, graph: graph, variables: variables, context: evalContext)
      walker.walk { instances in run.applyLevel(instances) }
      run.addDiagnostics(walker.diagnostics.filter { $0.severity == .error } + walker.checkDiagnostics)
      outputs = walker.outputs
    }
    run.applyDeletes()
    if isCancelled() {
      run.addDiagnostics([
        .error(
          "execution halted",
          detail: "gitform was interrupted: actions not yet started were not taken; those in flight finished and are recorded in the state. Run gitform apply again to finish.")
      ])
    }
    return run.result(outputs: plan.outputsToRecord(outputs))
  }
}
