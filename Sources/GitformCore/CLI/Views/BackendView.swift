/// The words of the commands about where the state lives and who holds it: `init` (and
/// `init -migrate-state`), `force-unlock`, and the line shown while waiting for a lock.
enum BackendView {
  static let initializing = "\nInitializing the backend...\n"

  static func copied(from previous: String, to current: String, serial: UInt64) -> String {
    "Copied the state from \(previous) to \(current) (serial \(serial)).\n"
  }

  static func nothingToCopy(at previous: String) -> String { "No state at \(previous): nothing to copy.\n" }

  static let changedSinceInit =
    "The backend changed since the last init: run gitform init -migrate-state to copy the state.\n"

  /// Where the state lives after `init`: the backend's type and location, or the local file.
  static func initialized(backend type: String?, location: String, localFile: String) -> String {
    (type.map { "\nSuccessfully configured the backend \"\($0)\": the state lives in \(location).\n" }
      ?? "\nThe state lives in the local file \(localFile).\n")
      + "\ngitform has been successfully initialized!\n"
  }

  /// Terraform's force-unlock prompt, waiting for an answer on the same line.
  static let forceUnlockPrompt =
    "Do you really want to force-unlock?\n  gitform will remove the lock on the remote state.\n  This will allow local gitform commands to modify this state, even though it\n  may still be in use. Only 'yes' will be accepted to confirm.\n\n  Enter a value: "

  static let forceUnlockCancelled = "\nforce-unlock cancelled.\n"

  static let unlocked =
    "gitform state has been successfully unlocked!\n\nThe state has been unlocked, and gitform commands should now be able to\nobtain a new lock on the remote state.\n"

  /// On standard error while another process holds the lock and -lock-timeout allows a wait.
  static let acquiringLock = "Acquiring state lock. This may take a few moments...\n"
}
