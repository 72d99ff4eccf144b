/// One resource instance's configuration, evaluated: what the user asks this object to be.
public struct InstanceConfig: Sendable {
  public var address: ResourceInstanceAddress
  public var resource: ResourceBlock
  /// An object of the schema's type: written attributes converted to their types (possibly
  /// unknown or sensitive), everything else null; nested blocks as objects or null.
  public var config: Value
  public var ranges: AttributeRanges
  /// The resource blocks this one depends on (references and `depends_on`), sorted.
  public var dependencies: [ResourceAddress]
}
