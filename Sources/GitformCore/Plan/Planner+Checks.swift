import Foundation

/// The planner's checks around the walk: administrator rights, imports, targeting,
/// prevent_destroy, tokens without a value, and output changes.
extension Planner {
  /// With a non-admin token, every admin-only resource is named before anything happens.
  func adminCheck(_ state: StateSnapshot) -> [Diagnostic] {
    var needing: [String] = []
    for resource in configuration.resourcesIncludingModules where resource.mode == .managed {
      if catalog.managed(resource.type)?.requiresAdministrator == true {
        needing.append(resource.address.description)
      }
    }
    for address in state.addresses where catalog.managed(address.resource.type)?.requiresAdministrator == true {
      needing.append(address.resource.description)
    }
    needing = Array(Set(needing)).sorted()
    guard !needing.isEmpty else { return [] }
    do {
      let user = try resourceContext.currentUser()
      guard user.isAdmin else {
        return [
          .error(
            "GitLab administrator required",
            detail: "The GitLab token belongs to \(user.username), who is not an administrator, but these resources can only be managed by an administrator: \(needing.joined(separator: ", ")). Use an administrator's token (provider \"gitlab\" token or GITLAB_TOKEN), or remove these resources.")
        ]
      }
      return []
    } catch {
      return [.error("Failed to query the GitLab user", detail: Refresher.describe(error))]
    }
  }

  /// Objects named by `import` blocks that are not in state yet, read from GitLab.
  func importObjects(_ state: StateSnapshot, into diagnostics: inout [Diagnostic]) -> (
    objects: [ResourceInstanceAddress: Value], ids: [ResourceInstanceAddress: String]
  ) {
    var objects: [ResourceInstanceAddress: Value] = [:]
    var ids: [ResourceInstanceAddress: String] = [:]
    guard !options.destroy else { return (objects, ids) }
    let context = ConfigWalker(
      configuration: configuration, graph: graph, variables: variables, context: evalContext
    ).context
    for entry in configuration.imports where state.objects[entry.to] == nil {
      let (value, problems) = Evaluator.evaluate(entry.id, in: context)
      diagnostics += problems
      guard problems.isEmpty, let id = value.stringValue else {
        if problems.isEmpty {
          diagnostics.append(.error("Invalid import id", detail: "The import id must be a known string.", subject: entry.id.range))
        }
        continue
      }
      // As Terraform: a sensitive id would be printed in progress lines and errors.
      if value.containsSensitive {
        diagnostics.append(.error("Invalid import id argument", detail: "The import ID cannot be sensitive.", subject: entry.id.range))
        continue
      }
      guard let type = catalog.managed(entry.to.resource.type) else { continue }
      switch ImportReader(type: type, context: resourceContext).read(id: id) {
      case .success(let object):
        objects[entry.to] = object
        ids[entry.to] = id
      case .failure(let message):
        diagnostics.append(.error("Cannot import \(entry.to)", detail: message.description, subject: entry.block.definitionRange))
      }
    }
    return (objects, ids)
  }

  /// Keeps the targeted instances and those they depend on (with -destroy: those that depend
  /// on them, which must go first, as Terraform does); the rest become no-ops. A target without
  /// a key names every instance of its resource. Dependencies are recorded per resource, so an
  /// instance depends on every instance of a resource it refers to.
  func applyTargets(_ changes: [ResourceChange]) -> [ResourceChange] {
    var instancesOf: [ResourceAddress: [ResourceInstanceAddress]] = [:]
    var dependenciesOf: [ResourceInstanceAddress: Set<ResourceAddress>] = [:]
    var dependentsOf: [ResourceAddress: [ResourceInstanceAddress]] = [:]
    for change in changes {
      instancesOf[change.address.resource, default: []].append(change.address)
      // A dependency read from the state names a module's resource without instance keys.
      if change.address.resource.configAddress != change.address.resource {
        instancesOf[change.address.resource.configAddress, default: []].append(change.address)
      }
      dependenciesOf[change.address, default: []].formUnion(change.dependencies)
      for dependency in Set(change.dependencies) { dependentsOf[dependency, default: []].append(change.address) }
    }
    var wanted = Set(changes.filter { options.isTargeted($0.address, by: options.targets) }.map(\.address))
    var stack = Array(wanted)
    while let next = stack.popLast() {
      let related =
        options.destroy
        ? (dependentsOf[next.resource] ?? []) + (next.resource.module.isEmpty ? [] : dependentsOf[next.resource.configAddress] ?? [])
        : (dependenciesOf[next] ?? []).flatMap { instancesOf[$0] ?? [] }
      for address in related where wanted.insert(address).inserted {
        stack.append(address)
      }
    }
    return changes.map { change in
      guard !wanted.contains(change.address) else { return change }
      var kept = change
      kept.action = .noOp
      kept.after = change.before
      return kept
    }
  }

