/// `gitform state list|show|rm|mv|pull`: inspect and edit the state without touching GitLab.
struct StateCommand: Command {
  static let name = "state"
  static let synopsis = "Advanced state management"
  static let help = """
    Usage: gitform [global options] state <subcommand> [options] [args]

      Inspect and change the state without changing anything in GitLab.

    Subcommands:
        list    List resources in the state
        mv      Move an item in the state
        pull    Print the state file (it holds token values: handle with care)
        push    Replace the state with a local state file (-force for another lineage)
        rm      Remove instances from the state (GitLab keeps them)
        show    Show a resource in the state

    Options:

      -state=path      The state file to use (default gitform.tfstate).
      -force           push: replace a state of another lineage or a newer serial.
      -lock=false      Don't hold a state lock during rm, mv and push.
      -lock-timeout=0s Duration to retry a state lock.

    """

  func run(_ arguments: [String], context: CommandContext) -> Int32 {
    guard let subcommand = arguments.first else {
      context.out(StateCommand.help)
      return 1
    }
    let rest = Array(arguments.dropFirst())
    let force = subcommand == "push" && rest.contains { $0 == "-force" || $0 == "--force" }
    let flags: EngineFlags
    switch EngineFlags.parse(subcommand == "push" ? rest.filter { $0 != "-force" && $0 != "--force" } : rest, accepts: [.state, .lock, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      context.err("\nError: Invalid option\n\n\(problem.message)\n")
      return 1
    }
    let session = EngineSession(context: context, flags: flags)
    switch subcommand {
    case "list": return list(session)
    case "show": return show(session)
    case "pull": return pull(session)
    case "rm": return remove(session)
    case "mv": return move(session)
    case "push": return push(session, force: force)
    default:
      context.err("\nError: Unknown state subcommand \"\(subcommand)\"\n\nUse one of: list, mv, pull, push, rm, show.\n")
      return 1
    }
  }

  private func addresses(_ session: EngineSession) -> [InstanceAddress]? {
    var result: [InstanceAddress] = []
    for text in session.flags.positional {
      do {
        result.append(try InstanceAddress.parse(text))
      } catch {
        _ = session.fail("Invalid address", error.description)
        return nil
      }
    }
    return result
  }

  private func list(_ session: EngineSession) -> Int32 {
    guard session.loadState(), let filters = addresses(session) else { return 1 }
    for address in session.state.instanceAddresses
    where filters.isEmpty || filters.contains(where: { $0 == address || ($0.key == nil && $0.resource == address.resource) }) {
      session.context.out(address.description + "\n")
    }
    return 0
  }

  private func show(_ session: EngineSession) -> Int32 {
    guard let targets = addresses(session), targets.count == 1 else {
      return session.fail("Exactly one argument expected", "The state show command needs one resource instance address, as in gitform state show user_token.ci.") ? 0 : 1
    }
    guard session.loadState() else { return 1 }
    guard let object = session.snapshot.objects[targets[0]] else {
      return session.fail("No instance found for the given address!", "This command requires that the address references one specific instance. Use gitform state list to see the addresses in the state.") ? 0 : 1
    }
    session.context.out(StateCommand.describe(targets[0], object.value))
    return 0
  }

  /// `# ADDR:` and the object as a resource block, secrets as `(sensitive value)`.
  static func describe(_ address: InstanceAddress, _ value: Value) -> String {
    var text = "# \(address):\nresource \"\(address.resource.type)\" \"\(address.resource.name)\" {\n"
    let attributes = (value.sortedAttributes ?? []).filter { !$0.value.isNull }
    let width = attributes.map(\.key.count).max() ?? 0
    for (name, attribute) in attributes {
      let shown = attribute.containsSensitive ? "(sensitive value)" : OutputCommand.literal(attribute)
      text += "    " + name.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + shown + "\n"
    }
    return text + "}\n"
  }

  private func pull(_ session: EngineSession) -> Int32 {
    guard session.loadState() else { return 1 }
    session.context.out(StateFile.encode(session.state))
    return 0
  }

  private func remove(_ session: EngineSession) -> Int32 {
    guard let targets = addresses(session), !targets.isEmpty else {
      return session.fail("At least one address is required", "Name the instances to forget, as in gitform state rm user_token.ci.") ? 0 : 1
    }
    guard session.lockState(operation: "state-rm"), session.loadState() else { return 1 }
    defer { session.unlock() }
    var next = session.snapshot
    var removed: [InstanceAddress] = []
    for target in targets {
      let matches = next.addresses.filter { $0 == target || (target.key == nil && $0.resource == target.resource) }
      if matches.isEmpty {
        return session.fail("Invalid target address", "No matching objects found. To view the available instances, use \"gitform state list\".") ? 0 : 1
      }
      for address in matches {
        next.objects[address] = nil
        removed.append(address)
      }
    }
    guard session.writeState(next) else { return 1 }
    for address in removed { session.context.out("Removed \(address)\n") }
    session.context.out("Successfully removed \(removed.count) resource instance(s).\n")
    return 0
  }

  private func move(_ session: EngineSession) -> Int32 {
    guard let targets = addresses(session), targets.count == 2 else {
      return session.fail("Exactly two arguments expected", "The state mv command needs a source and a destination address, as in gitform state mv user_token.a user_token.b.") ? 0 : 1
    }
    let (source, destination) = (targets[0], targets[1])
    guard source.resource.type == destination.resource.type else {
      return session.fail("Invalid state move request", "Cannot move \(source) to \(destination): the source and destination must have the same resource type.") ? 0 : 1
    }
    guard session.lockState(operation: "state-mv"), session.loadState() else { return 1 }
    defer { session.unlock() }
    var next = session.snapshot
    // A resource address without an index moves every instance of the resource, keys kept,
    // as `terraform state mv` does for a resource with count or for_each.
    let whole = source.key == nil && next.objects[source] == nil
    let moving = whole ? next.addresses.filter { $0.resource == source.resource } : next.objects[source] == nil ? [] : [source]
    guard !moving.isEmpty else {
      return session.fail("Invalid source address", "Cannot move \(source): it does not exist in the state.") ? 0 : 1
    }
    if whole && destination.key != nil {
      return session.fail("Invalid target address", "Cannot move \(source) to \(destination): a whole resource must move to a resource address without an index.") ? 0 : 1
    }
    let pairs = moving.map { ($0, whole ? InstanceAddress(resource: destination.resource, key: $0.key) : destination) }
    let occupied = whole ? next.addresses.contains { $0.resource == destination.resource } : next.objects[destination] != nil
    guard !occupied else {
      return session.fail("Invalid target address", "Cannot move to \(destination): there is already a resource instance at that address.") ? 0 : 1
    }
    let objects = pairs.map { next.objects[$0.0] }
    for (from, _) in pairs { next.objects[from] = nil }
    for ((_, to), object) in zip(pairs, objects) { next.objects[to] = object }
    for (key, object) in next.deposed {
      guard let (_, to) = pairs.first(where: { $0.0 == key.address }) else { continue }
      next.deposed[key] = nil
      next.deposed[DeposedKey(address: to, key: key.key)] = object
    }
    guard session.writeState(next) else { return 1 }
    session.context.out("Move \"\(source)\" to \"\(destination)\"\nSuccessfully moved 1 object(s).\n")
    return 0
  }
}
