/// One resource instance's configuration, evaluated: what the user asks this object to be.
public struct InstanceConfig: Sendable {
  public var address: ResourceInstanceAddress
  /// The block it comes from, shared by every instance of a `count` or `for_each` resource:
  /// copying a whole block per instance was a tenth of `validate`'s time on 10,000 resources.
  public var resource: ResourceBlock { block.resource }
  /// An object of the schema's type: written attributes converted to their types (possibly
  /// unknown or sensitive), everything else null; nested blocks as objects or null.
  public var config: Value
  public var ranges: AttributeRanges
  /// The resource blocks this one depends on (references and `depends_on`), sorted.
  public var dependencies: [ResourceAddress]
  /// `count`/`each` as the instance's expressions see them: its conditions are evaluated in it.
  public var scope: [String: Value] = [:]
  /// A `precondition` failed (the walk reported it): the instance must not be acted on.
  public var preconditionFailed = false
  private let block: SharedResourceBlock

  public init(
    address: ResourceInstanceAddress, resource: ResourceBlock, config: Value, ranges: AttributeRanges,
    dependencies: [ResourceAddress]
  ) {
    self.init(address: address, shared: SharedResourceBlock(resource), config: config, ranges: ranges, dependencies: dependencies)
  }

  init(
    address: ResourceInstanceAddress, shared: SharedResourceBlock, config: Value, ranges: AttributeRanges,
    dependencies: [ResourceAddress], scope: [String: Value] = [:], preconditionFailed: Bool = false
  ) {
    self.address = address
    self.block = shared
    self.config = config
    self.ranges = ranges
    self.dependencies = dependencies
    self.scope = scope
    self.preconditionFailed = preconditionFailed
  }
}

/// A resource block held once for all of its instances; immutable.
final class SharedResourceBlock: Sendable {
  let resource: ResourceBlock
  init(_ resource: ResourceBlock) { self.resource = resource }
}
