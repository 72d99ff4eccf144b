/// Reads every managed object of a state from GitLab, batched by owner and in parallel.
///
/// Objects of one type with the same `refreshKey` (a user's tokens, a project's variables) are
/// read with one list request per page; the batches run `parallelism` at a time. A failed batch
/// leaves its objects as they were, with one diagnostic per object — or one per project, group
/// or user the token cannot see (`RefreshFailures`).
struct Refresher {
  let context: ResourceContext
  let parallelism: Int
  var catalog: ResourceCatalog = .standard
  /// Told of each object's read as it begins and ends (see `RefreshEvent`); nil for none.
  var observe: (@Sendable (RefreshEvent) -> Void)? = nil

  struct Outcome {
    var state: StateSnapshot
    var drift: [DriftEntry]
    var diagnostics: [Diagnostic]
  }

  func refresh(_ state: StateSnapshot, only addresses: Set<ResourceInstanceAddress>? = nil) -> Outcome {
    var batches: [(type: any ResourceType, addresses: [ResourceInstanceAddress])] = []
    var batchIndex: [String: Int] = [:]
    for address in state.addresses {
      if let addresses, !addresses.contains(address) { continue }
      guard let object = state.objects[address], let type = catalog.managed(address.resource.type) else { continue }
      if object.pending { continue }
      if let key = type.refreshKey(of: object.value) {
        let fullKey = type.name + "\u{0}" + key
        if let index = batchIndex[fullKey] {
          batches[index].addresses.append(address)
        } else {
          batchIndex[fullKey] = batches.count
          batches.append((type, [address]))
        }
      } else {
        batches.append((type, [address]))
      }
    }
    if let observe {
      let pending = state.addresses.filter { address in
        (addresses?.contains(address) ?? true) && state.objects[address]?.pending == true
          && catalog.managed(address.resource.type) != nil
      }
      observe(.reading((batches.flatMap(\.addresses) + pending).sorted()))
    }
    let results = ParallelWork.run(batches.count, limit: parallelism) { index -> Result<[Value?], Error> in
      let batch = batches[index]
      let priors = batch.addresses.compactMap { state.objects[$0]?.value }
      reportStart(batch.addresses, type: batch.type, in: state)
      defer { batch.addresses.forEach { observe?(.finished($0)) } }
      // One object alone costs one GET; listing its owner could cost several pages.
      if priors.count == 1 { return Result { [try batch.type.read(priors[0], context: context)] } }
      return Result { try batch.type.readAll(priors, context: context) }
    }
    var outcome = Outcome(state: state, drift: [], diagnostics: [])
    var failures: [(address: ResourceInstanceAddress, error: Error)] = []
    for (batch, result) in zip(batches, results) {
      switch result {
      case .failure(let error):
        failures += batch.addresses.map { ($0, error) }
      case .success(let values):
        for (address, value) in zip(batch.addresses, values) {
          guard let prior = state.objects[address] else { continue }
          if let value {
            let marked = SensitiveMarks.apply(batch.type.schema, to: value, carrying: prior.value)
            outcome.state.objects[address]?.value = marked
            if !ValueComparison.same(marked, prior.value) {
              outcome.drift.append(DriftEntry(address: address, before: prior.value, after: marked))
            }
          } else {
            outcome.state.objects[address] = nil
            outcome.drift.append(DriftEntry(address: address, before: prior.value, after: nil))
          }
        }
      }
    }
    adoptPending(&outcome, only: addresses, failures: &failures)
    outcome.diagnostics += RefreshFailures.diagnostics(failures)
    outcome.drift.sort { $0.address < $1.address }
    return outcome
  }

  /// Objects whose create or rotation was interrupted: adopt what GitLab made, or forget them.
  private func adoptPending(
    _ outcome: inout Outcome, only addresses: Set<ResourceInstanceAddress>?,
    failures: inout [(address: ResourceInstanceAddress, error: Error)]
  ) {
    // Deposed objects are claimed too: the old token of an interrupted replacement is still
    // active under the same name, and adopting it as the new one would revoke it twice over.
    let held = outcome.state.objects.map { ($0.key, $0.value) } + outcome.state.deposed.map { ($0.key.address, $0.value) }
    var claimed = Set(held.compactMap { address, object -> String? in
      guard !object.pending, let type = catalog.managed(address.resource.type) else { return nil }
      return type.id(of: object.value)
    })
    for address in outcome.state.addresses {
      if let addresses, !addresses.contains(address) { continue }
      guard let object = outcome.state.objects[address], object.pending,
        let type = catalog.managed(address.resource.type)
      else { continue }
      reportStart([address], type: type, in: outcome.state)
      defer { observe?(.finished(address)) }
      do {
        if let found = try type.findCreated(object.value, claimed: claimed, context: context) {
          let marked = type.adopted(
            SensitiveMarks.apply(type.schema, to: found, carrying: object.value), pending: object.value)
          outcome.state.objects[address]?.value = marked
          // Still pending only when a secret GitLab sends once was lost (a token's value).
          outcome.state.objects[address]?.pending = type.secret.map { marked[attribute: $0.name].isNull } ?? false
          claimed.insert(type.id(of: marked))
        } else {
          outcome.state.objects[address] = nil
        }
      } catch {
        failures.append((address, error))
      }
    }
  }

  private func reportStart(_ addresses: [ResourceInstanceAddress], type: any ResourceType, in state: StateSnapshot) {
    guard let observe else { return }
    for address in addresses {
      observe(.started(address, id: state.objects[address].flatMap { type.displayID(of: $0.value) }))
    }
  }

  /// An operational error as one message (GitLab errors are already free of secrets).
  static func describe(_ error: Error) -> String {
    if let error = error as? GitLabError { return error.message }
    return "\(error)"
  }
}
