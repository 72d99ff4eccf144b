import Foundation

/// The local state lock: excludes a second gitform process from the same state file.
///
/// The OS lock is an `flock` on a separate, stable file (`.gitform.tfstate.lock`, mode 0600,
/// never deleted), not on the state file as in Terraform: the state is replaced by `rename`
/// on every write, and a lock held on the old inode would silently stop excluding anyone. The
/// kernel releases an `flock` when its holder exits, so a killed gitform never leaves a lock
/// that blocks. `.gitform.tfstate.lock.info` (0600) says who holds it; it is removed on unlock.
/// `flock` locks belong to an open file description, so two `StateLock`s conflict even inside
/// one process.
public final class StateLock: @unchecked Sendable {
  public let info: LockInfo
  public let lockPath: String
  public let infoPath: String
  private let lock = NSLock()
  private var descriptor: Int32

  private init(info: LockInfo, lockPath: String, infoPath: String, descriptor: Int32) {
    self.info = info
    self.lockPath = lockPath
    self.infoPath = infoPath
    self.descriptor = descriptor
  }

  deinit { unlockQuietly() }

  /// `.NAME.lock` and `.NAME.lock.info` beside the state file (no second dot for a name that
  /// already starts with one). A state path that is a symbolic link is locked beside the file it
  /// names, the one `StateStore` writes: two links to one state take one lock.
  public static func paths(forState statePath: String) -> (lock: String, info: String) {
    let target = (try? DurableFile.resolvingSymlinks(statePath)) ?? statePath
    let name = DurableFile.name(of: target)
    let prefix = DurableFile.directory(of: target) + "/" + (name.hasPrefix(".") ? "" : ".") + name
    return (prefix + ".lock", prefix + ".lock.info")
  }

  /// How long a wait must last before `whileWaiting` is told (Terraform's `LockThreshold`).
  public static let slowThreshold = 0.4

  /// Takes the lock for `info.path`, retrying every `retryInterval` until `timeout` (seconds)
  /// has passed; a zero timeout tries once. `whileWaiting` is called once if the wait passes
  /// `slowThreshold`, so the CLI can say "Acquiring state lock. This may take a few moments..."
  /// exactly when Terraform would.
  public static func acquire(
    _ info: LockInfo, statePath: String, timeout: Double = 0, retryInterval: Double = 0.05,
    whileWaiting: () -> Void = {}
  ) throws(StateLockError) -> StateLock {
    let (lockPath, infoPath) = paths(forState: statePath)
    let descriptor = try openLockFile(lockPath)
    // A lock file left by an older tool may be wider; narrowing it is best effort because the
    // file holds no data and may belong to another user.
    _ = fchmod(descriptor, 0o600)
    let started = Date()
    let deadline = started.addingTimeInterval(max(0, timeout))
    var toldSlow = false
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let code = errno
      guard code == EWOULDBLOCK || code == EINTR else {
        close(descriptor)
        throw .fileSystem(lockPath, "take", errno: code)
      }
      let remaining = deadline.timeIntervalSinceNow
      guard remaining > 0 else {
        close(descriptor)
        let holder = (try? DurableFile.read(infoPath, followingLinks: false)).flatMap { $0 }.flatMap(LockInfo.decode)
        throw .held(by: holder, waited: timeout > 0)
      }
      if !toldSlow, Date().timeIntervalSince(started) >= slowThreshold {
        toldSlow = true
        whileWaiting()
      }
      Thread.sleep(forTimeInterval: min(max(retryInterval, 0.001), remaining))
    }
    do {
      try DurableFile.replace(infoPath, with: Array(JSONWriter.compact(info.json).utf8))
    } catch {
      flock(descriptor, LOCK_UN)
      close(descriptor)
      throw StateLockError(code: .fileSystem, summary: "Failed to record the state lock", detail: error.detail, holder: nil)
    }
    return StateLock(info: info, lockPath: lockPath, infoPath: infoPath, descriptor: descriptor)
  }

  /// Opens (creating) the lock file without following a symbolic link: a link planted there
  /// would otherwise make gitform create, lock and `chmod` whatever file it points at.
  static func openLockFile(_ lockPath: String) throws(StateLockError) -> Int32 {
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else {
      let code = errno
      if code == ELOOP {
        throw StateLockError(
          code: .fileSystem, summary: "Error acquiring the state lock",
          detail: """
            The lock file "\(lockPath)" is a symbolic link. gitform never follows a link there \
            (it would lock and change the permissions of the file it points at). Remove the \
            link; gitform creates the lock file itself.
            """, holder: nil)
      }
      throw .fileSystem(lockPath, "create", errno: code)
    }
    return descriptor
  }

  /// Releases the lock and removes the info file. Calling it twice is harmless.
  public func unlock() throws(StateLockError) {
    lock.lock()
    defer { lock.unlock() }
    guard descriptor >= 0 else { return }
    // The info file goes first: a process that takes the lock after us must never see ours.
    let removed = unlink(infoPath) == 0 || errno == ENOENT
    let code = errno
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
    guard removed else { throw .fileSystem(infoPath, "remove", errno: code) }
  }

  private func unlockQuietly() { try? unlock() }

  /// Releases the OS lock but leaves the info file, as a killed process would.
  func abandonForTesting() {
    lock.lock()
    defer { lock.unlock() }
    guard descriptor >= 0 else { return }
    flock(descriptor, LOCK_UN)
    close(descriptor)
    descriptor = -1
  }
}
