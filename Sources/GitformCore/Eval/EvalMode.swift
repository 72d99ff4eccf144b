/// What the evaluation is for, which decides what time functions can know.
///
/// Terraform's `timestamp()` is unknown while planning (it is taken when the change is
/// applied) and so is `plantimestamp()` during `validate`, which has no plan.
public enum EvalMode: Sendable, Equatable {
  /// `gitform validate`: no plan, no apply; both time functions are unknown.
  case validate
  /// Planning: `plantimestamp()` is known, `timestamp()` is unknown.
  case plan
  /// Applying (and `console`-like direct evaluation): both are known.
  case apply
}
