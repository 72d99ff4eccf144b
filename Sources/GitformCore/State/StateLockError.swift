/// Why the state lock could not be taken or released, worded as Terraform words it.
public struct StateLockError: Error, Equatable, Sendable, CustomStringConvertible {
  public enum Code: String, Equatable, Sendable {
    /// Another process holds the lock (still, after any `-lock-timeout`).
    case held
    /// `force-unlock` was given an ID that is not the current lock's.
    case idMismatch
    /// `force-unlock` found no lock to remove.
    case notLocked
    /// `force-unlock` found the lock held by a process that is still running.
    case holderRunning
    /// The lock files could not be created, read or removed.
    case fileSystem
  }

  public var code: Code
  public var summary: String
  public var detail: String
  /// The holder's lock info, when it could be read.
  public var holder: LockInfo?

  public var description: String { "\(summary)\n\n\(detail)" }

  /// Terraform's text after the lock info, with gitform's name.
  static let advice = """
    gitform acquires a state lock to protect the state from being written
    by multiple users at the same time. Please resolve the issue above and try
    again. For most commands, you can disable locking with the "-lock=false"
    flag, but this is not recommended.
    """

  static func held(by holder: LockInfo?, waited: Bool) -> StateLockError {
    var detail = "Error message: resource temporarily unavailable"
    if waited { detail += " (still locked when -lock-timeout expired)" }
    if let holder {
      detail += """

        Lock Info:
          ID:        \(holder.id)
          Path:      \(holder.path)
          Operation: \(holder.operation)
          Who:       \(holder.who)
          Version:   \(holder.version)
          Created:   \(holder.createdForDisplay)
          Info:      \(holder.info)
        """
    } else {
      detail += "\n(The holder has not recorded who it is yet.)"
    }
    detail += "\n\n\n" + advice
    return StateLockError(code: .held, summary: "Error acquiring the state lock", detail: detail, holder: holder)
  }

  static func fileSystem(_ path: String, _ action: String, errno code: Int32) -> StateLockError {
    StateLockError(
      code: .fileSystem, summary: "Failed to \(action) the state lock",
      detail: "\"\(path)\": \(SystemError.message(code)). Check that the directory exists and is writable.",
      holder: nil)
  }
}
