/// The check of a decoded configuration's references (unknown names, wrong attributes, "Did you
/// mean"), held to run later: a value, so `validate` can run it on a second thread beside the
/// graph and the walk, which need only the decoded blocks.
public struct ReferenceCheck: Sendable {
  let checker: ReferenceChecker

  /// The diagnostics, in the order `ConfigLoader.decode` would have appended them.
  public func run() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    checker.check(into: &diagnostics)
    return diagnostics
  }
}
