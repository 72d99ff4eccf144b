import Foundation

/// `gitform state push [-force] FILE`: replaces the state where it lives (the local file or the
/// configured backend) with a state file, under the lock, by Terraform's rules: the same
/// lineage and no older serial unless `-force`.
extension StateCommand {
  func push(_ session: EngineSession, force: Bool) -> Int32 {
    guard session.flags.positional.count == 1, let file = session.flags.positional.first else {
      return session.fail("Exactly one argument expected", "The state push command needs the path of a state file, as in gitform state push gitform.tfstate; - reads standard input is not supported.") ? 0 : 1
    }
    let path = CommandLineInterface.resolve(file, against: session.context.workingDirectory)
    let incoming: State
    do {
      guard let bytes = try DurableFile.read(path) else {
        return session.fail("Failed to read the state file", "There is no file \(file).") ? 0 : 1
      }
      incoming = try StateFile.decode(bytes, path: file, readerVersion: CommandLineInterface.version)
    } catch {
      return session.fail(error.summary, error.detail) ? 0 : 1
    }
    guard session.lockState(operation: "state-push") else { return 1 }
    defer { session.unlock() }
    let backend = session.stateBackend()
    do {
      let stored = try backend.replace(with: incoming, force: force)
      session.context.out("State pushed to \(backend.location) (serial \(stored.serial), lineage \(stored.lineage)).\n")
      return 0
    } catch {
      return session.fail(error.summary, error.detail) ? 0 : 1
    }
  }
}
