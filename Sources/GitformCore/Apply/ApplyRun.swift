import Foundation

/// The mutable part of one apply, shared by its worker threads behind a lock.
final class ApplyRun: @unchecked Sendable {
  let applier: Applier
  let lock = NSLock()
  var state: StateSnapshot
  var diagnostics: [Diagnostic] = []
  /// Resource blocks with a failed or skipped instance: their dependents are skipped.
  var failed: Set<ResourceAddress> = []
  /// What each failed or skipped resource depends on: a replaced object one of them depends on
  /// may still be in use (a variable still carrying the old token), so it is not deleted.
  var failedDependencies: Set<ResourceAddress> = []
  /// Old objects of create-before-destroy replacements (deposed), deleted at the end.
  var superseded: [(DeposedKey, StateObject)] = []
  var counts = (imported: 0, added: 0, changed: 0, destroyed: 0)
  /// Objects adopted by creates whose outcome was in doubt, by id: two creates of the same
  /// name never adopt one token.
  var adoptions: [String: InstanceAddress] = [:]
  let changes: [InstanceAddress: ResourceChange]

  init(applier: Applier) {
    self.applier = applier
    state = applier.plan.priorState
    changes = Dictionary(
      applier.plan.changes.filter { $0.deposedKey == nil }.map { ($0.address, $0) }, uniquingKeysWith: { a, _ in a })
  }

