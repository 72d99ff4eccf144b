import Foundation

/// The mutable part of one apply, shared by its worker threads behind a lock.
final class ApplyRun: @unchecked Sendable {
  let applier: Applier
  private let lock = NSLock()
  private var state: StateSnapshot
  private var diagnostics: [Diagnostic] = []
  /// Resource blocks with a failed or skipped instance: their dependents are skipped.
  private var failed: Set<ResourceAddress> = []
  /// Old objects of create-before-destroy replacements, deleted at the end.
  private var superseded: [(InstanceAddress, StateObject)] = []
  private var counts = (imported: 0, added: 0, changed: 0, destroyed: 0)
  private let changes: [InstanceAddress: ResourceChange]

  init(applier: Applier) {
    self.applier = applier
    state = applier.plan.priorState
    changes = Dictionary(applier.plan.changes.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
  }

  func addDiagnostics(_ more: [Diagnostic]) {
    lock.lock()
    diagnostics += more
    lock.unlock()
  }

  /// Imported objects enter the state first: they exist whatever happens next.
  func recordImports() {
    for change in applier.plan.changes where change.importID != nil {
      guard let object = state.objects[change.address] else { continue }
      do {
        try applier.record(StateBridge.upsert(change.address, object, each: StateBridge.each(change.address.key)))
        counts.imported += 1
      } catch {
        diagnostics.append(.error("Failed to record \(change.address)", detail: "\(error)"))
      }
    }
  }

  // MARK: - Creates and updates

  /// Applies one level's instances in parallel; returns their values for later levels.
  func applyLevel(_ instances: [InstanceConfig]) -> [InstanceAddress: Value] {
    let outcomes = ParallelWork.run(instances.count, limit: applier.parallelism) { index in
      self.applyInstance(instances[index])
    }
    var values: [InstanceAddress: Value] = [:]
    for (instance, value) in zip(instances, outcomes) { values[instance.address] = value }
    return values
  }

  private func applyInstance(_ instance: InstanceConfig) -> Value {
    let address = instance.address
    lock.lock()
    let prior = state.objects[address]
    let blocked = instance.dependencies.first { failed.contains($0) }
    lock.unlock()
    guard let change = changes[address], change.action != .noOp else {
      return prior?.value ?? changes[address]?.after ?? .unknown()
    }
    if let blocked {
      fail(address, nil, "Skipped \(address)", "It depends on \(blocked), which could not be applied.", instance)
      return prior?.value ?? .unknown()
    }
    if instance.resource.mode == .data {
      return readData(instance)
    }
    guard let type = ResourceCatalog.managed(address.resource.type) else { return .unknown() }
    let planner = InstancePlanner(type: type, context: applier.resourceContext, today: applier.resourceContext.today)
    let fresh = planner.change(instance, prior: prior?.value, importID: nil, forceReplace: false)
    let after = fresh.after ?? change.after ?? .unknown()
    let cbd = change.createBeforeDestroy
    switch change.action {
    case .create:
      guard markPending(address, after, instance) else { return .unknown() }
      return create(type, address, after, instance) ?? .unknown()
    case .update:
      guard let prior else { return create(type, address, after, instance) ?? .unknown() }
      return update(type, address, prior, after, instance) ?? prior.value
    case .replace:
      guard let prior else { return create(type, address, after, instance) ?? .unknown() }
      if cbd {
        guard let created = create(type, address, after, instance, replacing: true) else { return prior.value }
        lock.lock()
        superseded.append((address, prior))
        lock.unlock()
        return created
      }
      guard delete(type, address, prior, instance: instance) else { return prior.value }
      return create(type, address, after, instance, replacing: true) ?? .unknown()
    case .delete, .noOp, .read:
      return prior?.value ?? .unknown()
    }
  }

  /// Records the object as pending before its create is sent, so a kill between GitLab's commit
  /// and the journal line leaves a trace the next refresh resolves (`findCreated`).
  private func markPending(_ address: InstanceAddress, _ planned: Value, _ instance: InstanceConfig) -> Bool {
    do {
      try applier.record(
        StateBridge.upsert(
          address, StateObject(value: planned, dependencies: instance.dependencies, pending: true),
          each: StateBridge.each(address.key)))
      return true
    } catch {
      fail(address, .create, "Failed to record \(address)", "\(error)", instance)
      return false
    }
  }

  private func create(
    _ type: any ResourceType, _ address: InstanceAddress, _ planned: Value, _ instance: InstanceConfig,
    replacing: Bool = false
  ) -> Value? {
    applier.observe(ApplyEvent(address: address, operation: .create, kind: .started, id: nil))
    let start = Date()
    do {
      let created = SensitiveMarks.apply(type.schema, to: try type.create(planned, context: applier.resourceContext))
      let object = StateObject(
        value: created, dependencies: instance.dependencies,
        createBeforeDestroy: instance.resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying)
      try store(address, object)
      lock.lock()
      counts.added += 1
      lock.unlock()
      applier.observe(ApplyEvent(address: address, operation: .create, kind: .completed(seconds: elapsed(start)), id: type.id(of: created)))
      return created
    } catch {
      fail(address, .create, "Failed to create \(address)", Refresher.describe(error), instance)
      return nil
    }
  }

  private func update(
    _ type: any ResourceType, _ address: InstanceAddress, _ prior: StateObject, _ planned: Value,
    _ instance: InstanceConfig
  ) -> Value? {
    applier.observe(ApplyEvent(address: address, operation: .update, kind: .started, id: type.id(of: prior.value)))
    let start = Date()
    do {
      let updated = SensitiveMarks.apply(type.schema, to: try type.update(prior: prior.value, planned: planned, context: applier.resourceContext))
      var object = prior
      object.value = updated
      object.dependencies = instance.dependencies
      try store(address, object)
      lock.lock()
      counts.changed += 1
      lock.unlock()
      applier.observe(ApplyEvent(address: address, operation: .update, kind: .completed(seconds: elapsed(start)), id: type.id(of: updated)))
      return updated
    } catch {
      fail(address, .update, "Failed to update \(address)", Refresher.describe(error), instance)
      return nil
    }
  }

  private func readData(_ instance: InstanceConfig) -> Value {
    guard let type = ResourceCatalog.dataSource(instance.address.resource.type) else { return .unknown() }
    applier.observe(ApplyEvent(address: instance.address, operation: .read, kind: .started, id: nil))
    let start = Date()
    do {
      let value = try type.read(instance.config, context: applier.resourceContext)
      applier.observe(ApplyEvent(address: instance.address, operation: .read, kind: .completed(seconds: elapsed(start)), id: value.string("id")))
      return value
    } catch {
      fail(instance.address, .read, "Failed to read \(instance.address)", Refresher.describe(error), instance)
      return .unknown(type.schema.objectType)
    }
  }

  // MARK: - Deletes

  /// Deletes what the plan removes and what replacements superseded, dependents first.
  func applyDeletes() {
    var pending: [(InstanceAddress, StateObject, Bool)] = superseded.map { ($0.0, $0.1, true) }
    for change in applier.plan.changes where change.action == .delete {
      if let object = state.objects[change.address] { pending.append((change.address, object, false)) }
    }
    // An object is deleted after every pending object that depends on its resource.
    var remaining = pending
    while !remaining.isEmpty {
      let resources = Set(remaining.map(\.0.resource))
      let ready = remaining.filter { candidate in
        !remaining.contains { other in
          other.0.resource != candidate.0.resource && other.1.dependencies.contains(candidate.0.resource)
            && resources.contains(other.0.resource)
        }
      }
      let batch = ready.isEmpty ? remaining : ready
      remaining.removeAll { item in batch.contains { $0.0 == item.0 && $0.2 == item.2 } }
      _ = ParallelWork.run(batch.count, limit: applier.parallelism) { index -> Bool in
        let (address, object, isSuperseded) = batch[index]
        guard let type = ResourceCatalog.managed(address.resource.type) else { return false }
        return self.delete(type, address, object, instance: nil, keepState: isSuperseded)
      }
    }
  }

  /// Deletes one object; `keepState` when a replacement already took its place in state.
  @discardableResult
  private func delete(
    _ type: any ResourceType, _ address: InstanceAddress, _ object: StateObject,
    instance: InstanceConfig?, keepState: Bool = false
  ) -> Bool {
    let id = type.id(of: object.value)
    applier.observe(ApplyEvent(address: address, operation: .delete, kind: .started, id: id))
    let start = Date()
    do {
      try type.delete(object.value, context: applier.resourceContext)
      if !keepState {
        try applier.record(.remove(address, deposed: nil))
        lock.lock()
        state.objects[address] = nil
        lock.unlock()
      }
      lock.lock()
      counts.destroyed += 1
      lock.unlock()
      applier.observe(ApplyEvent(address: address, operation: .delete, kind: .completed(seconds: elapsed(start)), id: id))
      return true
    } catch {
      fail(address, .delete, "Failed to destroy \(address)", Refresher.describe(error), instance)
      return false
    }
  }

  // MARK: - Bookkeeping

  private func store(_ address: InstanceAddress, _ object: StateObject) throws {
    try applier.record(StateBridge.upsert(address, object, each: StateBridge.each(address.key)))
    lock.lock()
    state.objects[address] = object
    lock.unlock()
  }

  private func fail(
    _ address: InstanceAddress, _ operation: ApplyOperation?, _ summary: String, _ detail: String,
    _ instance: InstanceConfig?
  ) {
    if let operation {
      applier.observe(ApplyEvent(address: address, operation: operation, kind: .failed, id: nil))
    }
    lock.lock()
    failed.insert(address.resource)
    diagnostics.append(.error(summary, detail: detail, subject: instance?.resource.block.definitionRange))
    lock.unlock()
  }

  private func elapsed(_ start: Date) -> Int { Int(Date().timeIntervalSince(start)) }

  func result(outputs: [String: Value]) -> ApplyResult {
    lock.lock()
    defer { lock.unlock() }
    var final = state
    final.outputs = outputs.filter { $0.value.isWhollyKnown }
    return ApplyResult(
      state: final, diagnostics: diagnostics, imported: counts.imported, added: counts.added,
      changed: counts.changed, destroyed: counts.destroyed)
  }
}
