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
  public var instances: [ResourceInstance]

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
