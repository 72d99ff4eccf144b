/// Converts between the state file's model (`State`, JSON attributes) and the engine's values
/// (`StateSnapshot`), using each type's schema (`schemas`: the catalog's, by type name; nil for a
/// type gitform does not know).
///
/// Sensitive marks come back from `sensitive_attributes` and from the schema; objects of an
/// unknown type or with attributes that do not fit the schema are errors, never guesses.
public enum StateBridge {
  public static func snapshot(_ state: State, schemas: (String) -> ResourceSchema?) -> (StateSnapshot, [Diagnostic]) {
    var snapshot = StateSnapshot()
    var diagnostics: [Diagnostic] = []
    for resource in state.resources where resource.mode == .managed {
      guard let schema = schemas(resource.type) else {
        diagnostics.append(
          .error(
            "Unsupported resource type in state",
            detail: "The state has \(resource.address), but gitform does not know the type \(Value.quoted(resource.type)). Remove it with gitform state rm \(resource.address) if it is no longer needed."))
        continue
      }
      for instance in resource.instances {
        let address = InstanceAddress(resource: resource.address, key: instance.indexKey)
        guard var value = ValueJSON.value(instance.attributes, as: schema.objectType) else {
          diagnostics.append(
            .error(
              "Invalid object in state",
              detail: "The attributes of \(address) in the state do not match the \(resource.type) schema."))
          continue
        }
        let sensitive = Set(instance.sensitiveAttributes.compactMap { path -> String? in
          if case .attribute(let name)? = path.steps.first { return name }
          return nil
        })
        if var attributes = value.attributes {
          for name in sensitive { attributes[name] = attributes[name]?.marked(sensitive: true) }
          value = .object(attributes)
        }
        value = SensitiveMarks.apply(schema, to: value)
        let object = StateObject(
          value: value,
          dependencies: instance.dependencies.compactMap {
            (try? ResourceAddress.parse($0)).map { $0.resolved(from: address.resource.module) }
          },
          createBeforeDestroy: instance.createBeforeDestroy, pending: instance.status == .tainted)
        if let deposed = instance.deposed {
          snapshot.deposed[DeposedKey(address: address, key: deposed)] = object
        } else {
          snapshot.objects[address] = object
        }
      }
    }
    for (name, output) in state.outputs {
      let type = ValueJSON.type(output.type)
      let value = ValueJSON.value(output.value, as: type) ?? ValueJSON.inferred(output.value)
      snapshot.outputs[name] = value.marked(sensitive: output.sensitive)
    }
    return (snapshot, diagnostics)
  }

  /// The journal entry that records `object` at `address`.
  public static func upsert(_ address: InstanceAddress, _ object: StateObject, each: ResourceState.Each?) -> JournalEntry {
    .upsert(resource: ResourceState(address: address.resource, each: each), instance: instance(address, object))
  }

  /// The journal entry that keeps a replaced object until it is deleted.
  public static func depose(_ key: DeposedKey, _ object: StateObject) -> JournalEntry {
    var instance = instance(key.address, object)
    instance.deposed = key.key
    return .upsert(resource: ResourceState(address: key.address.resource, each: each(key.address.key)), instance: instance)
  }

  static func instance(_ address: InstanceAddress, _ object: StateObject) -> ResourceInstance {
    var sensitive: [AttributePath] = []
    for (name, value) in object.value.sortedAttributes ?? [] where value.containsSensitive {
      sensitive.append(.attributes(name))
    }
    return ResourceInstance(
      indexKey: address.key, status: object.pending ? .tainted : nil, attributes: ValueJSON.json(object.value),
      sensitiveAttributes: sensitive, dependencies: StateBridge.dependencyNames(object.dependencies),
      createBeforeDestroy: object.createBeforeDestroy)
  }

  /// Dependencies as Terraform writes them: sorted, a module's resource without its module
  /// instance keys (`module.team.project_token.deploy`), each name once.
  static func dependencyNames(_ dependencies: [ResourceAddress]) -> [String] {
    guard dependencies.contains(where: { !$0.module.isEmpty }) else { return dependencies.map(\.description).sorted() }
    return Set(dependencies.map(\.configAddress.description)).sorted()
  }

  /// `each` of a resource: list for count keys, map for for_each keys.
  static func each(_ key: InstanceKey?) -> ResourceState.Each? {
    switch key {
    case .int?: return .list
    case .string?: return .map
    case nil: return nil
    }
  }

  /// Writes `snapshot` into `state` (resources and outputs replaced), keeping lineage and serial.
  public static func apply(
    _ snapshot: StateSnapshot, to state: State, schemas: (String) -> ResourceSchema?
  ) -> State {
    var next = state
    next.resources = state.resources.filter { $0.mode == .data || schemas($0.type) == nil }
    for address in snapshot.addresses {
      guard let object = snapshot.objects[address] else { continue }
      upsert(address, object, each: each(address.key)).apply(to: &next)
    }
    for key in snapshot.deposed.keys.sorted() {
      guard let object = snapshot.deposed[key] else { continue }
      depose(key, object).apply(to: &next)
    }
    next.outputs = [:]
    for (name, value) in snapshot.outputs where value.isWhollyKnown {
      next.outputs[name] = OutputState(
        value: ValueJSON.json(value), type: ValueJSON.typeJSON(value.type), sensitive: value.containsSensitive)
    }
    return next.normalized()
  }
}
