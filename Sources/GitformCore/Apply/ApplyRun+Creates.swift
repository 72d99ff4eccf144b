import Foundation

/// Creates: each is recorded as pending before it is sent, so that no answer GitLab gives —
/// or fails to give — can leave a token in GitLab that the state does not know about.
///
/// A create whose outcome is in doubt (a 500 or 503, a 502, a dropped connection) is tried
/// again within the run, never blindly (a timeout or a 504 is not: GitLab may still be making
/// it, and it is left pending for the next run to adopt): gitform first looks at GitLab for what the failed
/// send made (`ApplyRun+InDoubtCreates.swift`) and adopts it, and sends again only when GitLab
/// made nothing — as often, and after the same back-off, as the client retries any request.
extension ApplyRun {
  /// Records the object as pending before its create is sent, so a kill between GitLab's commit
  /// and the journal line leaves a trace the next refresh resolves (`findCreated`).
  func markPending(
    _ type: any ResourceType, _ address: InstanceAddress, _ planned: Value, _ instance: InstanceConfig
  ) -> Bool {
    do {
      try applier.record(
        StateBridge.upsert(
          address, pendingObject(type, type.intentToCreate(planned, at: applier.resourceContext.now), instance),
          each: StateBridge.each(address.key)))
      return true
    } catch {
      fail(address, .create, "Failed to record \(address)", "\(error)", instance)
      return false
    }
  }

  /// Creates the object `markPending` recorded. When GitLab's answer is lost, the run looks for
  /// what GitLab made and adopts it, or sends again (`resolveInDoubt`); when every allowed send
  /// left the outcome in doubt, the pending object stays in the state, so the next run adopts
  /// what GitLab made instead of making a second one. When GitLab refused, the pending record is
  /// withdrawn and, for a create-before-destroy replacement, the old object (`restoring`) is
  /// current again, not deposed.
  func create(
    _ type: any ResourceType, _ address: InstanceAddress, _ planned: Value, _ instance: InstanceConfig,
    restoring: (key: DeposedKey, object: StateObject)? = nil
  ) -> Value? {
    applier.observe(ApplyEvent(address: address, operation: .create, kind: .started, id: nil))
    let start = Date()
    let intent = type.intentToCreate(planned, at: applier.resourceContext.now)
    // What GitLab is known to have made for this create without its value reaching gitform
    // (a token found after a lost answer), nil while nothing is.
    var made: Value?
    var attempt = 1
    while true {
      do {
        let created = try reportingProgress(address, .create, id: nil) {
          try made.map { try complete(type, address, found: $0, planned, instance) }
            ?? type.create(planned, context: applier.resourceContext)
        }
        return finishCreate(type, address, SensitiveMarks.apply(type.schema, to: created, carrying: planned), instance, start)
      } catch {
        guard applier.resourceContext.mayResendCreate(error), !applier.isCancelled(),
          applier.resourceContext.pauseBeforeResending(
            afterAttempt: attempt, request: (error as? GitLabError)?.request ?? "POST", reason: ApplyRun.reason(error))
        else {
          return giveUp(type, address, error, made: made, intent: intent, attempts: attempt, restoring: restoring, instance)
        }
        do {
          made = try resolveInDoubt(type, address, intent: intent, made: made, instance)
        } catch let searchError {
          // Nobody knows what GitLab made: the pending record stays for the next run.
          keepPending(type, address, made ?? intent, instance)
          fail(
            address, .create, "Failed to create \(address)",
            Refresher.describe(error) + "\n\nLooking for what GitLab made failed too: " + Refresher.describe(searchError)
              + ApplyRun.inDoubtAdvice, instance)
          return nil
        }
        attempt += 1
      }
    }
  }

  static let inDoubtAdvice =
    "\n\nGitLab may have created it. gitform recorded the request before sending it: the next plan or apply looks for what GitLab made and adopts it instead of creating another."

  private func finishCreate(
    _ type: any ResourceType, _ address: InstanceAddress, _ created: Value, _ instance: InstanceConfig, _ start: Date
  ) -> Value? {
    let object = StateObject(
      value: created, dependencies: instance.dependencies,
      createBeforeDestroy: instance.resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying)
    do {
      try store(address, object)
    } catch {
      fail(address, .create, "Failed to record \(address)", "\(error)", instance)
      return nil
    }
    lock.lock()
    counts.added += 1
    lock.unlock()
    applier.observe(
      ApplyEvent(address: address, operation: .create, kind: .completed(seconds: elapsed(start)), id: type.displayID(of: created)))
    return created
  }

  /// The last send failed. In doubt, the pending record stays; refused, it goes — unless GitLab
  /// is known to have made the object (`made`), which the state then keeps, pending its value.
  private func giveUp(
    _ type: any ResourceType, _ address: InstanceAddress, _ error: Error, made: Value?, intent: Value,
    attempts: Int, restoring: (key: DeposedKey, object: StateObject)?, _ instance: InstanceConfig
  ) -> Value? {
    var detail = Refresher.describe(error)
    if let incomplete = error as? IncompleteCreate {
      // GitLab made it; a later step failed. Recorded as made, so nothing is forgotten.
      var object = pendingObject(type, SensitiveMarks.apply(type.schema, to: incomplete.object, carrying: intent), instance)
      object.pending = false
      keepRecorded(address, object, instance)
      detail = incomplete.description + "\n\nThe state records what GitLab made; the next plan shows what is still to change."
    } else if applier.resourceContext.leavesCreateInDoubt(error) {
      keepPending(type, address, made ?? intent, instance)
      if attempts > 1 {
        // The client's own advice ("not sent again") is not true of the run: say what it did.
        detail = ((error as? GitLabError)?.doubt.map { $0 + "." } ?? detail)
          + "\n\ngitform sent it \(attempts) times, each time after looking at GitLab for what the send before had made."
      }
      detail += ApplyRun.inDoubtAdvice
    } else if let made {
      keepPending(type, address, made, instance)
      detail += "\n\nGitLab made the object but its value was lost: the next plan or apply gets a new one."
    } else {
      withdrawPending(address, restoring: restoring, instance)
    }
    fail(address, .create, "Failed to create \(address)", detail, instance)
    return nil
  }

  /// `value` as the pending object of `instance`.
  func pendingObject(_ type: any ResourceType, _ value: Value, _ instance: InstanceConfig) -> StateObject {
    StateObject(
      value: value, dependencies: instance.dependencies,
      createBeforeDestroy: instance.resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying,
      pending: true)
  }

  /// The run's own view of a pending record the journal already holds (or is given now).
  private func keepPending(_ type: any ResourceType, _ address: InstanceAddress, _ value: Value, _ instance: InstanceConfig) {
    keepRecorded(address, pendingObject(type, value, instance), instance)
  }

  /// Stores `object`; when the journal refuses, the run still holds it and says so.
  private func keepRecorded(_ address: InstanceAddress, _ object: StateObject, _ instance: InstanceConfig) {
    do {
      try store(address, object)
    } catch {
      lock.lock()
      state.objects[address] = object
      diagnostics.append(.error("Failed to record \(address)", detail: "\(error)", subject: instance.resource.block.definitionRange))
      lock.unlock()
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
        lock.lock()
        if state.objects[address]?.pending == true { state.objects[address] = nil }
        lock.unlock()
      }
    } catch {
      // The journal keeps the pending record; the next refresh finds nothing and drops it.
      lock.lock()
      diagnostics.append(.error("Failed to record \(address)", detail: "\(error)", subject: instance.resource.block.definitionRange))
      lock.unlock()
    }
  }
}
