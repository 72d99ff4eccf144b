/// `dynamic "NAME" { for_each = ..., iterator = ..., content { ... } }` in a resource body: a
/// nested block written once per element of `for_each`, after HCL's `dynblock` extension.
///
/// The decoder checks its shape and its content against the nested block's schema; the walker
/// expands it per instance, since `for_each` may read `each.value` or other instances.
public struct DynamicBlock: Sendable {
  /// The nested block type generated, the label: `rotation_configuration`.
  public var type: String
  public var forEach: Expression
  /// The name the content reads the element by (`NAME.key`, `NAME.value`); the type by default.
  public var iterator: String
  /// The body of every generated block.
  public var content: Body
  public var block: Block
}
