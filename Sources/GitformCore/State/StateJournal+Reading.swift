extension StateJournal {
  /// What a journal file holds: the state it extends and the actions recorded since.
  struct Contents: Equatable {
    /// Empty when the journal's header never became durable (nothing was recorded).
    var lineage: String
    var serial: UInt64
    var entries: [JournalEntry]
  }

  /// Reads a journal; nil when there is none. A last line without its newline, or one that is
  /// not valid JSON, is a torn append and ignored: its action was never reported complete. Any
  /// other bad line is an error: it means the file was damaged after it was written, and
  /// guessing could lose a token.
  static func read(path: String, readerVersion: String) throws(StateError) -> Contents? {
    guard let bytes = try DurableFile.read(path) else { return nil }
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    // What follows the final newline is empty in a clean file, and a torn append otherwise.
    lines.removeLast()
    let decoder = StateDecoder(path: path, readerVersion: readerVersion, isJournal: true)
    guard let first = lines.first else {
      // A crash while creating the journal, before its header was durable: nothing was done.
      return Contents(lineage: "", serial: 0, entries: [])
    }
    let header = try? JSONParser.parse(first)
    guard header?["journal"]?.int64Value == Int64(formatVersion),
      let lineage = header?["lineage"]?.stringValue, let serial = header?["serial"]?.uint64Value
    else {
      throw decoder.invalid("line 1", "must be a journal header {\"journal\":1,\"lineage\":…,\"serial\":…}")
    }
    var entries: [JournalEntry] = []
    for (offset, line) in lines.enumerated().dropFirst() {
      let field = "line \(offset + 1)"
      guard let value = try? JSONParser.parse(line) else {
        if offset == lines.count - 1 { break }  // torn last line
        throw decoder.invalid(field, "is not valid JSON")
      }
      entries.append(try JournalEntry.decode(value, decoder: decoder, field: field))
    }
    return Contents(lineage: lineage, serial: serial, entries: entries)
  }
}
