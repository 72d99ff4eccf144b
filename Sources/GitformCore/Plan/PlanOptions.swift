/// How to plan: the flags of `gitform plan` that change what is planned.
public struct PlanOptions: Sendable {
  /// Read every managed object from GitLab first (`-refresh=false` turns it off).
  public var refresh = true
  /// Plan to delete everything in state (`-destroy`, `gitform destroy`).
  public var destroy = false
  /// Only record what changed outside gitform, change nothing (`-refresh-only`).
  public var refreshOnly = false
  /// Limit the plan to these (and what they depend on); `-target=ADDR`.
  public var targets: [ResourceInstanceAddress] = []
  /// Replace these even when nothing changed; `-replace=ADDR`.
  public var replace: [ResourceInstanceAddress] = []
  /// Concurrent GitLab requests during refresh (and apply).
  public var parallelism = 10

  public init() {}

  /// True when `address` is one of `targets`, an instance of a targeted resource, or in a
  /// targeted module instance (`module.team` selects every instance of the call).
  func isTargeted(_ address: ResourceInstanceAddress, by list: [ResourceInstanceAddress]) -> Bool {
    list.contains {
      $0 == address || ($0.key == nil && $0.resource == address.resource)
        || ($0.resource.isModuleOnly && ModuleStep.contains($0.resource.module, address.resource.module))
    }
  }
}