  func addDiagnostics(_ more: [Diagnostic]) {
    lock.lock()
    // The walker reports the validation problems `applyInstance` already recorded.
    diagnostics += more.filter { !diagnostics.contains($0) }
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

  func applyInstance(_ instance: InstanceConfig) -> Value {
    let address = instance.address
    lock.lock()
    let prior = state.objects[address]
    let blocked = instance.dependencies.first { failed.contains($0) }
    lock.unlock()
    guard let change = changes[address], change.action != .noOp else {
      return prior?.value ?? changes[address]?.after ?? .unknown()
    }
    if applier.isCancelled() {
      return prior?.value ?? .unknown()
    }
    if let blocked {
      fail(address, nil, "Skipped \(address)", "It depends on \(blocked), which could not be applied.", instance)
      return prior?.value ?? .unknown()
    }
    if instance.preconditionFailed { return skipForFailedPrecondition(instance, prior: prior) }
    if instance.resource.mode == .data {
      return readData(instance)
    }
    guard let type = applier.configuration.catalog.managed(address.resource.type) else { return .unknown() }
    // A value unknown at plan time is known now: check it before GitLab sees it, so a value
    // gitform knows is invalid (a masked secret, say) is never sent.
    let problems = type.validate(instance.config, ranges: instance.ranges).filter { $0.severity == .error }
    if !problems.isEmpty {
      lock.lock()
      failed.insert(address.resource)
      failed.insert(address.resource)
    failed.insert(address.resource.configAddress)
      failedDependencies.formUnion(instance.dependencies)
      diagnostics += problems.filter { !diagnostics.contains($0) }
      lock.unlock()
      return prior?.value ?? .unknown()
    }
    let planner = InstancePlanner(type: type, context: applier.resourceContext, today: applier.resourceContext.today)
    let fresh = planner.change(instance, prior: prior?.value, importID: nil, forceReplace: false)
    return perform(change.action, type, instance, prior: prior, planned: fresh.after ?? change.after ?? .unknown())
  }

  /// Carries out one planned action with the object re-planned now that what it depends on
  /// exists; returns the instance's value for the expressions that refer to it.
  private func perform(
    _ action: ChangeAction, _ type: any ResourceType, _ instance: InstanceConfig, prior: StateObject?, planned after: Value
  ) -> Value {
    let address = instance.address
    // Whatever the plan said, an object that is not (any more) in the state is made anew.
    guard let prior, action != .create else {
      guard action != .delete, action != .noOp, action != .read, action != .forget else { return prior?.value ?? .unknown() }
      guard markPending(type, address, after, instance) else { return .unknown() }
      return create(type, address, after, instance) ?? .unknown()
    }
    switch action {
    case .update:
      return update(type, address, prior, after, instance) ?? prior.value
    case .createThenDelete:
      // The old object stays in state as deposed until it is deleted, so a crash between
      // the two steps leaves it known and the next plan deletes it.
      let key = DeposedKey(address: address, key: ApplyRun.deposedKey())
      do {
        try applier.record(StateBridge.depose(key, prior))
      } catch {
        fail(address, .create, "Failed to record \(address)", "\(error)", instance)
        return prior.value
      }
      lock.lock()
      state.deposed[key] = prior
      superseded.append((key, prior))
      lock.unlock()
      guard markPending(type, address, after, instance),
        let created = create(type, address, after, instance, restoring: (key, prior))
      else { return prior.value }
      return created
    case .deleteThenCreate:
      guard delete(type, address, prior, instance: instance) else { return prior.value }
      guard markPending(type, address, after, instance) else { return .unknown() }
      return create(type, address, after, instance) ?? .unknown()
    case .create, .delete, .noOp, .read, .forget:
      return prior.value
    }
  }

  func update(
    _ type: any ResourceType, _ address: InstanceAddress, _ prior: StateObject, _ planned: Value,
    _ instance: InstanceConfig
  ) -> Value? {
    applier.observe(ApplyEvent(address: address, operation: .update, kind: .started, id: type.displayID(of: prior.value)))
    let start = Date()
    // A rotation's answer can be lost (a kill, a connection dropped after GitLab committed):
    // record the intent before the request, so the next refresh looks for the token GitLab
    // made (`findCreated`) instead of taking the old one for revoked outside gitform.
    let rotates = type.rotatesOnUpdate
    if rotates {
      var intent = prior
      intent.pending = true
      do {
        try store(address, intent)
      } catch {
        fail(address, .update, "Failed to record \(address)", "\(error)", instance)
        return nil
      }
    }
    // A token adopted without its value (`pending`) must rotate whatever the date.
    let base = rotates && prior.pending ? type.rotationBase(prior.value) : prior.value
    do {
      let updated = SensitiveMarks.apply(
        type.schema,
        to: try reportingProgress(address, .update, id: type.displayID(of: prior.value)) {
          try type.update(prior: base, planned: planned, context: applier.resourceContext)
        }, carrying: planned)
      var object = prior
      object.value = updated
      object.pending = false
      object.dependencies = instance.dependencies
      try store(address, object)
      lock.lock()
      counts.changed += 1
      lock.unlock()
      applier.observe(ApplyEvent(address: address, operation: .update, kind: .completed(seconds: elapsed(start)), id: type.displayID(of: updated)))
      return updated
    } catch {
      var detail = Refresher.describe(error)
      if rotates, (error as? GitLabError)?.code == .outcomeUnknown {
        let noun = type.secret?.noun ?? "object"
        detail += "\n\nGitLab may have rotated the \(noun). The next plan or apply looks for the \(noun) it made and adopts it."
      } else if rotates {
        try? store(address, prior)  // GitLab answered: nothing happened, the old token stands.
      }
      fail(address, .update, "Failed to update \(address)", detail, instance)
      return nil
    }
  }

  func readData(_ instance: InstanceConfig) -> Value {
    guard let type = applier.configuration.catalog.dataSource(instance.address.resource.type) else { return .unknown() }
    applier.observe(ApplyEvent(address: instance.address, operation: .read, kind: .started, id: nil))
    let start = Date()
    do {
      let value = try type.read(instance.config, context: applier.resourceContext)
      applier.observe(ApplyEvent(address: instance.address, operation: .read, kind: .completed(seconds: elapsed(start)), id: value[attribute: "id"].containsSensitive ? nil : value.string("id")))
      return value
    } catch where instance.resource.check != nil {
      // A check's data source only warns: nothing depends on it outside the check.
      addDiagnostics([.warning("Failed to read \(instance.address)", detail: Refresher.describe(error), subject: instance.resource.block.definitionRange)])
      return .unknown(type.schema.objectType)
    } catch {
      fail(instance.address, .read, "Failed to read \(instance.address)", Refresher.describe(error), instance)
      return .unknown(type.schema.objectType)
    }
  }

  // MARK: - Bookkeeping

  func store(_ address: InstanceAddress, _ object: StateObject) throws {
    try applier.record(StateBridge.upsert(address, object, each: StateBridge.each(address.key)))
    lock.lock()
    state.objects[address] = object
    lock.unlock()
  }

  func fail(
    _ address: InstanceAddress, _ operation: ApplyOperation?, _ summary: String, _ detail: String,
    _ instance: InstanceConfig?
  ) {
    if let operation {
      applier.observe(ApplyEvent(address: address, operation: operation, kind: .failed, id: nil))
    }
    lock.lock()
    failed.insert(address.resource.configAddress)
    failedDependencies.formUnion(instance?.dependencies ?? [])
    diagnostics.append(.error(summary, detail: detail, subject: instance?.resource.block.definitionRange))
    lock.unlock()
  }

  func elapsed(_ start: Date) -> Int { Int(Date().timeIntervalSince(start)) }

  /// Runs `body`, reporting "Still ..." every `progressInterval` seconds while it lasts.
  func reportingProgress<T>(
    _ address: InstanceAddress, _ operation: ApplyOperation, id: String?, deposed: String? = nil,
    _ body: () throws -> T
  ) rethrows -> T {
    let start = Date()
    let interval = applier.progressInterval
    let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
    let observe = applier.observe
    timer.schedule(deadline: .now() + interval, repeating: interval)
    timer.setEventHandler {
      observe(
        ApplyEvent(
          address: address, operation: operation,
          kind: .running(seconds: Int(Date().timeIntervalSince(start).rounded())), id: id, deposed: deposed))
    }
    timer.resume()
    defer { timer.cancel() }
    return try body()
  }

  /// A fresh 8-hex-digit key for a deposed object, as Terraform makes them.
  static func deposedKey() -> String {
    String(UInt32.random(in: 0...UInt32.max), radix: 16).leftPadded(to: 8)
  }

  func result(outputs: [String: Value]) -> ApplyResult {
    lock.lock()
    defer { lock.unlock() }
    var final = state
    final.outputs = outputs
    return ApplyResult(
      state: final, diagnostics: diagnostics, imported: counts.imported, added: counts.added,
      changed: counts.changed, destroyed: counts.destroyed)
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
