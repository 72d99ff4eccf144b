// State/: what gitform remembers about the objects it manages, and how that memory is kept
// safe on disk.
//
// For: the state file's model (`State`, `ResourceState`, `ResourceInstance`, `OutputState`), the
// version 4 JSON codec in Terraform's exact layout (on Shared/'s JSON value, parser and writer,
// so that numbers stay exact and bytes round-trip), atomic persistence with backups
// (`StateStore`, `DurableFile`), the append-only apply journal (`StateJournal`), local locking
// (`StateLock`, `LockInfo`), the saved-plan key, and `StateBridge`, which turns the file's model
// into the engine's (Model/) and back with the schemas the caller passes.
// Not for: addresses and the values the engine works on (Model/), deciding what to change
// (Plan/), talking to GitLab (GitLab/), printing (CLI/). It never prints and never exits.

/// Everything gitform knows about the objects it manages: one snapshot of a state file.
///
/// The layout is Terraform's state format version 4, so tools that read Terraform state (jq
/// scripts, GitLab's state API which looks at `serial`) work unchanged. `terraformVersion` holds
/// *gitform's* version: the field name is kept for compatibility, its value says who wrote it.
/// Invariants: `lineage` never changes once the state has been written; `serial` only grows,
/// by one per persisted write whose content differs (see `StateStore`).
public struct State: Equatable, Sendable {
  /// The only on-disk format version gitform reads and writes.
  public static let formatVersion = 4

  /// The version of gitform that last wrote this state (`terraform_version` on disk).
  public var terraformVersion: String
  public var serial: UInt64
  /// A lowercase UUID identifying this state's history; two states with different lineages
  /// are unrelated.
  public var lineage: String
  /// Root module outputs by name.
  public var outputs: [String: OutputState]
  /// Resources in any order (the file is written normalized). Assigning or mutating the array
  /// directly is allowed; it drops the position cache that keeps `upsert`/`remove` O(1).
  public var resources: [ResourceState] {
    didSet { resourcePositions = nil }
  }
  /// The random secret (64 hex digits) that keys a saved plan's digests (`gitform_plan_key` on
  /// disk, a top-level field Terraform's state reader ignores). It lives here because the state
  /// is readable only by those who may apply, while a plan file is an artifact many can read.
  /// Nil until the first `plan -out`; a state rewritten by Terraform loses it, which only makes
  /// older saved plans unapplicable.
  public var planKey: String?
  /// Where each resource sits in `resources`; nil after any outside change, rebuilt on demand.
  private var resourcePositions: [ResourceAddress: Int]?

  public init(
    terraformVersion: String, serial: UInt64 = 0, lineage: String = State.newLineage(),
    outputs: [String: OutputState] = [:], resources: [ResourceState] = []
  ) {
    self.terraformVersion = terraformVersion
    self.serial = serial
    self.lineage = lineage
    self.outputs = outputs
    self.resources = resources
  }

  /// A fresh plan key: 32 random bytes from the system's generator, in hex.
  public static func newPlanKey() -> String {
    var generator = SystemRandomNumberGenerator()
    return HMACSHA256.hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  /// A fresh random lineage, lowercase as Terraform writes it.
  public static func newLineage() -> String { UUIDText.random() }

  /// True when nothing is recorded: no resource instances and no outputs.
  public var isEmpty: Bool {
    outputs.isEmpty && resources.allSatisfy { $0.instances.isEmpty }
  }

  // MARK: - Lookup and change

  /// The resource at `address`, if recorded. Linear: for many lookups use `resourcesByAddress`.
  public func resource(_ address: ResourceAddress) -> ResourceState? {
    resources.first { $0.address == address }
  }

  /// Every resource by address, for planners that look up thousands of them.
  public var resourcesByAddress: [ResourceAddress: ResourceState] {
    Dictionary(resources.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The current (not deposed) object of an instance, if recorded.
  public func instance(_ address: InstanceAddress) -> ResourceInstance? {
    resource(address.resource)?.instances.first { $0.indexKey == address.key && $0.deposed == nil }
  }

  /// Every instance address in stable order (as `state list` shows them).
  public var instanceAddresses: [InstanceAddress] {
    var seen = Set<InstanceAddress>()
    for resource in resources {
      for instance in resource.instances {
        seen.insert(InstanceAddress(resource: resource.address, key: instance.indexKey))
      }
    }
    return seen.sorted()
  }

  /// Records `instance` for the resource described by `resource` (whose `instances` are
  /// ignored), replacing an object with the same index key and deposed key. Attribute keys
  /// are sorted, so the order in which the engine built them never shows in the file.
  /// Amortized O(1): an apply of 10,000 actions does not rescan the state 10,000 times.
  public mutating func upsert(_ instance: ResourceInstance, in resource: ResourceState) {
    var instance = instance
    instance.attributes = instance.attributes.sortingKeys()
    var positions = takeResourcePositions()
    if let position = positions[resource.address] {
      resources[position].each = resource.each
      resources[position].provider = resource.provider
      resources[position].upsertObject(instance)
    } else {
      var fresh = resource
      fresh.instances = [instance]
      positions[resource.address] = resources.count
      resources.append(fresh)
    }
    resourcePositions = positions
  }

  /// Forgets one object of an instance (the current one when `deposed` is nil). A resource
  /// left without instances is removed, as Terraform prunes empty resources.
  public mutating func remove(_ address: InstanceAddress, deposed: String? = nil) {
    var positions = takeResourcePositions()
    defer { resourcePositions = positions }
    guard let position = positions[address.resource] else { return }
    resources[position].removeObject(key: address.key, deposed: deposed)
    guard resources[position].instances.isEmpty else { return }
    positions[address.resource] = nil
    let last = resources.count - 1
    if position != last {
      resources.swapAt(position, last)
      positions[resources[position].address] = position
    }
    resources.removeLast()
  }

  /// The position cache, built if needed, moved out of `self` so that updating it never copies.
  private mutating func takeResourcePositions() -> [ResourceAddress: Int] {
    if let cached = resourcePositions {
      resourcePositions = nil
      return cached
    }
    var positions: [ResourceAddress: Int] = [:]
    for (position, resource) in resources.enumerated() where positions[resource.address] == nil {
      positions[resource.address] = position
    }
    return positions
  }

  /// States are equal when they would be written identically: order of resources and
  /// instances does not count, nor does the position cache.
  public static func == (lhs: State, rhs: State) -> Bool {
    lhs.terraformVersion == rhs.terraformVersion && lhs.serial == rhs.serial
      && lhs.lineage == rhs.lineage && lhs.outputs == rhs.outputs
      && lhs.normalized().resources.elementsEqual(rhs.normalized().resources) { $0.sameContent(as: $1) }
  }

  /// The same state in canonical order: resources by (module, mode, type, name), the module
  /// compared as text as Terraform's state writer does; instances by index key (none, then
  /// numbers, then strings) and deposed key. Encoding always normalizes, so two equal states
  /// serialise to the same bytes.
  public func normalized() -> State {
    var copy = self
    copy.resources = resources.map { $0.normalized() }.sorted { lhs, rhs in
      if lhs.address.module != rhs.address.module {
        return ModuleStep.path(lhs.address.module) < ModuleStep.path(rhs.address.module)
      }
      return lhs.address < rhs.address
    }
    return copy
  }
}
