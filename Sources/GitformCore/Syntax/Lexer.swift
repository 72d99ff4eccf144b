/// The HCL native-syntax lexer: source bytes to a lossless token stream with ranges.
///
/// Modes follow hclsyntax's scanner: the main (expression) mode, quoted templates and
/// heredoc templates, nested through `${`/`%{` and brace counting. Every call into a mode's
/// scanner consumes at least one byte, so lexing always terminates. Problems the lexer can
/// see on its own (bad characters, bad encoding, a BOM, an unterminated comment) are
/// reported here; everything else is the parser's.
public enum Lexer {
  /// Tokenizes `source`, ending with one zero-width `endOfFile` token.
  public static func tokenize(_ source: [UInt8], filename: String) -> (
    tokens: [Token], diagnostics: [Diagnostic]
  ) {
    let (raw, diagnostics) = scan(source, filename: filename)
    let origin = SourcePosition(line: 1, column: 1, byte: 0)
    let file = SourceRange(filename: filename, start: origin, end: origin)
    let tokens = raw.indices.map { index -> Token in
      let token = raw[index]
      let end = raw.end(index)
      return Token(
        kind: token.kind, bytes: source[token.start.byte..<end.byte],
        range: file.with(start: token.start, end: end), spacesBefore: Int(token.spacesBefore))
    }
    return (tokens, diagnostics)
  }

  /// The compact token stream the parser reads, with the same diagnostics.
  static func scan(_ source: [UInt8], filename: String) -> (
    tokens: [RawToken], diagnostics: [Diagnostic]
  ) {
    var scanner = TokenScanner(source: source, filename: filename)
    scanner.run()
    var diagnostics = scanner.diagnostics
    diagnostics += InvalidTokenReport.diagnostics(
      for: scanner.tokens, reportable: scanner.reportable, source: source, filename: filename)
    return (scanner.tokens, diagnostics)
  }
}

/// The lexer's mutable state while it walks one source file.
struct TokenScanner {
  enum Mode {
    case main
    case quoted
    /// Index into `heredocs`.
    case heredoc
  }

  /// An open heredoc: its closing marker and whether the next literal starts a line.
  struct Heredoc {
    var marker: ArraySlice<UInt8>
    var startOfLine: Bool
  }

  let source: [UInt8]
  let filename: String
  var tokens: [RawToken] = []
  /// Indices of tokens that `InvalidTokenReport` must look at.
  var reportable: [Int] = []
  var diagnostics: [Diagnostic] = []

  // Position of `offset`, the first byte not yet in a token or skipped whitespace.
  var offset = 0
  var line = 1
  var column = 1
  var pendingSpaces = 0

  var modes: [Mode] = [.main]
  var heredocs: [Heredoc] = []
  /// Open `{` count, and the counts at which a `}` ends a template sequence instead.
  var braces = 0
  var returnBraces: [Int] = []

  init(source: [UInt8], filename: String) {
    self.source = source
    self.filename = filename
    // About one token per 3-4 bytes in real files; reserving generously avoids copying a
    // large array on growth (untouched capacity costs nothing).
    tokens.reserveCapacity(source.count / 2 + 16)
  }

  var position: SourcePosition { SourcePosition(line: line, column: column, byte: offset) }

  mutating func run() {
    reportEncodingProblems()
    let count = source.count
    while offset < count {
      switch modes.last ?? .main {
      case .main: scanMain()
      case .quoted: scanQuoted()
      case .heredoc: scanHeredoc()
      }
    }
    let end = position
    tokens.append(
      RawToken(kind: .endOfFile, spacesBefore: Int32(clamping: pendingSpaces), start: end))
  }

  /// A BOM and the first invalid UTF-8 byte are reported once each, up front, so that bytes
  /// hidden in comments are caught too.
  private mutating func reportEncodingProblems() {
    if source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF {
      emit(.byteOrderMark, length: 3)
      diagnostics.append(
        .error(
          "Invalid character encoding",
          detail:
            "The file starts with a UTF-8 byte order mark (BOM), which is not allowed. Save the file as UTF-8 without a byte order mark.",
          subject: SourceRange(
            filename: filename, start: SourcePosition(line: 1, column: 1, byte: 0),
            end: SourcePosition(line: 1, column: 2, byte: 3))))
    }
    if let bad = UTF8Scalar.firstInvalidOffset(source) {
      let start = Self.position(of: bad, in: source)
      let range = SourceRange(
        filename: filename, start: start,
        end: SourcePosition(line: start.line, column: start.column + 1, byte: bad + 1))
      diagnostics.append(
        .error(
          "Invalid character encoding",
          detail:
            "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.",
          subject: range))
    }
  }

