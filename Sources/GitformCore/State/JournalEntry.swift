/// One completed apply action as recorded in the journal: an object was written to, or removed
/// from, the state.
///
/// Entries are absolute (the whole object, not a delta), so folding them is idempotent: applying
/// a journal twice gives the same state as applying it once. That is what makes recovery after a
/// crash between "state written" and "journal deleted" safe.
public enum JournalEntry: Equatable, Sendable {
  /// Record `instance` under `resource` (whose `instances` are ignored).
  case upsert(resource: ResourceState, instance: ResourceInstance)
  /// Forget the object of `address` (the current one, or the deposed one with that key).
  case remove(InstanceAddress, deposed: String?)

  /// Applies the entry to `state`.
  public func apply(to state: inout State) {
    switch self {
    case .upsert(let resource, let instance): state.upsert(instance, in: resource)
    case .remove(let address, let deposed): state.remove(address, deposed: deposed)
    }
  }

  // MARK: - Journal line encoding

  var json: JSON {
    switch self {
    case .upsert(let resource, let instance):
      var header = resource
      header.instances = []
      guard case .object(var resourceMembers) = StateFile.json(header) else { return .null }
      resourceMembers.removeAll { $0.key == "instances" }
      return .object([
        ("op", .string("upsert")), ("resource", .object(resourceMembers)),
        ("instance", StateFile.json(instance.normalized())),
      ])
    case .remove(let address, let deposed):
      var members: [(key: String, value: JSON)] = [
        ("op", .string("remove")), ("address", .string(address.description)),
      ]
      if let deposed { members.append(("deposed", .string(deposed))) }
      return .object(members)
    }
  }

  /// Decodes a journal line's JSON; `decoder` names the journal file in errors.
  static func decode(_ value: JSON, decoder: StateDecoder, field: String) throws(StateError) -> JournalEntry {
    switch value["op"]?.stringValue {
    case "upsert"?:
      guard case .object(var resourceMembers)? = value["resource"], let instanceValue = value["instance"] else {
        throw decoder.invalid(field, "must have a \"resource\" and an \"instance\"")
      }
      resourceMembers.append(("instances", .array([])))
      let resource = try decoder.resourceHeader(.object(resourceMembers), field: field + ".resource")
      let instance = try decoder.instance(instanceValue, field: field + ".instance")
      return .upsert(resource: resource, instance: instance)
    case "remove"?:
      let text = try decoder.string(value["address"], field: field + ".address")
      let address: InstanceAddress
      do {
        address = try InstanceAddress.parse(text)
      } catch {
        throw decoder.invalid(field + ".address", "must be an instance address (\(error.reason))")
      }
      var deposed: String?
      if let deposedValue = value["deposed"] { deposed = try decoder.string(deposedValue, field: field + ".deposed") }
      return .remove(address, deposed: deposed)
    default:
      throw decoder.invalid(field + ".op", "must be \"upsert\" or \"remove\"")
    }
  }
}
