import Foundation

/// Creates announced in one upload before the apply starts, so they do not wait on uploads.
///
/// A create is recorded as pending before its request goes out (the trace a killed job leaves
/// for the next run to adopt). With remote state that record must reach GitLab first, and
/// with ten creates in flight that is one upload per ten creates on the apply's critical path.
/// Instead, the pending records of every planned create whose configuration is known are
/// stored together up front — the same record the applier writes (`intentToCreate` of the
/// planned object, at the run's clock) — and the applier's own pending record for one of those
/// addresses then rides the next upload. A create that never runs leaves a pending record the
/// next refresh drops (GitLab has nothing by that name) and the final state never contains.
extension RemoteStatePusher {
  /// The pending records to store up front: creates whose configurable attributes are all
  /// known at plan time (an owner that another create decides cannot be announced).
  static func intents(for plan: Plan, now: Date) -> [InstanceAddress: JournalEntry] {
    var entries: [InstanceAddress: JournalEntry] = [:]
    for change in plan.changes where change.action == .create && change.deposedKey == nil && change.importID == nil {
      guard let after = change.after, change.address.resource.mode == .managed,
        let type = ResourceCatalog.standard.managed(change.address.resource.type)
      else { continue }
      let known = type.schema.attributes.allSatisfy { attribute in
        attribute.presence == .computed || attribute.presence == .optionalComputed
          || after[attribute: attribute.name].isWhollyKnown
      }
      guard known else { continue }
      let object = StateObject(
        value: type.intentToCreate(after, at: now), dependencies: change.dependencies,
        createBeforeDestroy: change.createBeforeDestroy, pending: true)
      entries[change.address] = StateBridge.upsert(change.address, object, each: StateBridge.each(change.address.key))
    }
    return entries
  }

  /// The address a journal entry writes, for `announced`.
  static func address(of entry: JournalEntry) -> InstanceAddress? {
    guard case .upsert(let resource, let instance) = entry, instance.deposed == nil else { return nil }
    return InstanceAddress(resource: resource.address, key: instance.indexKey)
  }
}
