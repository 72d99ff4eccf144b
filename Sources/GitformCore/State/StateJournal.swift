import Foundation

/// The apply journal: an append-only file beside the state (`gitform.tfstate.journal`, mode
/// 0600) holding one JSON line per completed action.
///
/// Why: an action is reported only after it is durable, and rewriting a large state file after
/// each of 10,000 actions would make apply quadratic. Appending one line and syncing it costs
/// the same for the first action and the ten-thousandth. The journal is folded into the state
/// when apply ends (`StateStore.finish`) and, after a crash, when the state is next loaded.
///
/// Layout: a header line `{"journal":1,"lineage":"…","serial":N}` naming the state it extends,
/// then one `JournalEntry` per line. A torn last line (a crash mid-append) is ignored: its action
/// was never reported as complete. `append` may be called from several threads at once.
public final class StateJournal: @unchecked Sendable {
  /// The journal format written in the header's `journal` field.
  static let formatVersion = 1

  public let path: String
  public let lineage: String
  /// Guards `descriptor` and `linesWritten`: one writer at a time.
  private let writeLock = NSLock()
  /// Guards `linesSynced`: one sync at a time.
  private let syncLock = NSLock()
  private var descriptor: Int32
  private var linesWritten = 0
  private var linesSynced = 0

  private init(path: String, lineage: String, descriptor: Int32) {
    self.path = path
    self.lineage = lineage
    self.descriptor = descriptor
  }

  deinit { if descriptor >= 0 { Foundation.close(descriptor) } }

  /// Creates a new journal for `state`. An existing journal is never truncated: it holds
  /// actions not yet folded, so finding one here is an error.
  static func create(path: String, for state: State) throws(StateError) -> StateJournal {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw StateError(
          code: .journalMismatch, summary: "Unfinished apply journal",
          detail: """
            The journal "\(path)" already exists: it holds actions of an earlier apply that have \
            not been folded into the state yet. Load the state again (any plan or apply does) \
            to fold it.
            """, path: path)
      }
      throw .fileSystem(path, "create", errno: errno)
    }
    let journal = StateJournal(path: path, lineage: state.lineage, descriptor: descriptor)
    guard fchmod(descriptor, 0o600) == 0 else { throw .fileSystem(path, "create", errno: errno) }
    let header: JSON = .object([
      ("journal", .integer(formatVersion)), ("lineage", .string(state.lineage)),
      ("serial", .integer(state.serial)),
    ])
    try journal.appendLine(header)
    try DurableFile.syncDirectory(of: path)
    return journal
  }

  /// Records a completed action durably: when this returns, the line is on disk.
  public func append(_ entry: JournalEntry) throws(StateError) {
    try appendLine(entry.json)
  }

  /// Writes a line, then makes it durable with group commit: when several threads append at
  /// once, one `fdatasync` covers every line written before it started, so parallel actions
  /// share syncs instead of queueing for one each.
  private func appendLine(_ value: JSON) throws(StateError) {
    let line = Array((JSONWriter.compact(value) + "\n").utf8)
    let ticket: Int
    writeLock.lock()
    do {
      defer { writeLock.unlock() }
      guard descriptor >= 0 else {
        throw StateError(
          code: .fileSystem, summary: "Journal closed",
          detail: "The journal \"\(path)\" was already closed.", path: path)
      }
      try DurableFile.writeAll(descriptor, line, path: path)
      linesWritten += 1
      ticket = linesWritten
    }
    syncLock.lock()
    defer { syncLock.unlock() }
    guard linesSynced < ticket else { return }  // another thread's sync covered this line
    let (target, current) = writeLock.withLock { (linesWritten, descriptor) }
    // A journal closed meanwhile was synced by `close`.
    guard current >= 0 else {
      guard linesSynced >= ticket else { throw .fileSystem(path, "sync", errno: EIO) }
      return
    }
    guard fdatasync(current) == 0 else { throw .fileSystem(path, "sync", errno: errno) }
    linesSynced = target
  }

  /// Closes the file once pending syncs are done; later appends fail.
  func close() {
    syncLock.lock()
    defer { syncLock.unlock() }
    writeLock.lock()
    defer { writeLock.unlock() }
    if descriptor >= 0 {
      // Lines written by appends still waiting for their sync become durable here.
      if linesSynced < linesWritten, fdatasync(descriptor) == 0 { linesSynced = linesWritten }
      Foundation.close(descriptor)
      descriptor = -1
    }
  }
}
