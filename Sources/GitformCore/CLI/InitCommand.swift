import Foundation

/// `gitform init [-migrate-state] [-force-copy]`: checks the backend the configuration names
/// and moves the state when it changed (local → GitLab and back).
///
/// gitform has no plugins to install, so init is about the state only. It remembers which
/// backend it last initialised in `.gitform/backend.json` (type and settings, never a username
/// or password), as Terraform keeps `.terraform/terraform.tfstate`; without that record the
/// previous state is the local file. A migration never overwrites a stored state of another
/// lineage or a newer serial unless `-force-copy`.
struct InitCommand: Command {
  static let name = "init"
  static let synopsis = "Prepare the working directory: check the backend, move the state"
  static let help = """
    Usage: gitform [global options] init [options]

      Checks the backend of the configuration (the gitform { backend ... } block, or the
      local state file) and, with -migrate-state, copies the state from the backend used
      before to the one configured now.

    Options:

      -migrate-state   Copy the state from the previous backend to the configured one.
      -force-copy      Replace a stored state of another lineage or a newer serial.
      -lock=false      Don't hold a state lock while migrating.
      -lock-timeout=0s Duration to retry a state lock.
      -no-color        No color in the output.

    """

  static let recordPath = ".gitform/backend.json"

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let switches = ["-migrate-state", "--migrate-state", "-force-copy", "--force-copy"]
    let migrate = arguments.contains("-migrate-state") || arguments.contains("--migrate-state")
    let force = arguments.contains("-force-copy") || arguments.contains("--force-copy")
    let flags: EngineFlags
    switch EngineFlags.parse(arguments.filter { !switches.contains($0) }, accepts: [.lock, .color, .variables]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    let session = EngineSession(context: context, flags: flags)
    return session.run { () throws(CommandFailure) -> Int32 in
      try initialize(session, migrate: migrate, force: force)
      return 0
    }
  }

  /// Records the configured backend, copying the state from the previous one when asked.
  private func initialize(_ session: EngineSession, migrate: Bool, force: Bool) throws(CommandFailure) {
    let context = session.context
    try session.loadConfiguration()
    try session.openBackend()
    let current = session.stateBackend()
    let block = session.configuration.backend
    let record = CommandLineInterface.resolve(Self.recordPath, against: context.workingDirectory)
    let previousBlock = Self.readRecord(record)
    let changed = previousBlock?.type != block?.type || previousBlock?.attributes != block.map(Self.recorded)
    context.out(BackendView.initializing)
    if migrate && changed {
      let previous = try previousBackend(previousBlock, session: session)
      try session.lockState(operation: "migration")
      do {
        if let bytes = try previous.pull() {
          let state = try decode(bytes, from: previous)
          let stored = try current.replace(with: state, force: force)
          context.out(BackendView.copied(from: previous.location, to: current.location, serial: stored.serial))
        } else {
          context.out(BackendView.nothingToCopy(at: previous.location))
        }
      } catch {
        throw CommandFailure(error.summary, error.detail)
      }
    } else if changed && previousBlock != nil {
      context.out(BackendView.changedSinceInit)
    }
    do {
      try Self.writeRecord(block, to: record)
    } catch {
      throw CommandFailure("Failed to record the backend", "\(error)")
    }
    context.out(BackendView.initialized(backend: block?.type, location: current.location, localFile: session.statePathShown))
  }

  private func decode(_ bytes: [UInt8], from backend: StateBackend) throws(BackendError) -> State {
    do {
      return try StateFile.decode(bytes, path: backend.location, readerVersion: CommandLineInterface.version)
    } catch {
      throw BackendError(code: .invalidState, summary: error.summary, detail: error.detail)
    }
  }

  /// The backend init last configured.
  private func previousBackend(_ block: RecordedBackend?, session: EngineSession) throws(CommandFailure) -> StateBackend {
    guard let block else {
      return LocalStateBackend(
        path: CommandLineInterface.resolve(StateFile.defaultName, against: session.context.workingDirectory),
        writerVersion: CommandLineInterface.version)
    }
    do {
      return try BackendConfiguration.block(type: block.type, attributes: block.attributes).makeBackend(
        providerBaseURL: nil, providerToken: nil, environment: session.context.environment,
        writerVersion: CommandLineInterface.version)
    } catch {
      throw CommandFailure("The previous backend cannot be read", error.summary + ": " + error.detail)
    }
  }

  /// The settings worth remembering: not credentials, which come from the environment again.
  static func recorded(_ block: BackendBlock) -> [String: String] {
    block.attributes.filter { $0.key != "username" && $0.key != "password" }
  }

  static func readRecord(_ path: String) -> RecordedBackend? {
    guard let bytes = try? DurableFile.read(path), let json = try? JSONParser.parse(bytes),
      case .string(let type)? = json["type"], let members = json["attributes"]?.objectMembers
    else { return nil }
    var attributes: [String: String] = [:]
    for (key, value) in members { if case .string(let text) = value { attributes[key] = text } }
    return RecordedBackend(type: type, attributes: attributes)
  }

  static func writeRecord(_ block: BackendBlock?, to path: String) throws {
    guard let block else {
      if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
      return
    }
    let directory = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let json = JSON.object([
      ("type", .string(block.type)),
      ("attributes", .sortedObject(recorded(block).mapValues { JSON.string($0) })),
    ])
    try DurableFile.replace(path, with: Array((JSONWriter.indented(json) + "\n").utf8))
  }
}

/// What `.gitform/backend.json` remembers of the backend init last configured.
struct RecordedBackend: Equatable {
  var type: String
  var attributes: [String: String]
}
