/// A `precondition`, `postcondition` or check `assert` block: a condition that must be true,
/// and the message that says what is wrong when it is not.
public struct ConditionRule: Sendable, Equatable {
  public var condition: Expression
  public var errorMessage: Expression
}

/// `check "NAME" { assert { ... } }`: assertions about the whole configuration (a team's token
/// policy, say) that are evaluated at plan and apply and, as in Terraform, only ever warn.
public struct CheckBlock: Sendable {
  public var name: String
  public var assertions: [ConditionRule]
  public var block: Block
}

extension Lifecycle {
  /// True when conditions or triggers refer to other blocks (most resources have none).
  public var hasExpressions: Bool {
    !preconditions.isEmpty || !postconditions.isEmpty || !replaceTriggeredBy.isEmpty
  }

  /// Every expression of the conditions and triggers: what they refer to is evaluated first.
  public var expressions: [Expression] {
    (preconditions + postconditions).flatMap { [$0.condition, $0.errorMessage] } + replaceTriggeredBy
  }
}