  func preventDestroyCheck(_ changes: [ResourceChange]) -> [Diagnostic] {
    changes.compactMap { change in
      guard change.action == .delete || change.action.isReplace,
        let resource = configuration.resourceBlock(change.address.resource),
        resource.lifecycle.preventDestroy
      else { return nil }
      return .error(
        "Instance cannot be destroyed",
        detail: "Resource \(change.address) has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the -target option.",
        subject: resource.block.definitionRange)
    }
  }

  /// Two instances that would manage one GitLab object (see `ObjectClaimCheck`).
  func claimConflicts(
    _ changes: [ResourceChange], instances: [ResourceInstanceAddress: InstanceConfig]
  ) -> [Diagnostic] {
    let entries = changes.compactMap { change -> ObjectClaimCheck.Entry? in
      guard change.action != .delete, change.address.resource.mode == .managed, let after = change.after,
        let type = catalog.managed(change.address.resource.type),
        let instance = instances[change.address]
      else { return nil }
      return ObjectClaimCheck.Entry(
        address: change.address, type: type, planned: after, range: instance.resource.block.definitionRange)
    }
    return ObjectClaimCheck.diagnostics(entries) { a, b in
      a.kind != .user && resourceContext.sameNamespace(a.reference, b.reference, isGroup: a.kind == .group)
    }
  }

  /// A new object's project, group or user must exist (and be visible to the token) before
  /// apply starts: otherwise the create fails halfway through the run. Checked with refresh,
  /// once per owner; `-refresh=false` plans without reading GitLab.
  func ownerCheck(_ change: ResourceChange, _ instance: InstanceConfig, type: any ResourceType) -> [Diagnostic] {
    guard options.refresh, change.action == .create || change.action.isReplace, let after = change.after,
      let owner = type.owner(of: after), let problem = resourceContext.problem(with: owner)
    else { return [] }
    return [
      .error(
        "\(owner.kind.rawValue.prefix(1).uppercased() + owner.kind.rawValue.dropFirst()) not found",
        detail: "\(change.address) cannot be created: \(problem) Check \(owner.attribute), and that the "
          + "token can see the \(owner.kind.rawValue).",
        subject: instance.ranges.range(of: owner.attribute))
    ]
  }

  /// Tokens left expired or revoked because their fixed `expires_at` has passed: said on every
  /// plan until the configuration changes, since the plan itself shows nothing to do.
  func unrenewableWarnings(_ changes: [ResourceChange]) -> [Diagnostic] {
    let today = resourceContext.today
    return changes.compactMap { change in
      guard change.action == .noOp, change.deposedKey == nil, let before = change.before, let after = change.after,
        let type = catalog.managed(change.address.resource.type),
        let stuck = type.unrenewable(prior: before, config: after, today: today)
      else { return nil }
      return .warning("\(change.address) \(stuck.state) and cannot be renewed", detail: stuck.advice)
    }
  }

  /// Objects whose secret GitLab sent once and gitform never received (an imported token):
  /// say so instead of letting a variable silently get null — but only for objects whose secret
  /// something reads, or the warning would repeat on every plan for one adopted just to be managed.
  func missingSecretWarnings(_ changes: [ResourceChange]) -> [Diagnostic] {
    let lacking = changes.compactMap { change -> (ResourceChange, SecretAttribute)? in
      guard change.action == .noOp || change.action == .update,
        let secret = catalog.managed(change.address.resource.type)?.secret,
        let after = change.after, after.attributes?[secret.name] != nil, after[attribute: secret.name].isNull
      else { return nil }
      return (change, secret)
    }
    // Which expressions read a secret is asked only when some secret is missing.
    guard !lacking.isEmpty else { return [] }
    let readers = secretReaders()
    var moduleReaders: [[String]: Set<ResourceAddress>] = [:]
    return lacking.compactMap { change, secret in
      let resource = change.address.resource
      if resource.module.isEmpty {
        guard readers.contains(resource) else { return nil }
      } else {
        // A module's resource is read by its own module's expressions.
        let path = resource.module.map(\.name)
        if moduleReaders[path] == nil {
          moduleReaders[path] = configuration.loadedModule(at: resource.module).map { secretReaders(in: $0.configuration) } ?? []
        }
        guard moduleReaders[path]?.contains(resource.local) == true else { return nil }
      }
      return .warning(
        "\(change.address) has no \(secret.name) value",
        detail: "\(Planner.secretNeverShown(secret)) references to \(change.address).\(secret.name) are null. "
          + "Replace the \(secret.noun) (gitform apply -replace=\(change.address)) to get a value gitform can pass on.")
    }
  }

