import Foundation

/// `gitform state push [-force] FILE`: replaces the state where it lives (the local file or the
/// configured backend) with a state file, under the lock, by Terraform's rules: the same
/// lineage and no older serial unless `-force`.
extension StateCommand {
  func push(_ session: EngineSession, force: Bool) throws(CommandFailure) -> Int32 {
    guard session.flags.positional.count == 1, let file = session.flags.positional.first else {
      throw CommandFailure("Exactly one argument expected", "The state push command needs the path of a state file, as in gitform state push gitform.tfstate; - reads standard input is not supported.")
    }
    let path = CommandLineInterface.resolve(file, against: session.context.workingDirectory)
    let read: [UInt8]?
    let incoming: State
    do {
      read = try DurableFile.read(path)
    } catch {
      throw CommandFailure(error.summary, error.detail)
    }
    guard let bytes = read else { throw CommandFailure("Failed to read the state file", "There is no file \(file).") }
    do {
      incoming = try StateFile.decode(bytes, path: file, readerVersion: CommandLineInterface.version)
    } catch {
      throw CommandFailure(error.summary, error.detail)
    }
    try session.lockState(operation: "state-push")
    let backend = session.stateBackend()
    do {
      let stored = try backend.replace(with: incoming, force: force)
      session.context.out(StateView.pushed(stored, to: backend.location))
      return 0
    } catch {
      throw CommandFailure(error.summary, error.detail)
    }
  }
}
