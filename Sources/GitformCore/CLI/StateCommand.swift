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

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
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
      throw .usage("Invalid option", problem.message)
    }
    let steps: (EngineSession) throws(CommandFailure) -> Int32
    switch subcommand {
    case "list": steps = list
    case "show": steps = show
    case "pull": steps = pull
    case "rm": steps = remove
    case "mv": steps = move
    case "push": steps = { session throws(CommandFailure) in try push(session, force: force) }
    default:
      throw .usage("Unknown state subcommand \"\(subcommand)\"", "Use one of: list, mv, pull, push, rm, show.")
    }
    let session = EngineSession(context: context, flags: flags)
    return session.run { () throws(CommandFailure) -> Int32 in try steps(session) }
  }

  private func addresses(_ session: EngineSession) throws(CommandFailure) -> [InstanceAddress] {
    var result: [InstanceAddress] = []
    for text in session.flags.positional {
      do {
        result.append(try InstanceAddress.parse(text, allowingModule: true))
      } catch {
        throw CommandFailure("Invalid address", error.description)
      }
    }
    return result
  }

  /// Whether `address` is `filter`, an instance of it, or in the module instance it names.
  private static func matches(_ filter: InstanceAddress, _ address: InstanceAddress) -> Bool {
    if filter.resource.isModuleOnly { return ModuleStep.contains(filter.resource.module, address.resource.module) }
    return filter == address || (filter.key == nil && filter.resource == address.resource)
  }

  private func list(_ session: EngineSession) throws(CommandFailure) -> Int32 {
    try session.loadState()
    let filters = try addresses(session)
    for address in session.state.instanceAddresses
    where filters.isEmpty || filters.contains(where: { StateCommand.matches($0, address) }) {
      session.context.out(address.description + "\n")
    }
    return 0
  }

  private func show(_ session: EngineSession) throws(CommandFailure) -> Int32 {
    let targets = try addresses(session)
    guard targets.count == 1 else {
      throw CommandFailure("Exactly one argument expected", "The state show command needs one resource instance address, as in gitform state show user_token.ci.")
    }
    try session.loadState()
    guard let object = session.snapshot.objects[targets[0]] else {
      throw CommandFailure("No instance found for the given address!", "This command requires that the address references one specific instance. Use gitform state list to see the addresses in the state.")
    }
    session.context.out(StateView.describe(targets[0], object.value))
    return 0
  }

  private func pull(_ session: EngineSession) throws(CommandFailure) -> Int32 {
    try session.loadState()
    session.context.out(StateFile.encode(session.state))
    return 0
  }

  private func remove(_ session: EngineSession) throws(CommandFailure) -> Int32 {
    let targets = try addresses(session)
    guard !targets.isEmpty else {
      throw CommandFailure("At least one address is required", "Name the instances to forget, as in gitform state rm user_token.ci.")
    }
    try session.lockState(operation: "state-rm")
    try session.loadState()
    var next = session.snapshot
    var removed: [InstanceAddress] = []
    for target in targets {
      let matches = next.addresses.filter { StateCommand.matches(target, $0) }
      if matches.isEmpty {
        throw CommandFailure("Invalid target address", "No matching objects found. To view the available instances, use \"gitform state list\".")
      }
      for address in matches {
        next.objects[address] = nil
        removed.append(address)
      }
    }
    try session.writeState(next)
    session.context.out(StateView.removed(removed))
    return 0
  }

  private func move(_ session: EngineSession) throws(CommandFailure) -> Int32 {
    let targets = try addresses(session)
    guard targets.count == 2 else {
      throw CommandFailure("Exactly two arguments expected", "The state mv command needs a source and a destination address, as in gitform state mv user_token.a user_token.b.")
    }
    let (source, destination) = (targets[0], targets[1])
    if source.resource.isModuleOnly || destination.resource.isModuleOnly {
      return try moveModule(source, to: destination, session)
    }
    guard source.resource.type == destination.resource.type else {
      throw CommandFailure("Invalid state move request", "Cannot move \(source) to \(destination): the source and destination must have the same resource type.")
    }
    try session.lockState(operation: "state-mv")
    try session.loadState()
    var next = session.snapshot
    // A resource address without an index moves every instance of the resource, keys kept,
    // as `terraform state mv` does for a resource with count or for_each.
    let whole = source.key == nil && next.objects[source] == nil
    let moving = whole ? next.addresses.filter { $0.resource == source.resource } : next.objects[source] == nil ? [] : [source]
    guard !moving.isEmpty else {
      throw CommandFailure("Invalid source address", "Cannot move \(source): it does not exist in the state.")
    }
    if whole && destination.key != nil {
      throw CommandFailure("Invalid target address", "Cannot move \(source) to \(destination): a whole resource must move to a resource address without an index.")
    }
    let pairs = moving.map { ($0, whole ? InstanceAddress(resource: destination.resource, key: $0.key) : destination) }
    let occupied = whole ? next.addresses.contains { $0.resource == destination.resource } : next.objects[destination] != nil
    guard !occupied else {
      throw CommandFailure("Invalid target address", "Cannot move to \(destination): there is already a resource instance at that address.")
    }
    let objects = pairs.map { next.objects[$0.0] }
    for (from, _) in pairs { next.objects[from] = nil }
    for ((_, to), object) in zip(pairs, objects) { next.objects[to] = object }
    for (key, object) in next.deposed {
      guard let (_, to) = pairs.first(where: { $0.0 == key.address }) else { continue }
      next.deposed[key] = nil
      next.deposed[DeposedKey(address: to, key: key.key)] = object
    }
    try session.writeState(next)
    session.context.out(StateView.moved(source, to: destination))
    return 0
  }

  /// `state mv module.a module.b` (or one instance, `module.a["x"]`): everything in the module
  /// instance moves under the new one, as `terraform state mv` moves a module.
  private func moveModule(
    _ source: InstanceAddress, to destination: InstanceAddress, _ session: EngineSession
  ) throws(CommandFailure) -> Int32 {
    guard source.resource.isModuleOnly, destination.resource.isModuleOnly else {
      throw CommandFailure("Invalid state move request", "Cannot move \(source) to \(destination): a module moves only to another module address.")
    }
    try session.lockState(operation: "state-mv")
    try session.loadState()
    var next = session.snapshot
    let from = MoveEndpoint(resource: source.resource, key: nil, isInstance: false)
    let to = MoveEndpoint(resource: destination.resource, key: nil, isInstance: false)
    let pairs = next.addresses.compactMap { address in from.destination(of: address, to: to).map { (address, $0) } }
    guard !pairs.isEmpty else {
      throw CommandFailure("Invalid source address", "Cannot move \(source): it does not exist in the state.")
    }
    let moving = Set(pairs.map(\.0))
    guard !pairs.contains(where: { next.objects[$0.1] != nil && !moving.contains($0.1) }) else {
      throw CommandFailure("Invalid target address", "Cannot move to \(destination): there is already a resource instance at that address.")
    }
    let objects = pairs.map { next.objects[$0.0] }
    for (old, _) in pairs { next.objects[old] = nil }
    for ((_, new), object) in zip(pairs, objects) { next.objects[new] = object }
    for (key, object) in next.deposed {
      guard let (_, new) = pairs.first(where: { $0.0 == key.address }) else { continue }
      next.deposed[key] = nil
      next.deposed[DeposedKey(address: new, key: key.key)] = object
    }
    try session.writeState(next)
    session.context.out(StateView.moved(source, to: destination))
    return 0
  }
}
