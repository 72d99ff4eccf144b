/// `moved { from = OLD, to = NEW }`: the objects the state has at OLD belong at NEW now, so a
/// rename (or a change between `count` and `for_each` keys) keeps the token instead of
/// revoking it and making another.
public struct MovedBlock: Sendable {
  public var from: MoveEndpoint
  public var to: MoveEndpoint
  public var block: Block
}

/// One end of a `moved` or `removed` block: a whole resource (every instance, keys kept) or one
/// instance. As in Terraform, when one end of a move names an instance, the other end's bare
/// `TYPE.NAME` is the instance without a key.
public struct MoveEndpoint: Sendable, Hashable, CustomStringConvertible {
  public var resource: ResourceAddress
  public var key: InstanceKey?
  /// False for a whole-resource endpoint.
  public var isInstance: Bool

  public init(resource: ResourceAddress, key: InstanceKey?, isInstance: Bool) {
    self.resource = resource
    self.key = key
    self.isInstance = isInstance
  }

  public var description: String { resource.description + (key?.description ?? "") }

  /// Terraform's name for a whole-resource endpoint in cycle reports: `TYPE.NAME[*]`.
  var patternDescription: String { isInstance ? description : description + "[*]" }

  /// Where `address` goes when this endpoint moves to `to`; nil when it does not match.
  func destination(of address: ResourceInstanceAddress, to: MoveEndpoint) -> ResourceInstanceAddress? {
    if resource.isModuleOnly { return moduleDestination(of: address, to: to) }
    guard address.resource == resource else { return nil }
    if isInstance {
      return address.key == key ? to.resource.instance(to.key) : nil
    }
    return to.resource.instance(address.key)
  }

  /// True when `address` is (an instance of) this endpoint, or in its module.
  func matches(_ address: ResourceInstanceAddress) -> Bool {
    if resource.isModuleOnly { return ModuleStep.contains(resource.module, address.resource.module) }
    return address.resource == resource && (!isInstance || address.key == key)
  }

  /// For a `removed` block: whether `address` is among what it removes (a module's
  /// resources have keys in the state that the block's address, a module, leaves out).
  func removes(_ address: ResourceInstanceAddress) -> Bool {
    if resource.isModuleOnly { return ModuleStep.contains(resource.module, address.resource.module) }
    return resource == address.resource || resource == address.resource.configAddress
  }

  /// A whole-module move (`module.a` → `module.b`, `module.a["x"]` → `module.b`): everything
  /// in the module instance goes to the same place under the new one; a call moved without
  /// keys keeps each instance's key.
  private func moduleDestination(of address: ResourceInstanceAddress, to: MoveEndpoint) -> ResourceInstanceAddress? {
    let from = resource.module
    guard to.resource.isModuleOnly, ModuleStep.contains(from, address.resource.module) else { return nil }
    var steps = to.resource.module
    if let last = from.last, last.key == nil, steps.last?.key == nil {
      steps[steps.count - 1].key = address.resource.module[from.count - 1].key
    }
    steps += address.resource.module.dropFirst(from.count)
    var moved = address
    moved.resource.module = steps
    return moved
  }
}

/// `removed { from = ADDR, lifecycle { destroy = false } }`: the resource is gone from the
/// configuration, and its objects either stay live and leave the state (`destroy = false`) or
/// are destroyed as for any deleted block.
public struct RemovedBlock: Sendable {
  public var from: MoveEndpoint
  /// `lifecycle { destroy = ... }`; true when not written, as in Terraform.
  public var destroy: Bool
  public var block: Block
}
