/// The state file on disk: reading it, recovering an interrupted apply's journal, and writing
/// new snapshots safely.
///
/// Guarantees:
/// - Writes are atomic (temporary file, fsync, rename, directory fsync) and mode 0600.
/// - Before the first write that changes content, the file as it was read is copied to
///   `PATH.backup` (once per store, as Terraform does once per run; not when there was no file).
/// - `serial` grows by exactly one per write whose content differs from the last snapshot read
///   or written; writing the same content again writes nothing.
/// - A file that cannot be read as a state is reported and never overwritten.
/// - A state path that is a symbolic link is written through: the link's target is replaced
///   (atomically, in the target's directory), never the link, so the file the link names is the
///   one that holds the current state. Backup, journal and lock live beside the target.
/// Not thread-safe: one store per command; concurrent apply actions go through the journal.
public struct StateStore: Sendable {
  /// The file written: the state path given, or the file it links to.
  public let path: String
  /// gitform's version, recorded as `terraform_version` and named in "too new" errors.
  public let writerVersion: String
  /// The last snapshot read from or written to disk, as bytes and as a state.
  private var persisted: (bytes: [UInt8], state: State)?
  /// The original file's bytes, for the one backup this store writes.
  private var original: [UInt8]?
  private var backupWritten = false

  /// - Parameter path: the state file; a symbolic link is resolved to the file it names (a
  ///   link that cannot be resolved is kept, so the first read reports the problem).
  public init(path: String, writerVersion: String) {
    self.path = (try? DurableFile.resolvingSymlinks(path)) ?? path
    self.writerVersion = writerVersion
  }

  public var backupPath: String { path + ".backup" }
  public var journalPath: String { path + ".journal" }

  /// Reads the state. A missing file gives an empty state with a new lineage (nothing is written
  /// until there is something to remember). An unfinished journal from an interrupted apply is
  /// folded in; with `recoverJournal` (only when holding the lock) the result is written and the
  /// journal deleted, otherwise it is folded in memory only and the files are left alone.
  public mutating func load(recoverJournal: Bool = true) throws(StateError) -> State {
    var state: State
    if let bytes = try DurableFile.read(path) {
      do {
        state = try StateFile.decode(bytes, path: path, readerVersion: writerVersion)
      } catch {
        throw DurableFile.exists(backupPath) ? error : error.withoutBackup()
      }
      persisted = (bytes, state)
      original = bytes
    } else {
      state = State(terraformVersion: writerVersion)
    }
    guard let journal = try StateJournal.read(path: journalPath, readerVersion: writerVersion) else {
      return state
    }
    if !journal.lineage.isEmpty {
      if persisted == nil {
        // The journal began before the state's first write: it names the lineage to continue.
        state.lineage = journal.lineage
      } else if journal.lineage != state.lineage {
        throw StateError(
          code: .journalMismatch, summary: "Apply journal belongs to another state",
          detail: """
            The apply journal "\(journalPath)" was written for a state with lineage \
            \(journal.lineage), but "\(path)" has lineage \(state.lineage). Check whether the state \
            file was replaced; move the journal away once you know which is right. gitform has \
            changed neither file.
            """, path: journalPath)
      }
    }
    for entry in journal.entries { entry.apply(to: &state) }
    guard recoverJournal else { return state }
    // A journal with nothing in it over no state file leaves nothing to remember.
    if persisted != nil || !state.isEmpty { state = try write(state) }
    try DurableFile.remove(journalPath)
    return state
  }

  /// Persists `state` if its content differs from the last snapshot, with the serial raised by
  /// one and gitform's version recorded; returns the state as it is now on disk.
  @discardableResult
  public mutating func write(_ state: State) throws(StateError) -> State {
    var next = state
    next.terraformVersion = writerVersion
    if let persisted {
      next.serial = persisted.state.serial
      if StateFile.encodeBytes(next) == persisted.bytes { return persisted.state }
      next.serial = max(persisted.state.serial, state.serial) + 1
    } else {
      next.serial = state.serial + 1
    }
    let bytes = StateFile.encodeBytes(next)
    if let original, !backupWritten {
      try DurableFile.replace(backupPath, with: original)
      backupWritten = true
    }
    try DurableFile.replace(path, with: bytes)
    persisted = (bytes, next)
    return next
  }

  /// Starts the journal for an apply of `state`. Every `append` is durable when it returns.
  public func beginJournal(for state: State) throws(StateError) -> StateJournal {
    try StateJournal.create(path: journalPath, for: state)
  }

  /// Ends an apply: writes the final `state` (which must include every journaled action), then
  /// deletes the journal. A crash in between is harmless: the next load folds the journal again,
  /// and folding is idempotent.
  @discardableResult
  public mutating func finish(_ journal: StateJournal, state: State) throws(StateError) -> State {
    journal.close()
    let written = try write(state)
    try DurableFile.remove(journal.path)
    return written
  }
}
