import Foundation

/// The state file on disk behind the `StateBackend` protocol: `StateStore` (atomic writes,
/// backup, journal recovery) and `StateLock` (flock + lock info), unchanged, under one object.
///
/// The journal of an interrupted apply is folded in and cleared by `load` only while this
/// object holds the lock, as `StateStore.load(recoverJournal:)` requires.
public final class LocalStateBackend: StateBackend, @unchecked Sendable {
  // @unchecked: `store` and `lock` are guarded by `mutex`.
  public let path: String
  public let writerVersion: String
  private let mutex = NSRecursiveLock()
  private var store: StateStore
  private var lock: StateLock?

  public let lockRetryInitial = 0.05
  public let lockRetryMaximum = 1.0

  public init(path: String, writerVersion: String) {
    self.path = path
    self.writerVersion = writerVersion
    store = StateStore(path: path, writerVersion: writerVersion)
  }

  deinit { try? lock?.unlock() }

  public var location: String { path }

  /// The underlying store, for the journal during an apply (`beginJournal`, `finish`).
  public func withStore<Result>(_ body: (inout StateStore) throws -> Result) rethrows -> Result {
    mutex.lock()
    defer { mutex.unlock() }
    return try body(&store)
  }

  public func pull() throws(BackendError) -> [UInt8]? {
    do {
      return try DurableFile.read(path)
    } catch {
      throw .local(error)
    }
  }

  /// Writes `bytes` as the state file atomically, keeping the previous file as `PATH.backup`.
  public func push(_ bytes: [UInt8]) throws(BackendError) {
    mutex.lock()
    defer { mutex.unlock() }
    do {
      if let previous = try DurableFile.read(path) {
        try DurableFile.replace(store.backupPath, with: previous)
      }
      try DurableFile.replace(path, with: bytes)
    } catch {
      throw .local(error)
    }
    store = StateStore(path: path, writerVersion: writerVersion)
  }

  public func load() throws(BackendError) -> State {
    mutex.lock()
    defer { mutex.unlock() }
    do {
      return try store.load(recoverJournal: lock != nil)
    } catch {
      throw .local(error)
    }
  }

  @discardableResult
  public func persist(_ state: State) throws(BackendError) -> State {
    mutex.lock()
    defer { mutex.unlock() }
    do {
      return try store.write(state)
    } catch {
      throw .local(error)
    }
  }

  public func tryLock(_ info: LockInfo) throws(BackendError) -> LockAttempt {
    mutex.lock()
    defer { mutex.unlock() }
    if lock != nil { return .acquired }
    do {
      lock = try StateLock.acquire(info, statePath: path, timeout: 0)
      return .acquired
    } catch  where error.code == .held {
      return .held(by: error.holder)
    } catch {
      throw .local(error)
    }
  }

  public func unlock() throws(BackendError) {
    mutex.lock()
    defer { mutex.unlock() }
    guard let held = lock else { return }
    lock = nil
    do {
      try held.unlock()
    } catch {
      throw .local(error)
    }
  }

  public func forceUnlock(id: String) throws(BackendError) {
    do {
      try StateLock.forceUnlock(id: id, statePath: path)
    } catch {
      throw .local(error)
    }
  }
}
