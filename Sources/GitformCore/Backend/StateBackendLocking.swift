import Foundation

/// `-lock-timeout` for any backend: try the lock, and while someone else holds it, wait and try
/// again until the deadline — as Terraform's `statemgr.LockWithContext`, whose wait starts at
/// one second and doubles up to sixteen (the backend says how fast; the local file retries
/// faster because a try costs nothing). It sleeps between attempts, never spins, and never
/// sleeps past the deadline.
public enum StateBackendLocking {
  /// Takes the lock, waiting up to `timeout` seconds while it is held (0: try once).
  ///
  /// - Parameters:
  ///   - whileWaiting: called once when the wait passes `StateLock.slowThreshold`, so the CLI can
  ///     say "Acquiring state lock. This may take a few moments..." when Terraform would.
  ///   - sleep: waits between attempts; tests pass a recorder.
  /// - Returns: true when the lock is now held, false when the backend does not lock.
  /// - Throws: `.locked` naming the holder ("locked by … since …, operation …") when the lock
  ///   is still held at the deadline; any other backend error at once (Terraform does not retry
  ///   a failure that is not a lock conflict either).
  @discardableResult
  public static func acquire(
    _ backend: StateBackend, info: LockInfo, timeout: Double = 0,
    whileWaiting: () -> Void = {},
    sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
    now: () -> Date = Date.init
  ) throws(BackendError) -> Bool {
    let started = now()
    let deadline = started.addingTimeInterval(max(0, timeout))
    var delay = backend.lockRetryInitial
    var toldSlow = false
    while true {
      switch try backend.tryLock(info) {
      case .acquired: return true
      case .unsupported: return false
      case .held(let holder):
        let remaining = deadline.timeIntervalSince(now())
        guard remaining > 0 else {
          throw heldError(holder, location: backend.location, waited: timeout > 0)
        }
        if !toldSlow {
          toldSlow = true
          whileWaiting()
        }
        sleep(min(delay, remaining))
        delay = min(delay * 2, backend.lockRetryMaximum)
      }
    }
  }

  /// Terraform's contention message, with a first line that names the holder.
  public static func heldError(_ holder: LockInfo?, location: String, waited: Bool) -> BackendError
  {
    var detail = "The state at \(location) is "
    if let holder {
      detail += "locked by \(holder.who.isEmpty ? "an unknown holder" : holder.who)"
      if !holder.created.isEmpty { detail += " since \(holder.createdForDisplay)" }
      detail +=
        ", operation \(holder.operation.isEmpty ? "not recorded by the server" : holder.operation)"
      detail += ", lock ID \(holder.id)."
    } else {
      detail += "locked; the server did not say by whom."
    }
    if waited { detail += " It was still locked when -lock-timeout expired." }
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
    }
    detail += """



      gitform acquires a state lock to protect the state from being written
      by multiple users at the same time. Please resolve the issue above and try
      again. For most commands, you can disable locking with the "-lock=false"
      flag, but this is not recommended. If the holder is gone for good,
      gitform force-unlock \(holder?.id ?? "ID") removes the lock.
      """
    return BackendError(
      code: .locked, summary: "Error acquiring the state lock", detail: detail, holder: holder)
  }
}
