extension DiagnosticSource {
  /// The source of a configuration file with the headers of its top-level blocks, so that
  /// rendered diagnostics say `in resource "user_token" "bot"`. Parses the file (errors are
  /// ignored here: a partial tree still has the blocks before the error).
  public init(parsing bytes: [UInt8], filename: String) {
    let (file, _) = Parser.parse(bytes, filename: filename)
    let contexts = file.body.blocks.map { block in
      Context(
        startByte: block.range.start.byte, endByte: block.range.end.byte,
        header: ([block.type] + block.labels.map { GoQuote.quote($0.value) }).joined(separator: " "))
    }
    self.init(filename: filename, bytes: bytes, contexts: contexts)
  }
}
