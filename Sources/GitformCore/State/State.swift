// State/: what gitform remembers about the objects it manages, and how that memory is kept
// safe on disk.
//
// For: the state model (`State`, `ResourceState`, `ResourceInstance`, `OutputState`), resource
// addresses, the version 4 JSON codec in Terraform's exact layout (own JSON value, parser and
// writer so that numbers stay exact and bytes round-trip), atomic persistence with backups
// (`StateStore`), the append-only apply journal (`StateJournal`), local locking (`StateLock`)
// and SHA-256 for saved-plan integrity.
// Not for: deciding what to change (Plan/), talking to GitLab (GitLab/), printing (CLI/).
// State/ imports Foundation only; it never prints and never exits.

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
  public var resources: [ResourceState]

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

  /// A fresh random lineage, lowercase as Terraform writes it.
  public static func newLineage() -> String { UUIDText.random() }

  /// True when nothing is recorded: no resource instances and no outputs.
  public var isEmpty: Bool {
    outputs.isEmpty && resources.allSatisfy { $0.instances.isEmpty }
  }

  // MARK: - Lookup and change

  /// The resource at `address`, if recorded.
  public func resource(_ address: ResourceAddress) -> ResourceState? {
    resources.first { $0.address == address }
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
  public mutating func upsert(_ instance: ResourceInstance, in resource: ResourceState) {
    var instance = instance
    instance.attributes = instance.attributes.sortingKeys()
    if let position = resources.firstIndex(where: { $0.address == resource.address }) {
      resources[position].each = resource.each
      resources[position].provider = resource.provider
      resources[position].instances.removeAll {
        $0.indexKey == instance.indexKey && $0.deposed == instance.deposed
      }
      resources[position].instances.append(instance)
    } else {
      var fresh = resource
      fresh.instances = [instance]
      resources.append(fresh)
    }
  }

  /// Forgets one object of an instance (the current one when `deposed` is nil). A resource
  /// left without instances is removed, as Terraform prunes empty resources.
  public mutating func remove(_ address: InstanceAddress, deposed: String? = nil) {
    guard let position = resources.firstIndex(where: { $0.address == address.resource }) else { return }
    resources[position].instances.removeAll { $0.indexKey == address.key && $0.deposed == deposed }
    if resources[position].instances.isEmpty { resources.remove(at: position) }
  }

  /// The same state in canonical order: resources by (mode, type, name), instances by index
  /// key (none, then numbers, then strings) and deposed key. Encoding always normalizes, so two
  /// equal states serialise to the same bytes.
  public func normalized() -> State {
    var copy = self
    copy.resources = resources.map { $0.normalized() }.sorted { $0.address < $1.address }
    return copy
  }
}
