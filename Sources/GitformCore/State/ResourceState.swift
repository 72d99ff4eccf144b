/// One `resource` or `data` block's record in state: its address, the provider that manages
/// it and its instances (one without `count`/`for_each`, otherwise one per key).
public struct ResourceState: Equatable, Hashable, Sendable {
  /// How instances are keyed: `count` gives numbers (`list`), `for_each` strings (`map`).
  public enum Each: String, Equatable, Hashable, Sendable, CaseIterable {
    case list
    case map
  }

  /// The provider configuration address every gitform resource is recorded with. gitform's
  /// GitLab support is built in, so it is named like Terraform's built-in provider
  /// (`provider["terraform.io/builtin/terraform"]`), under gitform's own host name; a Terraform
  /// tool reading the state sees a well-formed, clearly foreign provider.
  public static let gitLabProvider = "provider[\"gitform.dev/builtin/gitlab\"]"

  public var address: ResourceAddress
  public var each: Each?
  public var provider: String
  /// The recorded objects, in any order (the file is written normalized). Direct changes are
  /// allowed; they drop the position cache that keeps `upsertObject`/`removeObject` O(1).
  public var instances: [ResourceInstance] {
    didSet { positions = nil }
  }
  private var positions: [ObjectKey: Int]?

  /// What identifies one object of a resource: its instance key and deposed key.
  private struct ObjectKey: Hashable {
    var key: InstanceKey?
    var deposed: String?

    init(_ instance: ResourceInstance) {
      key = instance.indexKey
      deposed = instance.deposed
    }

    init(key: InstanceKey?, deposed: String?) {
      self.key = key
      self.deposed = deposed
    }
  }

  public init(
    address: ResourceAddress, each: Each? = nil, provider: String = ResourceState.gitLabProvider,
    instances: [ResourceInstance] = []
  ) {
    self.address = address
    self.each = each
    self.provider = provider
    self.instances = instances
  }

  public var mode: ResourceAddress.Mode { address.mode }
  public var type: String { address.type }
  public var name: String { address.name }

  /// Records an object, replacing the one with the same index and deposed keys.
  mutating func upsertObject(_ instance: ResourceInstance) {
    var index = takePositions()
    let key = ObjectKey(instance)
    if let position = index[key] {
      instances[position] = instance
    } else {
      index[key] = instances.count
      instances.append(instance)
    }
    positions = index
  }

  /// Removes the object with these keys, if recorded (order is not kept: the file is sorted).
  mutating func removeObject(key: InstanceKey?, deposed: String?) {
    var index = takePositions()
    defer { positions = index }
    guard let position = index.removeValue(forKey: ObjectKey(key: key, deposed: deposed)) else { return }
    let last = instances.count - 1
    if position != last {
      instances.swapAt(position, last)
      index[ObjectKey(instances[position])] = position
    }
    instances.removeLast()
  }

  private mutating func takePositions() -> [ObjectKey: Int] {
    if let cached = positions {
      positions = nil
      return cached
    }
    var index: [ObjectKey: Int] = [:]
    for (position, instance) in instances.enumerated() where index[ObjectKey(instance)] == nil {
      index[ObjectKey(instance)] = position
    }
    return index
  }

  /// Equal when written identically: instance order and the position cache do not count.
  public static func == (lhs: ResourceState, rhs: ResourceState) -> Bool {
    lhs.normalized().sameContent(as: rhs.normalized())
  }

  /// Field-by-field equality in the current order (both sides already normalized).
  func sameContent(as other: ResourceState) -> Bool {
    address == other.address && each == other.each && provider == other.provider
      && instances == other.instances
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(address)
    hasher.combine(each)
    hasher.combine(provider)
    hasher.combine(normalized().instances)
  }

  /// Instances in canonical order: no key first, then numbers ascending, then strings
  /// ascending; the current object before deposed ones, deposed keys ascending.
  public func normalized() -> ResourceState {
    var copy = self
    copy.instances = instances.map { $0.normalized() }.sorted { left, right in
      if left.indexKey != right.indexKey { return InstanceKey.precedes(left.indexKey, right.indexKey) }
      return (left.deposed ?? "") < (right.deposed ?? "")
    }
    return copy
  }
}