  /// The position of a byte offset, counted from the start (used only for error reports).
  static func position(of target: Int, in source: [UInt8]) -> SourcePosition {
    var line = 1
    var lineStart = 0
    var i = 0
    while i < target {
      if source[i] == 0x0A {
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    let column = String(decoding: source[lineStart..<target], as: UTF8.self).count + 1
    return SourcePosition(line: line, column: column, byte: target)
  }

  // MARK: - Emitting

  /// Appends a token of `length` bytes starting at `offset` and moves past it.
  mutating func emit(_ kind: TokenKind, length: Int) {
    let start = position
    advancePosition(to: offset + length)
    append(kind, from: start)
  }

  /// `emit` for a token known to be ASCII without newlines (punctuation, numbers, most
  /// identifiers): its end column is its start column plus its length, no scan needed.
  mutating func emitASCII(_ kind: TokenKind, length: Int) {
    let start = position
    offset += length
    column += length
    append(kind, from: start)
  }

  private mutating func append(_ kind: TokenKind, from start: SourcePosition) {
    switch kind {
    case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .bitwiseNot, .backtick, .apostrophe, .semicolon,
      .quotedNewline, .invalid:
      reportable.append(tokens.count)
    default:
      break
    }
    tokens.append(
      RawToken(kind: kind, spacesBefore: Int32(truncatingIfNeeded: pendingSpaces), start: start))
    pendingSpaces = 0
  }

  /// Skips spaces and tabs (main mode only), remembering them for the next token.
  mutating func skipWhitespace(length: Int) {
    offset += length
    column += length
    pendingSpaces += length
  }

  /// Moves `offset` to `end`, counting lines and columns. Columns count grapheme clusters as
  /// hcl does; ASCII takes the fast path, anything else is counted through `String`.
  mutating func advancePosition(to end: Int) {
    var i = offset
    while i < end {
      let byte = source[i]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte < 0x80 {
        column += 1
      } else {
        break
      }
      i += 1
    }
    if i < end {
      for character in String(decoding: source[i..<end], as: UTF8.self) {
        if character == "\n" || character == "\r\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      }
    }
    offset = end
  }

  // MARK: - Byte helpers

  func byte(at i: Int) -> UInt8? { i < source.count ? source[i] : nil }

  /// The length of the newline at `i` (1 for LF, 2 for CRLF), or 0 when there is none.
  func newlineLength(at i: Int) -> Int {
    guard i < source.count else { return 0 }
    if source[i] == 0x0A { return 1 }
    if source[i] == 0x0D, byte(at: i + 1) == 0x0A { return 2 }
    return 0
  }

  /// The length of an ASCII-only identifier at `i`, or 0 when the identifier there (if any)
  /// has a non-ASCII character and needs `identifierLength`.
  func asciiIdentifierLength(at i: Int) -> Int {
    var j = i + 1
    while j < source.count {
      let b = source[j]
      if (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
        || b == 0x5F || b == 0x2D
      {
        j += 1
      } else if b >= 0x80 {
        return 0
      } else {
        break
      }
    }
    return j - i
  }

  /// The length of an identifier starting at `i`, or 0 when none starts there.
  /// Identifiers are `(ID_Start | '_') (ID_Continue | '-')*`, as hclsyntax implements them.
  func identifierLength(at i: Int) -> Int {
    var j = i
    var first = true
    while j < source.count {
      let b = source[j]
      var length = 0
      if b < 0x80 {
        let isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
        let isDigit = b >= 0x30 && b <= 0x39
        if isLetter || b == 0x5F || (!first && (isDigit || b == 0x2D)) { length = 1 }
      } else if let (scalar, n) = UTF8Scalar.decode(source, at: j) {
        let properties = scalar.properties
        if first ? properties.isIDStart : properties.isIDContinue { length = n }
      }
      if length == 0 { break }
      j += length
      first = false
    }
    return j - i
  }
}
