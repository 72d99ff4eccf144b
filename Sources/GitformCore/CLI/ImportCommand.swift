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

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    let flags: EngineFlags
    switch EngineFlags.parse(arguments, accepts: [.variables, .state, .lock, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      context.err("\nError: Invalid option\n\n\(problem.message)\n")
      return 1
    }
    guard flags.positional.count == 2 else {
      context.err("\nError: Invalid number of arguments\n\nThe import command expects two arguments: the resource address and the import id, as in\n  gitform import user_token.ci 12:345\n")
      return 1
    }
    let (text, id) = (flags.positional[0], flags.positional[1])
    let session = EngineSession(context: context, flags: flags)
    let address: InstanceAddress
    do {
      address = try InstanceAddress.parse(text)
    } catch {
      return session.fail("Invalid resource address", error.description) ? 0 : 1
    }
    guard session.loadConfiguration() else { return 1 }
    guard address.resource.mode == .managed,
      let resource = session.configuration.resource(.managed, address.resource.type, address.resource.name),
      let type = ResourceCatalog.managed(address.resource.type)
    else {
      return session.fail(
        "Configuration for import target does not exist",
        "The configuration has no resource block for \(address.resource). Add one, for example:\n\nresource \"\(address.resource.type)\" \"\(address.resource.name)\" {\n  # (resource arguments)\n}") ? 0 : 1
    }
    let expanded = resource.count != nil || resource.forEach != nil
    if expanded != (address.key != nil) {
      return session.fail(
        "Invalid import address",
        expanded
          ? "\(address.resource) uses count or for_each, so the address must select an instance, as in \(address.resource)[\"key\"]."
          : "\(address.resource) uses neither count nor for_each, so the address must not have an index.") ? 0 : 1
    }
    guard let resources = session.connect(), session.lockState(operation: "import"), session.loadState() else { return 1 }
    defer { session.unlock() }
    if session.snapshot.objects[address] != nil {
      return session.fail(
        "Resource already managed by gitform",
        "gitform is already managing a remote object for \(address). To import to this address you must first remove the existing object from the state.") ? 0 : 1
    }
    context.out("\(address): Importing from ID \(StringQuoting.quote(id, .go))...\n")
    switch ImportReader(type: type, context: resources).read(id: id) {
    case .failure(let failure):
      return session.fail("Cannot import \(address)", failure.description) ? 0 : 1
    case .success(let object):
      let managed = session.snapshot.objects.filter { $0.key.resource.type == type.name }.map { ($0.key, $0.value.value) }
      if let (holder, claim) = ObjectClaimCheck.holder(of: object, type: type, among: managed, sameOwner: { a, b in
        a.kind != .user && resources.sameNamespace(a.reference, b.reference, isGroup: a.kind == .group)
      }) {
        return session.fail(
          "Resource already managed by gitform",
          "\(claim.description.prefix(1).uppercased() + claim.description.dropFirst()) is already managed as \(holder). One object managed at two addresses would be changed (or revoked) by each; to move it, use gitform state mv \(holder) \(address).") ? 0 : 1
      }
      context.out("\(address): Import prepared!\n  Prepared \(type.name) for import\n")
      context.out("\(address): Refreshing state... [id=\(type.id(of: object))]\n")
      var next = session.snapshot
      let (graph, _) = ConfigGraph.build(session.configuration)
      next.objects[address] = StateObject(
        value: object, dependencies: graph.resourceDependencies(of: .resource(address.resource)),
        createBeforeDestroy: resource.lifecycle.createBeforeDestroy ?? type.createsBeforeDestroying)
      guard session.writeState(next) else { return 1 }
      context.out("\n" + (session.color ? "\u{1B}[1m\u{1B}[32mImport successful!\u{1B}[0m" : "Import successful!") + "\n\n")
      context.out("The resources that were imported are shown above. These resources are now in\nyour gitform state and will henceforth be managed by gitform.\n\n")
      return 0
    }
  }
}
