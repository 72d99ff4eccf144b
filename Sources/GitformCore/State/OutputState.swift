/// A root module output as recorded in state: its value, its type and whether it is sensitive.
///
/// Sensitive values are stored in plain text (the state file is 0600); `sensitive` only tells
/// renderers to mask them, as in Terraform.
public struct OutputState: Equatable, Hashable, Sendable {
  public var value: JSON
  /// cty's JSON type encoding: `"string"`, `["list","string"]`, `["object",{"a":"number"}]`.
  public var type: JSON
  public var sensitive: Bool

  public init(value: JSON, type: JSON, sensitive: Bool = false) {
    // Keys sorted as Go writes maps; the decoder assigns `value` afterwards to keep a file's order.
    self.value = value.sortingKeys()
    self.type = type
    self.sensitive = sensitive
  }
}
