import Foundation

extension StateLock {
  /// `gitform force-unlock ID`: removes a lock left behind by a process that no longer runs.
  ///
  /// The ID must be the one in the lock info, so that a lock taken since the user looked is
  /// never removed by mistake. A lock whose holder is still running cannot be broken (the
  /// kernel holds it for that process); the error says so and names the holder.
  public static func forceUnlock(id: String, statePath: String) throws(StateLockError) {
    let (lockPath, infoPath) = paths(forState: statePath)
    let bytes: [UInt8]?
    do {
      bytes = try DurableFile.read(infoPath, followingLinks: false)
    } catch {
      throw StateLockError(code: .fileSystem, summary: "Failed to unlock state", detail: error.detail, holder: nil)
    }
    guard let bytes else {
      throw StateLockError(
        code: .notLocked, summary: "Failed to unlock state",
        detail: "No lock is recorded for \"\(statePath)\" (\"\(infoPath)\" does not exist); there is nothing to unlock.",
        holder: nil)
    }
    let holder = LockInfo.decode(bytes)
    guard let holder, holder.id == id else {
      throw StateLockError(
        code: .idMismatch, summary: "Failed to unlock state",
        detail: "lock ID \"\(id)\" does not match existing lock ID \"\(holder?.id ?? "")\"", holder: holder)
    }
    let descriptor = try openLockFile(lockPath)
    defer { close(descriptor) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      throw StateLockError(
        code: .holderRunning, summary: "Failed to unlock state",
        detail: """
          The lock \(id) is held by a gitform process that is still running (\(holder.who), \
          \(holder.operation), since \(holder.createdForDisplay)). Stop that process instead: \
          a local lock is released as soon as its holder exits.
          """, holder: holder)
    }
    defer { flock(descriptor, LOCK_UN) }
    guard unlink(infoPath) == 0 || errno == ENOENT else { throw .fileSystem(infoPath, "remove", errno: errno) }
  }
}
