import Foundation

/// Everything an expression can refer to besides itself: named values, functions, the
/// directory `file()` reads from, the clock and the evaluation mode.
///
/// Variables are a flat scope of named values (`var`, `local`, `data`, resource types...),
/// built by the layer that knows what they mean (Config, Plan). The evaluator adds the
/// iteration variables of `for` expressions and template loops on top, never changing this.
public struct EvalContext: Sendable {
  public var variables: [String: Value]
  public var baseDirectory: String
  public var clock: EvalClock
  public var mode: EvalMode
  /// One reading of the clock for the whole run: what `plantimestamp()` returns.
  var planTimestamp: RFC3339Timestamp
  var functions: FunctionTable

  public init(
    variables: [String: Value] = [:], baseDirectory: String = ".", clock: EvalClock = .system,
    mode: EvalMode = .apply
  ) {
    self.variables = variables
    self.baseDirectory = baseDirectory
    self.clock = clock
    self.mode = mode
    self.planTimestamp = RFC3339Timestamp(date: clock.now(), offset: 0)
    self.functions = .standard
  }

  /// The time `plantimestamp()` answers: one reading of the clock when the context is made.
  /// Applying a saved plan sets it to the plan's time, as Terraform does.
  public var planTime: Date {
    get { planTimestamp.date }
    set { planTimestamp = RFC3339Timestamp(date: newValue, offset: 0) }
  }

  /// The names of every function an expression may call, sorted.
  public var functionNames: [String] { functions.names }

  var functionEnvironment: FunctionEnvironment {
    FunctionEnvironment(
      baseDirectory: baseDirectory, clock: clock, planTimestamp: planTimestamp, mode: mode)
  }
}