  /// "GitLab shows a token's value only when the token is created or rotated, so an imported
  /// token's value is not in the state:"
  static func secretNeverShown(_ secret: SecretAttribute) -> String {
    "GitLab shows a \(secret.noun)'s value only when the \(secret.noun) is created or rotated, so an "
      + "imported \(secret.noun)'s value is not in the state:"
  }

  /// Resources whose secret an expression of the configuration reads — or may read: a
  /// reference to the whole resource (`user_token.all`, a splat, `values(...)`) counts.
  func secretReaders() -> Set<ResourceAddress> { secretReaders(in: configuration) }

  /// The same for one module's configuration, by the addresses its blocks have in it.
  func secretReaders(in configuration: Configuration) -> Set<ResourceAddress> {
    var expressions: [Expression] = configuration.resources.flatMap { resource in
      resource.block.body.items.flatMap { ReferenceChecker.expressions(in: $0) }
    }
    expressions += configuration.outputs.map(\.value) + configuration.locals.map(\.expression)
    if let provider = configuration.provider {
      expressions += [provider.baseURL, provider.token, provider.insecure, provider.caCertificateFile].compactMap { $0 }
    }
    var readers: Set<ResourceAddress> = []
    for expression in expressions {
      for reference in Reference.all(in: expression, catalog: catalog) {
        guard case .resource(let address) = reference.subject, address.mode == .managed,
          let secret = catalog.managed(address.type)?.secret,
          reference.attributeName == nil || reference.attributeName == secret.name
        else { continue }
        readers.insert(address)
      }
    }
    return readers
  }

  /// A required argument whose value turned out null (most often an imported token's `token`,
  /// which GitLab never shows again) would fail at apply; say so now, naming where it comes from.
  func nullRequiredCheck(_ instance: InstanceConfig, type: any ResourceType) -> [Diagnostic] {
    type.schema.attributes.compactMap { attribute in
      guard attribute.presence == .required, instance.config[attribute: attribute.name].isNull,
        let expression = instance.resource.block.body.attributes.first(where: { $0.name == attribute.name })?.expression
      else { return nil }
      let sources = expression.references.compactMap { traversal -> (String, SecretAttribute)? in
        guard case .resource(let address)? = Reference(traversal, catalog: catalog)?.subject, address.mode == .managed,
          let secret = catalog.managed(address.type)?.secret,
          traversal.steps.contains(where: { if case .attribute(secret.name) = $0.kind { return true } else { return false } })
        else { return nil }
        return (address.inModule(instance.address.resource.module).description, secret)
      }
      var detail = "The argument \"\(attribute.name)\" of \(instance.address) is required, but its value is null."
      if let (source, secret) = sources.first {
        detail += " It comes from \(source).\(secret.name), which has no value: \(Planner.secretNeverShown(secret).dropLast()). "
          + "Replace the \(secret.noun) (gitform apply -replace=\(source)) to get a value gitform can pass on."
      }
      return .error("Missing value for \(attribute.name)", detail: detail, subject: instance.ranges.range(of: attribute.name))
    }
  }

  func outputChanges(state: StateSnapshot, outputs: [String: Value]) -> [OutputChange] {
    var result: [OutputChange] = []
    for name in Set(state.outputs.keys).union(outputs.keys).sorted() {
      let before = state.outputs[name]
      let after = options.destroy ? nil : outputs[name]
      // A targeted run never removes outputs (see `Plan.outputsToRecord`).
      if !options.targets.isEmpty && after == nil { continue }
      switch (before, after) {
      case (nil, let after?): result.append(OutputChange(name: name, action: .create, before: nil, after: after))
      case (let before?, nil): result.append(OutputChange(name: name, action: .delete, before: before, after: nil))
      case (let before?, let after?):
        if !after.isWhollyKnown || !ValueComparison.same(before, after) {
          result.append(OutputChange(name: name, action: .update, before: before, after: after))
        }
      case (nil, nil): break
      }
    }
    return result
  }
}
