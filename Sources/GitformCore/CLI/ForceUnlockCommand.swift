/// `gitform force-unlock LOCK_ID`: removes a stale lock left by a gitform that died.
struct ForceUnlockCommand: Command {
  static let name = "force-unlock"
  static let synopsis = "Release a stuck lock on the current workspace"
  static let help = """
    Usage: gitform [global options] force-unlock [options] LOCK_ID

      Manually unlock the state for the defined configuration.

      This will not modify your infrastructure. This command removes the lock on
      the state for the current workspace. The behavior of this lock is dependent
      on the backend being used. Local state files cannot be unlocked by another
      process.

    Options:

      -force           Don't ask for input for unlock confirmation.
      -state=path      The state file whose lock to remove (default gitform.tfstate).

    """

  func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) -> Int32 {
    let force = arguments.contains("-force") || arguments.contains("--force")
    let flags: EngineFlags
    switch EngineFlags.parse(arguments.filter { $0 != "-force" && $0 != "--force" }, accepts: [.state, .color]) {
    case .success(let parsed): flags = parsed
    case .failure(let problem):
      throw .usage("Invalid option", problem.message)
    }
    guard flags.positional.count == 1 else {
      throw .usage("Unexpected arguments", "force-unlock expects exactly one argument: the lock ID.")
    }
    let id = flags.positional[0]
    if !force {
      context.out(BackendView.forceUnlockPrompt)
      guard context.readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
        context.out(BackendView.forceUnlockCancelled)
        return 1
      }
    }
    let session = EngineSession(context: context, flags: flags)
    return session.run { () throws(CommandFailure) -> Int32 in
      try session.openBackend()
      return try forceUnlock(id, session)
    }
  }

  /// Removes the lock where the state lives. Its errors keep the command's own plain text.
  private func forceUnlock(_ id: String, _ session: EngineSession) throws(CommandFailure) -> Int32 {
    let context = session.context
    let flags = session.flags
    if let remote = session.remote {
      do {
        try remote.forceUnlock(id: id)
      } catch {
        throw .usage(error.summary, error.detail)
      }
      context.out(BackendView.unlocked)
      return 0
    }
    let path = CommandLineInterface.resolve(flags.statePath ?? StateFile.defaultName, against: context.workingDirectory)
    do {
      try StateLock.forceUnlock(id: id, statePath: path)
    } catch {
      throw .usage(error.summary, error.detail)
    }
    context.out(BackendView.unlocked)
    return 0
  }
}
