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
  private let lock = NSLock()
  private var descriptor: Int32

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

  private func appendLine(_ value: JSON) throws(StateError) {
    let line = Array((JSONWriter.compact(value) + "\n").utf8)
    lock.lock()
    defer { lock.unlock() }
    guard descriptor >= 0 else {
      throw StateError(
        code: .fileSystem, summary: "Journal closed", detail: "The journal \"\(path)\" was already closed.",
        path: path)
    }
    try DurableFile.writeAll(descriptor, line, path: path)
    guard fdatasync(descriptor) == 0 else { throw .fileSystem(path, "sync", errno: errno) }
  }

  /// Closes the file; later appends fail.
  func close() {
    lock.lock()
    defer { lock.unlock() }
    if descriptor >= 0 {
      Foundation.close(descriptor)
      descriptor = -1
    }
  }
}
