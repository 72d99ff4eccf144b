/// `gitform import ADDR ID`: adopts an existing GitLab object into the state.
struct ImportCommand: Command {
  static let name = "import"
  static let synopsis = "Associate existing infrastructure with a gitform resource"
  static let help = """
    Usage: gitform [global options] import [options] ADDR ID

      Import existing GitLab objects into your gitform state. ADDR must name a
      resource block in the configuration; ID is the object's import id:
        user_token, impersonation_token   <user-id>:<token-id>
        project_token                     <project>:<token-id>
        group_token                       <group>:<token-id>
        project_variable                  <project>:<key>[:<environment_scope>]
        group_variable                    <group>:<key>[:<environment_scope>]
        instance_variable                 <key>
        user                              <user-id>
        user_ssh_key                      <user-id>:<key-id>
        user_email                        <user-id>:<email-id>
        service_account                   <user-id> or <group>:<user-id>
      GitLab never shows a token's value again, so an imported token has no value
      in the state until it is replaced or rotated.

    Options:

      -var 'foo=bar'      Set a value for one of the input variables.
      -var-file=filename  Load variable values from the given file.
      -lock=false         Don't hold a state lock during the operation.
      -lock-timeout=0s    Duration to retry a state lock.
      -no-color           If specified, output won't contain any color.
      -state=path         The state file to use (default gitform.tfstate).

    """

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.variables, .state, .lock, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    guard flags.positional.count == 2 else {
      throw .usage("Invalid number of arguments", "The import command expects two arguments: the resource address and the import id, as in\n  gitform import user_token.ci 12:345")
    }
    let (text, id) = (flags.positional[0], flags.positional[1])
    let session = EngineSession(context: context, flags: flags)
    return session.run { () throws(CommandFailure) -> Int32 in
      try importObject(text, id: id, session)
    }
  }

  /// The steps of an import once the flags are read; every failure is thrown to `session.run`.
  private func importObject(_ text: String, id: String, _ session: EngineSession) throws(CommandFailure) -> Int32 {
    let context = session.context
    let address: InstanceAddress
    do {
      address = try InstanceAddress.parse(text)
    } catch {
      throw CommandFailure("Invalid resource address", error.description)
    }
    try session.loadConfiguration()
    guard address.resource.mode == .managed,
      let resource = session.configuration.resourceBlock(address.resource),
      let type = ResourceCatalog.standard.managed(address.resource.type)
    else {
      throw CommandFailure(
        "Configuration for import target does not exist",
        "The configuration has no resource block for \(address.resource). Add one, for example:\n\nresource \"\(address.resource.type)\" \"\(address.resource.name)\" {\n  # (resource arguments)\n}")
    }
    try ImportCommand.checkModuleKeys(address, in: session.configuration)
    let expanded = resource.count != nil || resource.forEach != nil
    if expanded != (address.key != nil) {
      throw CommandFailure(
        "Invalid import address",
        expanded
          ? "\(address.resource) uses count or for_each, so the address must select an instance, as in \(address.resource)[\"key\"]."
          : "\(address.resource) uses neither count nor for_each, so the address must not have an index.")
    }
    let resources = try session.connect()
    try session.lockState(operation: "import")
    try session.loadState()
    if session.snapshot.objects[address] != nil {
      throw CommandFailure(
        "Resource already managed by gitform",
        "gitform is already managing a remote object for \(address). To import to this address you must first remove the existing object from the state.")
    }
    context.out(ImportView.importing(address, id: id))
    switch ImportReader(type: type, context: resources).read(id: id) {
    case .failure(let failure):
      throw CommandFailure("Cannot import \(address)", failure.description)
    case .success(let object):
      let managed = session.snapshot.objects.filter { $0.key.resource.type == type.name }.map { ($0.key, $0.value.value) }
      if let (holder, claim) = ObjectClaimCheck.holder(of: object, type: type, among: managed, sameOwner: { a, b in
        a.kind != .user && resources.sameNamespace(a.reference, b.reference, isGroup: a.kind == .group)
      }) {
        throw CommandFailure(
          "Resource already managed by gitform",
          "\(claim.description.prefix(1).uppercased() + claim.description.dropFirst()) is already managed as \(holder). One object managed at two addresses would be changed (or revoked) by each; to move it, use gitform state mv \(holder) \(address).")
      }
      context.out(ImportView.prepared(address, type: type.name) + RefreshProgressView.line(address, id: type.id(of: object)))
      var next = session.snapshot
      let (graph, _) = ConfigGraph.build(session.configuration)
      var dependencies = graph.resourceDependencies(of: .resource(address.resource))
      if let module = session.configuration.loadedModule(at: address.resource.module) {
        dependencies = module.graph.resourceDependencies(of: .resource(address.resource.local))
          .map { $0.inModule(address.resource.module) }
      }
      next.objects[address] = StateObject(
        value: object, dependencies: dependencies,
        createBeforeDestroy: resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying)
      try session.writeState(next)
      context.out(ImportView.successful(color: session.color))
      return 0
    }
  }

  /// Each module step's key must fit its call: a string with `for_each`, a number with
  /// `count`, none without either.
  static func checkModuleKeys(_ address: InstanceAddress, in root: Configuration) throws(CommandFailure) {
    var configuration = root
    for (index, step) in address.resource.module.enumerated() {
      guard let call = configuration.moduleCall(step.name), let module = call.module else { return }
      let fits: Bool
      switch step.key {
      case .string?: fits = call.forEach != nil
      case .int?: fits = call.count != nil
      case nil: fits = call.forEach == nil && call.count == nil
      }
      if !fits {
        let path = ModuleStep.path(Array(address.resource.module.prefix(index + 1)))
        throw CommandFailure(
          "Invalid import address",
          call.forEach != nil
            ? "module.\(step.name) uses for_each, so \(path) must select an instance by key, as in module.\(step.name)[\"key\"]."
            : call.count != nil
              ? "module.\(step.name) uses count, so \(path) must select an instance by index, as in module.\(step.name)[0]."
              : "module.\(step.name) uses neither count nor for_each, so \(path) must not have an index.")
      }
      configuration = module.configuration
    }
  }
}
