import Foundation

/// Creates: each is recorded as pending before it is sent, so that no answer GitLab gives —
/// or fails to give — can leave a token in GitLab that the state does not know about.
extension ApplyRun {
  /// Records the object as pending before its create is sent, so a kill between GitLab's commit
  /// and the journal line leaves a trace the next refresh resolves (`findCreated`).
  func markPending(
    _ type: any ResourceType, _ address: InstanceAddress, _ planned: Value, _ instance: InstanceConfig
  ) -> Bool {
    do {
      try applier.record(
        StateBridge.upsert(
          address,
          StateObject(
            value: type.intentToCreate(planned, at: applier.resourceContext.now),
            dependencies: instance.dependencies, pending: true),
          each: StateBridge.each(address.key)))
      return true
    } catch {
      fail(address, .create, "Failed to record \(address)", "\(error)", instance)
      return false
    }
  }

  /// Creates the object `markPending` recorded. When GitLab's answer is lost the pending object
  /// stays in the state, so the next run adopts what GitLab made instead of making a second
  /// one; when GitLab refused, the pending record is withdrawn and, for a create-before-destroy
  /// replacement, the old object (`restoring`) is current again, not deposed.
  func create(
    _ type: any ResourceType, _ address: InstanceAddress, _ planned: Value, _ instance: InstanceConfig,
    restoring: (key: DeposedKey, object: StateObject)? = nil
  ) -> Value? {
    applier.observe(ApplyEvent(address: address, operation: .create, kind: .started, id: nil))
    let start = Date()
    do {
      let created = SensitiveMarks.apply(
        type.schema,
        to: try reportingProgress(address, .create, id: nil) { try type.create(planned, context: applier.resourceContext) },
        carrying: planned)
      let object = StateObject(
        value: created, dependencies: instance.dependencies,
        createBeforeDestroy: instance.resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying)
      try store(address, object)
      lock.lock()
      counts.added += 1
      lock.unlock()
      applier.observe(ApplyEvent(address: address, operation: .create, kind: .completed(seconds: elapsed(start)), id: type.displayID(of: created)))
      return created
    } catch {
      var detail = Refresher.describe(error)
      if (error as? GitLabError)?.code == .outcomeUnknown {
        lock.lock()
        state.objects[address] = StateObject(
          value: type.intentToCreate(planned, at: applier.resourceContext.now), dependencies: instance.dependencies,
          createBeforeDestroy: instance.resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying,
          pending: true)
        lock.unlock()
        detail += "\n\nGitLab may have created it. gitform recorded the request before sending it: the next plan or apply looks for what GitLab made and adopts it instead of creating another."
      } else {
        withdrawPending(address, restoring: restoring, instance)
      }
      fail(address, .create, "Failed to create \(address)", detail, instance)
      return nil
    }
  }

  /// GitLab refused a create: nothing was made, so the pending record goes, and the object it
  /// was to replace (if any) is current again instead of deposed.
  private func withdrawPending(
    _ address: InstanceAddress, restoring: (key: DeposedKey, object: StateObject)?, _ instance: InstanceConfig
  ) {
    do {
      if let restoring {
        try applier.record(.remove(address, deposed: restoring.key.key))
        try store(address, restoring.object)
        lock.lock()
        state.deposed[restoring.key] = nil
        superseded.removeAll { $0.0 == restoring.key }
        lock.unlock()
      } else {
        try applier.record(.remove(address, deposed: nil))
      }
    } catch {
      // The journal keeps the pending record; the next refresh finds nothing and drops it.
      lock.lock()
      diagnostics.append(.error("Failed to record \(address)", detail: "\(error)", subject: instance.resource.block.definitionRange))
      lock.unlock()
    }
  }
}
