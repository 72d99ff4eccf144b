extension DiagnosticSource {
  /// The source of a configuration file with the headers of its top-level blocks, so that
  /// rendered diagnostics say `in resource "user_token" "bot"`. Parses the file (errors are
  /// ignored here: a partial tree still has the blocks before the error).
  public init(parsing bytes: [UInt8], filename: String) {
    let (file, _) = Parser.parse(bytes, filename: filename)
    self.init(bytes: bytes, file: file)
  }

  /// The same, from a file already parsed (no second parse).
  public init(bytes: [UInt8], file: SyntaxFile) {
    let contexts = file.body.blocks.map { block in
      Context(
        startByte: block.range.start.byte, endByte: block.range.end.byte, header: block.headerText)
    }
    self.init(filename: file.range.filename, bytes: bytes, contexts: contexts)
  }
}
