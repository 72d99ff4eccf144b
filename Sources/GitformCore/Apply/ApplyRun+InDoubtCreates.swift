import Foundation

/// A create whose outcome is in doubt, resolved within the run: look at GitLab for what the
/// failed send made, adopt it, and complete it — or learn that nothing was made, so sending
/// again cannot make a second object.
///
/// The search is the one the next run's refresh would make (`findCreated`: a token by name,
/// owner and request time; a variable by key and scope). Every step is recorded before the
/// next request, so a kill at any point leaves the state knowing what may exist.
extension ApplyRun {
  /// After a send in doubt: what GitLab made for the create (the pending `intent`) or for the
  /// rotation of an adopted token (`made`), recorded in the state; nil when it made nothing.
  func resolveInDoubt(
    _ type: any ResourceType, _ address: InstanceAddress, intent: Value, made: Value?, _ instance: InstanceConfig
  ) throws -> Value? {
    let sought = made ?? intent
    // Two alike creates in doubt at once (`count = 2` of an account GitLab names) may both find
    // the same object first: the one that claims it second looks again, without it.
    var found: Value?
    for _ in 0..<ApplyRun.searchesPerClaim {
      guard let candidate = try type.findCreated(sought, claimed: claimedIDs(except: address), context: applier.resourceContext)
      else { break }
      if claim(type.id(of: candidate), for: address) {
        found = candidate
        break
      }
    }
    guard let found else {
      // Nothing (any more): the state goes back to the create's own pending record.
      if made != nil { try store(address, pendingObject(type, intent, instance)) }
      return nil
    }
    let marked = SensitiveMarks.apply(type.schema, to: found, carrying: intent)
    if lacksSecret(type, marked) {
      // A token whose value never reached gitform: known to exist, still pending its value.
      try store(address, pendingObject(type, marked, instance))
    } else {
      var object = pendingObject(type, marked, instance)
      object.pending = false
      try store(address, object)
    }
    return marked
  }

  /// The object GitLab made for this create, completed as `planned` asks: a token without its
  /// value is rotated once for one (as the next run's adoption would); any other object is
  /// updated where GitLab's differs from the configuration.
  func complete(
    _ type: any ResourceType, _ address: InstanceAddress, found: Value, _ planned: Value, _ instance: InstanceConfig
  ) throws -> Value {
    let context = applier.resourceContext
    if lacksSecret(type, found) {
      return try type.update(prior: type.rotationBase(found), planned: planned, context: context)
    }
    let differs = type.schema.attributes.contains { attribute in
      let wanted = planned[attribute: attribute.name]
      return attribute.isConfigurable && wanted.isKnown && !wanted.isNull
        && !found[attribute: attribute.name].sameContent(as: wanted)
    }
    return differs ? try type.update(prior: found, planned: planned, context: context) : found
  }

  /// True for a token GitLab made whose value gitform never received: it needs a rotation.
  func lacksSecret(_ type: any ResourceType, _ object: Value) -> Bool {
    guard type.rotatesOnUpdate, let secret = type.secret else { return false }
    return object[attribute: secret.name].isNull
  }

  /// The ids of every object the state holds at other addresses, deposed ones included: none of
  /// them can be what this create made.
  private func claimedIDs(except address: InstanceAddress) -> Set<String> {
    lock.lock()
    defer { lock.unlock() }
    var claimed = Set(adoptions.filter { $0.value != address }.keys)
    for (other, object) in state.objects where other != address {
      if let type = applier.configuration.catalog.managed(other.resource.type) { claimed.insert(type.id(of: object.value)) }
    }
    for (key, object) in state.deposed {
      if let type = applier.configuration.catalog.managed(key.address.resource.type) { claimed.insert(type.id(of: object.value)) }
    }
    claimed.remove("")
    return claimed
  }

  /// Takes `id` for `address`, unless a parallel create adopted it first.
  private func claim(_ id: String, for address: InstanceAddress) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if let holder = adoptions[id], holder != address { return false }
    adoptions[id] = address
    return true
  }

  /// How often a create in doubt looks again after a parallel create claimed what it found;
  /// bounded for a type whose search ignores what others claimed.
  static let searchesPerClaim = 8

  /// Why the last send is being repeated, for the wait announcement.
  static func reason(_ error: Error) -> String {
    guard let error = error as? GitLabError else { return "it failed" }
    if let status = error.status { return "HTTP \(status), GitLab may or may not have made it" }
    return error.code == .outcomeUnknown ? "no answer, GitLab may or may not have made it" : "GitLab could not be reached"
  }
}
