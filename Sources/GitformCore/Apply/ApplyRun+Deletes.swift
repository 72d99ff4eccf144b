import Foundation

/// The last phase of an apply: deletions, dependents before what they depend on.
extension ApplyRun {
  /// One object to delete: a current one, or a deposed one (`deposed` set).
  struct Doomed {
    var address: InstanceAddress
    var object: StateObject
    var deposed: String?
  }

  /// Deletes what the plan removes and what replacements superseded, dependents first.
  func applyDeletes() {
    // A replaced object — replaced in this run or an earlier one — stays deposed (deleted by a
    // later apply) while its replacement or anything depending on it failed or was skipped in
    // this run: a dependent may still use the old token.
    let inUse = failed.union(failedDependencies)
    var remaining: [Doomed] = superseded.filter { !inUse.contains($0.0.address.resource) }
      .map { Doomed(address: $0.0.address, object: $0.1, deposed: $0.0.key) }
    for change in applier.plan.changes where change.action == .delete {
      if let key = change.deposedKey {
        guard !inUse.contains(change.address.resource), !inUse.contains(change.address.resource.configAddress) else { continue }
        let deposedKey = DeposedKey(address: change.address, key: key)
        if let object = state.deposed[deposedKey] { remaining.append(Doomed(address: change.address, object: object, deposed: key)) }
      } else if let object = state.objects[change.address] {
        remaining.append(Doomed(address: change.address, object: object, deposed: nil))
      }
    }
    // An object is deleted after every pending object that depends on its resource.
    while !remaining.isEmpty {
      var blocked = Set<ResourceAddress>()
      for other in remaining {
        for dependency in other.object.dependencies
        where dependency != other.address.resource && dependency != other.address.resource.configAddress {
          blocked.insert(dependency)
        }
      }
      // A dependency read from the state names a module's resource without instance keys.
      func isBlocked(_ doomed: Doomed) -> Bool {
        blocked.contains(doomed.address.resource) || blocked.contains(doomed.address.resource.configAddress)
      }
      let ready = remaining.filter { !isBlocked($0) }
      // A cycle (nothing ready) deletes the rest together.
      let batch = ready.isEmpty ? remaining : ready
      remaining = ready.isEmpty ? [] : remaining.filter(isBlocked)
      // Who holds which token value now, after this run's updates and earlier deletions.
      lock.lock()
      let carriers = CarrierIndex(objects: state.objects, deposed: state.deposed, configuration: applier.configuration)
      lock.unlock()
      _ = ParallelWork.run(batch.count, limit: applier.parallelism) { index -> Bool in
        let doomed = batch[index]
        // After an interrupt nothing new starts; a deposed object stays for the next apply.
        guard !self.applier.isCancelled() else { return false }
        guard let type = self.applier.configuration.catalog.managed(doomed.address.resource.type) else { return false }
        if let carrier = carriers.carrier(of: doomed.address, doomed.object.value) {
          self.keep(doomed, carriedBy: carrier)
          return false
        }
        return self.delete(type, doomed.address, doomed.object, instance: nil, deposed: doomed.deposed)
      }
    }
  }

  /// Leaves an object for a later apply, saying why unless a failure of the carrier already did.
  func keep(_ doomed: Doomed, carriedBy carrier: InstanceAddress) {
    lock.lock()
    defer { lock.unlock() }
    guard !failed.contains(carrier.resource.configAddress) else { return }
    let name = doomed.deposed.map { "\(doomed.address) (deposed object \($0))" } ?? doomed.address.description
    diagnostics.append(
      .warning(
        "\(name) was not destroyed",
        detail: "\(carrier) still carries its value and was not updated in this run, so destroying it now would break whatever uses \(carrier). The next apply that updates \(carrier) destroys it."))
  }

  /// Deletes one object (the deposed one with key `deposed`, when given) and records it.
  @discardableResult
  func delete(
    _ type: any ResourceType, _ address: InstanceAddress, _ object: StateObject,
    instance: InstanceConfig?, deposed: String? = nil
  ) -> Bool {
    let id = type.displayID(of: object.value)
    applier.observe(ApplyEvent(address: address, operation: .delete, kind: .started, id: id, deposed: deposed))
    let start = Date()
    do {
      try reportingProgress(address, .delete, id: id, deposed: deposed) {
        try type.delete(object.value, context: applier.resourceContext)
      }
      try applier.record(.remove(address, deposed: deposed))
      lock.lock()
      if let deposed {
        state.deposed[DeposedKey(address: address, key: deposed)] = nil
      } else {
        state.objects[address] = nil
      }
      lock.unlock()
      lock.lock()
      counts.destroyed += 1
      lock.unlock()
      applier.observe(
        ApplyEvent(address: address, operation: .delete, kind: .completed(seconds: elapsed(start)), id: id, deposed: deposed))
      return true
    } catch {
      fail(address, .delete, "Failed to destroy \(address)", Refresher.describe(error), instance)
      return false
    }
  }

}
